import { describe, expect, it } from 'vitest';
import { formatMoney, parseTenge, splitPrice, formatDate, formatDateTime, formatMonth, formatNumber } from './format.js';

describe('money and dates per locale', () => {
  it('formats integer tiyn as tenge in kk, ru and en', () => {
    for (const lang of ['kk', 'ru', 'en']) {
      const text = formatMoney(12_345_600, lang).replace(/\s/g, ' ');
      expect(text).toMatch(/123.?456/);
      expect(text).toMatch(/₸|KZT|тг/);
    }
    expect(formatMoney(150, 'en')).toMatch(/1\.50/);
  });

  it('parses tenge typed by people into integer tiyn', () => {
    expect(parseTenge('12 500')).toBe(1_250_000);
    expect(parseTenge('12500,5')).toBe(1_250_050);
    expect(parseTenge('99.99 ₸')).toBe(9_999);
    expect(parseTenge('abc')).toBeNull();
    expect(parseTenge('1.234')).toBeNull();
  });

  it('splits a price into state part and co-payment', () => {
    expect(splitPrice(100_000, 80_000)).toEqual({ statePart: 80_000, coPayment: 20_000 });
    expect(splitPrice(50_000, 80_000)).toEqual({ statePart: 50_000, coPayment: 0 });
  });

  it('shows calendar days without shifting them across time zones', () => {
    expect(formatDate('2026-01-01', 'en')).toContain('2026');
    expect(formatDate('2026-01-01', 'en')).toContain('1');
    expect(formatDate('2026-01-01', 'ru')).toMatch(/январ/);
  });

  it('formats numbers, tenge, dates and times the way each language writes them', () => {
    const plain = (x: string) => x.replace(/[\s\u00a0\u202f]/g, ' ');
    expect(plain(formatNumber(1_234_567.5, 'kk'))).toBe('1 234 567,5');
    expect(plain(formatNumber(1_234_567.5, 'ru'))).toBe('1 234 567,5');
    expect(formatNumber(1_234_567.5, 'en')).toBe('1,234,567.5');
    expect(plain(formatMoney(12_345_600, 'kk'))).toBe('123 456 ₸');
    expect(plain(formatMoney(12_345_650, 'ru'))).toBe('123 456,50 ₸');
    expect(plain(formatMoney(12_345_600, 'en'))).toMatch(/^KZT 123,456$|^₸123,456$/);
    expect(formatDate('2026-01-15', 'kk')).toContain('қаңтар');
    expect(formatDate('2026-01-15', 'ru')).toBe('15 января 2026 г.');
    expect(formatDate('2026-01-15', 'en')).toBe('15 January 2026');
    // Times in Astana (UTC+5) whatever the browser's zone.
    expect(formatDateTime('2026-01-15T13:00:00Z', 'en')).toBe('15 Jan 2026, 18:00');
    expect(formatDateTime('2026-01-15T13:00:00Z', 'ru')).toContain('18:00');
  });
});

describe('Kazakh without the browser\'s Kazakh locale data', () => {
  it('writes tenge, numbers and dates in Kazakh even when Intl knows no kk', () => {
    const real = { NumberFormat: Intl.NumberFormat, DateTimeFormat: Intl.DateTimeFormat };
    // A browser without Kazakh data: kk falls back to a generic English-like format ("KZT 423,360", "2026 M05 7").
    const noKk = (locales: unknown) => (String(locales).startsWith('kk') ? 'en-US-u-ca-gregory' : locales) as string;
    Intl.NumberFormat = function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
      return new real.NumberFormat(noKk(locales), options);
    } as unknown as typeof Intl.NumberFormat;
    Intl.DateTimeFormat = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return new real.DateTimeFormat(noKk(locales), options);
    } as unknown as typeof Intl.DateTimeFormat;
    try {
      expect(formatMoney(42_336_000, 'kk')).toBe('423\u00a0360\u00a0₸');
      expect(formatMoney(42_336_050, 'kk')).toBe('423\u00a0360,50\u00a0₸');
      expect(formatNumber(211.9, 'kk')).toBe('211,9');
      expect(formatNumber(211.9, 'ru')).toBe('211,9');
      expect(formatDate('2026-05-07', 'kk')).toBe('7 мамыр 2026 ж.');
      expect(formatDate('2026-12-31', 'kk')).toBe('31 желтоқсан 2026 ж.');
      // 19:30 UTC is the next day in Almaty (UTC+5).
      expect(formatDate('2026-05-07T19:30:00Z', 'kk')).toBe('8 мамыр 2026 ж.');
      expect(formatDateTime('2026-05-07T13:05:00Z', 'kk')).toBe('7 мамыр 2026 ж., 18:05');
      expect(formatMonth('2026-09-15T10:00:00Z', 'kk')).toBe('қыркүйек 2026');
    } finally {
      Intl.NumberFormat = real.NumberFormat;
      Intl.DateTimeFormat = real.DateTimeFormat;
    }
  });
});
