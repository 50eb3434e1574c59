// The calendar itself; index.ts describes the package.
import data from './kz-holidays.json' with { type: 'json' };

export interface CalendarData {
  timeZone: string;
  recurring: { date: string; name: string; carryOver: boolean }[];
  years: Record<string, { daysOff: { date: string; name: string }[]; workingDays: { date: string; name?: string }[] | string[] }>;
}

const DAY = 86_400_000;

export class WorkingCalendar {
  private readonly cache = new Map<number, { off: Map<string, string>; working: Set<string> }>();
  private readonly parts: Intl.DateTimeFormat;
  constructor(readonly data: CalendarData) {
    this.parts = new Intl.DateTimeFormat('en-CA', { timeZone: data.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  }

  get timeZone() {
    return this.data.timeZone;
  }

  private fields(instant: Date) {
    const p = Object.fromEntries(this.parts.formatToParts(instant).map((x) => [x.type, x.value]));
    return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
  }

  /** Offset of local time from UTC at an instant, in ms. */
  private offset(instant: Date): number {
    const f = this.fields(instant);
    const asUtc = Date.UTC(f.y, f.m - 1, f.d, f.h, f.min, f.s);
    return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
  }

  localDate(instant: Date): string {
    const f = this.fields(instant);
    return `${f.y}-${String(f.m).padStart(2, '0')}-${String(f.d).padStart(2, '0')}`;
  }

  startOfLocalDay(date: string): Date {
    const [y, m, d] = date.split('-').map(Number);
    const guess = Date.UTC(y!, m! - 1, d!);
    const first = guess - this.offset(new Date(guess));
    return new Date(guess - this.offset(new Date(first)));
  }

  private year(y: number) {
    let entry = this.cache.get(y);
    if (entry) return entry;
    const off = new Map<string, string>();
    const yearData = this.data.years[String(y)];
    const working = new Set<string>((yearData?.workingDays ?? []).map((w) => (typeof w === 'string' ? w : w.date)));
    const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    for (const r of this.data.recurring) off.set(`${y}-${r.date}`, r.name);
    for (const extra of yearData?.daysOff ?? []) off.set(extra.date, extra.name);
    // Carry-over: a holiday on Saturday/Sunday gives the next working day off (in date order, so runs stack).
    for (const r of [...this.data.recurring].sort((a, b) => a.date.localeCompare(b.date))) {
      const date = `${y}-${r.date}`;
      if (!r.carryOver || !weekend(date)) continue;
      let next = addDays(date, 1);
      while (weekend(next) || off.has(next)) next = addDays(next, 1);
      off.set(next, `${r.name} (carried over)`);
    }
    entry = { off, working };
    this.cache.set(y, entry);
    return entry;
  }

  holidayName(date: string): string | null {
    return this.year(Number(date.slice(0, 4))).off.get(date) ?? null;
  }

  isWorkingDay(date: string): boolean {
    const y = this.year(Number(date.slice(0, 4)));
    if (y.working.has(date)) return true;
    if (y.off.has(date)) return false;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** End (24:00 local) of the n-th working day after the local day of `instant`. */
  addWorkingDays(instant: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    let date = this.localDate(instant);
    for (let left = n; left > 0; ) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) left--;
    }
    return this.startOfLocalDay(addDays(date, 1));
  }

  workingDaysBetween(from: Date, to: Date): number {
    let count = 0;
    const end = this.localDate(to);
    for (let date = addDays(this.localDate(from), 1); date <= end; date = addDays(date, 1)) if (this.isWorkingDay(date)) count++;
    return count;
  }
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Adds calendar months to an instant (clamped to the month's last day), e.g. the 1- and 2-month choice windows. */
export function addMonths(instant: Date, months: number): Date {
  const d = new Date(instant.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export const kzCalendar = new WorkingCalendar(data as CalendarData);
export const localDate = (instant: Date) => kzCalendar.localDate(instant);
export const startOfLocalDay = (date: string) => kzCalendar.startOfLocalDay(date);
export const isWorkingDay = (date: string) => kzCalendar.isWorkingDay(date);
export const holidayName = (date: string) => kzCalendar.holidayName(date);
export const addWorkingDays = (instant: Date, n: number) => kzCalendar.addWorkingDays(instant, n);
export const workingDaysBetween = (from: Date, to: Date) => kzCalendar.workingDaysBetween(from, to);
