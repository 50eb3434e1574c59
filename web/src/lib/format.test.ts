import { describe, expect, it } from 'vitest';
import { formatMoney, parseTenge, splitPrice, formatDate } from './format.js';

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
});
