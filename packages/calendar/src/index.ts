/**
 * @aleumet/calendar — the Kazakhstan working-day calendar (Monday–Friday except public holidays,
 * with carry-over and government transfers), in local time Asia/Almaty. The holidays are data
 * (kz-holidays.json), not code: a new decree is a JSON edit.
 *
 * - `localDate(instant)`: the Almaty calendar date (YYYY-MM-DD) of an instant.
 * - `startOfLocalDay(date)`: the UTC instant of 00:00 in Almaty on that date.
 * - `isWorkingDay(date)`, `holidayName(date)`.
 * - `addWorkingDays(instant, n)`: the deadline "within n working days" of an event at `instant`:
 *   the end (24:00 Almaty) of the n-th working day after the local day of the event.
 * - `workingDaysBetween(fromInstant, toInstant)`: working days after the day of `from` up to and including the day of `to`.
 */
export * from './calendar.js';
/** Working time (9:00–18:30 Astana) for service-level clocks: see working-time.ts. */
export * from './working-time.js';
