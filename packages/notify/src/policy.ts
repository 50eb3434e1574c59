import { addDays, localDate, startOfLocalDay } from '@aleumet/calendar';

/** No SMS from 22:00 to 08:00 Astana time except urgent ones. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;
/** Attempts per delivery before it goes to the dead-letter list. */
export const MAX_ATTEMPTS = 6;
/** SMS per person per hour; more wait for the next hour (never dropped). */
export const SMS_PER_HOUR = 5;

const HOUR = 3_600_000;

/** When an SMS may go out: now, or 08:00 Astana the morning after a night-time `now`. */
export function smsAllowedAt(now: Date, urgent: boolean): Date {
  if (urgent) return now;
  const day = localDate(now);
  const midnight = startOfLocalDay(day);
  const hour = (now.getTime() - midnight.getTime()) / HOUR;
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return now;
  const morningDay = hour >= QUIET_FROM_HOUR ? addDays(day, 1) : day;
  return new Date(startOfLocalDay(morningDay).getTime() + QUIET_UNTIL_HOUR * HOUR);
}

/** Wait before the next attempt: 30 s doubling up to one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(HOUR, 30_000 * 2 ** Math.max(0, attempts - 1));
}
