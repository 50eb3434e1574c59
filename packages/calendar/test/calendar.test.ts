import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, holidayName, isWorkingDay, localDate, startOfLocalDay, workingDaysBetween } from '../src/index.js';

describe('Kazakhstan working-day calendar (Asia/Almaty)', () => {
  it('uses Almaty local dates (UTC+5)', () => {
    expect(localDate(new Date('2026-03-02T18:59:00Z'))).toBe('2026-03-02');
    expect(localDate(new Date('2026-03-02T19:00:00Z'))).toBe('2026-03-03');
    expect(startOfLocalDay('2026-03-03').toISOString()).toBe('2026-03-02T19:00:00.000Z');
  });

  it('knows weekends, holidays, carry-over and per-year days off', () => {
    expect(isWorkingDay('2026-11-30')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-16')).toBe(false);
    expect(holidayName('2026-03-23')).toBe('Nauryz');
    // 2026-03-21/22 are Saturday/Sunday: carried over to Tuesday 24 and Wednesday 25 (23 is Nauryz itself)
    expect(isWorkingDay('2026-03-24')).toBe(false);
    expect(isWorkingDay('2026-03-25')).toBe(false);
    expect(isWorkingDay('2026-03-26')).toBe(true);
    expect(holidayName('2026-05-27')).toBe('Kurban ait');
    // Orthodox Christmas is not carried over (2023-01-07 was a Saturday)
    expect(isWorkingDay('2023-01-09')).toBe(true);
  });

  it('5 working days: skips weekends and holidays, ends at 24:00 Almaty', () => {
    // Monday 2026-11-30 10:00 Almaty → Mon 7 Dec 24:00 Almaty
    expect(addWorkingDays(new Date('2026-11-30T05:00:00Z'), 5).toISOString()).toBe('2026-12-07T19:00:00.000Z');
    // Friday 2026-12-11: Mon 14, Tue 15, (16 Independence Day), Thu 17, Fri 18, Mon 21
    expect(addWorkingDays(new Date('2026-12-11T05:00:00Z'), 5).toISOString()).toBe('2026-12-21T19:00:00.000Z');
    expect(workingDaysBetween(new Date('2026-12-11T05:00:00Z'), new Date('2026-12-21T10:00:00Z'))).toBe(5);
  });

  it('adds calendar months with clamping', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2026-11-30T10:00:00Z'), 2).toISOString()).toBe('2027-01-30T10:00:00.000Z');
  });
});
