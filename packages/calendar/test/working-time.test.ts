import { describe, expect, it } from 'vitest';
import { WorkingCalendar, WorkingTime, astanaWorkingTime, type CalendarData } from '@aleumet/calendar';

const wt = astanaWorkingTime();
// Astana is UTC+5: 9:00 local = 04:00Z, 18:30 local = 13:30Z.
const at = (iso: string) => new Date(iso);

describe('working time 9:00–18:30 Asia/Almaty on working days', () => {
  it('3 working hours inside one day', () => {
    expect(wt.addWorkingMinutes(at('2026-12-01T05:00:00Z'), 180).toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('a report after hours starts counting at 9:00 the next working day; before hours at 9:00 the same day', () => {
    expect(wt.addWorkingMinutes(at('2026-12-01T15:00:00Z'), 180).toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(wt.addWorkingMinutes(at('2026-12-02T01:00:00Z'), 30).toISOString()).toBe('2026-12-02T04:30:00.000Z');
  });

  it('across a weekend: Friday 17:30 + 3 h = Monday 11:00', () => {
    expect(wt.addWorkingMinutes(at('2026-12-04T12:30:00Z'), 180).toISOString()).toBe('2026-12-07T06:00:00.000Z');
  });

  it('across a holiday: Tuesday 15 Dec 18:00 + 1 working day (570 min) skips Independence Day', () => {
    expect(wt.addWorkingDays(at('2026-12-15T13:00:00Z'), 1).toISOString()).toBe('2026-12-17T13:00:00.000Z');
  });

  it('working minutes between instants skip nights, weekends and holidays', () => {
    expect(wt.workingMinutesBetween(at('2026-12-04T12:30:00Z'), at('2026-12-07T06:00:00Z'))).toBe(180);
    expect(wt.workingMinutesBetween(at('2026-12-15T04:00:00Z'), at('2026-12-17T13:30:00Z'))).toBe(2 * 570);
    expect(wt.workingMinutesBetween(at('2026-12-17T13:30:00Z'), at('2026-12-15T04:00:00Z'))).toBe(0);
  });

  it('isWorkingTime', () => {
    expect(wt.isWorkingTime(at('2026-12-04T04:00:00Z'))).toBe(true); // Friday 9:00
    expect(wt.isWorkingTime(at('2026-12-04T13:30:00Z'))).toBe(false); // Friday 18:30
    expect(wt.isWorkingTime(at('2026-12-16T06:00:00Z'))).toBe(false); // holiday
  });

  it('other calendars and hours are options', () => {
    const data: CalendarData = { timeZone: 'UTC', recurring: [], years: {} };
    const utc = new WorkingTime(new WorkingCalendar(data), { opensAt: 0, closesAt: 24 * 60 });
    expect(utc.addWorkingMinutes(at('2026-12-04T23:00:00Z'), 120).toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(() => new WorkingTime(new WorkingCalendar(data), { opensAt: 600, closesAt: 500 })).toThrow(RangeError);
  });
});
