import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { LIMITS, checkCalendarDate, checkList, checkRegionCode, checkText, checkTiyn, coercionField, isCalendarDate, isYearMonth, maskError } from '@aleumet/core';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as GraphQLError).extensions;
  }
  return null;
};

describe('input bounds', () => {
  it('accepts only real calendar dates and months', () => {
    for (const d of ['2026-11-30', '2024-02-29', '2000-02-29', '1900-01-01', '2100-12-31']) expect(isCalendarDate(d), d).toBe(true);
    for (const d of ['2026-11-31', '2026-13-45', '2025-02-29', '1900-02-29', '2026-00-10', '2026-1-01', '2026-11-30T00:00:00Z', '1899-12-31', '2101-01-01', '', 20261130]) {
      expect(isCalendarDate(d), String(d)).toBe(false);
    }
    expect(isYearMonth('2026-12')).toBe(true);
    for (const m of ['2026-13', '2026-00', '2026-1', '2026-12-01']) expect(isYearMonth(m), m).toBe(false);
    expect(fieldOf(() => checkCalendarDate('2026-11-31', 'diedOn'))).toEqual({ code: 'BAD_USER_INPUT', field: 'diedOn' });
  });

  it('bounds texts before trimming, refuses blanks, and names list entries', () => {
    expect(checkText('  ok  ', 'name', LIMITS.name)).toBe('ok');
    expect(fieldOf(() => checkText('   ', 'name', LIMITS.name))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(fieldOf(() => checkText('x'.repeat(LIMITS.name + 1), 'name', LIMITS.name))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(fieldOf(() => checkText('ab', 'title', LIMITS.title, 3))).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(fieldOf(() => checkList(['a', ''], 'places', LIMITS.listItems, (p, f) => checkText(p, f, LIMITS.name)))).toEqual({ code: 'BAD_USER_INPUT', field: 'places.1' });
    expect(fieldOf(() => checkList(Array(LIMITS.listItems + 1).fill('a'), 'places', LIMITS.listItems, (p) => p))).toEqual({ code: 'BAD_USER_INPUT', field: 'places' });
  });

  it('bounds money and knows the regions', () => {
    expect(checkTiyn(LIMITS.maxTiyn, 'price')).toBe(LIMITS.maxTiyn);
    for (const v of [LIMITS.maxTiyn + 1, Number.MAX_SAFE_INTEGER, -1, 1.5, Number.NaN]) expect(fieldOf(() => checkTiyn(v, 'price')), String(v)).toEqual({ code: 'BAD_USER_INPUT', field: 'price' });
    expect(fieldOf(() => checkTiyn(0, 'price', 1))).toEqual({ code: 'BAD_USER_INPUT', field: 'price' });
    expect(checkRegionCode('KZ-71')).toBe('KZ-71');
    expect(fieldOf(() => checkRegionCode('KZ-00'))).toEqual({ code: 'BAD_USER_INPUT', field: 'regionCode' });
  });

  it('names the variable of a coercion error, and maskError adds it', () => {
    expect(coercionField('Variable "$input" got invalid value "1000" at "input.stock"; Int cannot represent non-integer value: "1000"')).toBe('input.stock');
    expect(coercionField('Variable "$price" got invalid value 1e+30; SafeInt cannot represent …')).toBe('price');
    expect(coercionField('Variable "$x" of required type "String!" was not provided.')).toBe('x');
    expect(coercionField('Unknown region code')).toBeUndefined();
    const formatted = maskError(() => {})({ message: 'Variable "$r" got invalid value 5; String cannot represent a non string value: 5', extensions: { code: 'BAD_USER_INPUT' } }, null);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'r' });
    // A field the service named stays as it is.
    expect(maskError(() => {})({ message: 'Variable "$r" …', extensions: { code: 'BAD_USER_INPUT', field: 'reason' } }, null).extensions!.field).toBe('reason');
  });
});
