import { WorkingCalendar, addDays, kzCalendar } from './calendar.js';

/**
 * Working time for service-level clocks (the contact center's Rules): 9:00–18:30 Astana time
 * (Asia/Almaty) on working days of the calendar. Instants in and out are UTC `Date`s; nothing
 * here reads the clock: callers pass "now" from the injectable runtime clock.
 */
export interface WorkingHours {
  /** Minutes after local midnight. */
  opensAt: number;
  closesAt: number;
}

export const CONTACT_CENTER_HOURS: WorkingHours = { opensAt: 9 * 60, closesAt: 18 * 60 + 30 };
const MINUTE = 60_000;

export class WorkingTime {
  constructor(
    readonly calendar: WorkingCalendar = kzCalendar,
    readonly hours: WorkingHours = CONTACT_CENTER_HOURS,
  ) {
    if (!(hours.opensAt >= 0 && hours.opensAt < hours.closesAt && hours.closesAt <= 24 * 60)) throw new RangeError('working hours must satisfy 0 ≤ opensAt < closesAt ≤ 24:00');
  }

  /** Minutes of working time in one working day (570 for 9:00–18:30). */
  get dayMinutes(): number {
    return this.hours.closesAt - this.hours.opensAt;
  }

  private at(date: string, minutes: number): Date {
    return new Date(this.calendar.startOfLocalDay(date).getTime() + minutes * MINUTE);
  }

  /** Is the instant inside working hours of a working day? */
  isWorkingTime(instant: Date): boolean {
    const date = this.calendar.localDate(instant);
    if (!this.calendar.isWorkingDay(date)) return false;
    return instant >= this.at(date, this.hours.opensAt) && instant < this.at(date, this.hours.closesAt);
  }

  private nextWorkingDay(date: string): string {
    let d = date;
    for (let i = 0; i < 400 && !this.calendar.isWorkingDay(d); i++) d = addDays(d, 1);
    return d;
  }

  /** The instant `minutes` of working time after `start`: the deadline of "within 3 working hours". */
  addWorkingMinutes(start: Date, minutes: number): Date {
    if (!(minutes >= 0)) throw new RangeError('minutes must be non-negative');
    let remaining = minutes * MINUTE;
    let date = this.calendar.localDate(start);
    let from = start.getTime();
    for (let i = 0; i < 4000; i++) {
      if (this.calendar.isWorkingDay(date)) {
        const open = this.at(date, this.hours.opensAt).getTime();
        const close = this.at(date, this.hours.closesAt).getTime();
        const begin = Math.max(open, from);
        if (begin < close || (remaining === 0 && begin <= close)) {
          if (begin + remaining <= close) return new Date(begin + remaining);
          remaining -= close - begin;
        }
      }
      date = this.nextWorkingDay(addDays(date, 1));
      from = 0;
    }
    throw new RangeError('deadline beyond the calendar range');
  }

  /** "Within N working days" as working time: N × the working day (1 working day = 9 h 30 min of working time). */
  addWorkingDays(start: Date, days: number): Date {
    return this.addWorkingMinutes(start, days * this.dayMinutes);
  }

  /** Working time between two instants, in minutes (0 when `to` is not after `from`). */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to <= from) return 0;
    let total = 0;
    const end = this.calendar.localDate(to);
    for (let date = this.calendar.localDate(from), i = 0; date <= end && i < 4000; date = addDays(date, 1), i++) {
      if (!this.calendar.isWorkingDay(date)) continue;
      const a = Math.max(this.at(date, this.hours.opensAt).getTime(), from.getTime());
      const b = Math.min(this.at(date, this.hours.closesAt).getTime(), to.getTime());
      if (b > a) total += b - a;
    }
    return total / MINUTE;
  }
}

let shared: WorkingTime | undefined;
/** The portal's working time: 9:00–18:30 Astana time on Kazakhstan working days (created on first use: index.ts re-exports this file). */
export const astanaWorkingTime = (): WorkingTime => (shared ??= new WorkingTime());
