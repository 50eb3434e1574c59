import { describe, expect, it } from 'vitest';
import { checkDigit, isValidBin, isValidIin, makeBin, makeIin, parseIin, splitPrice, formatTenge } from '@aleumet/core';

describe('IIN', () => {
  it('computes the check digit, falling back to the second weights when the first give 10', () => {
    expect(checkDigit('00000000001')).toBe(0); // 1×11 mod 11
    expect(checkDigit('00000000020')).toBe(9); // 2×10 = 20 mod 11
    // 1..9,0,1 weighted 1..11 is 296 ≡ 10, so weights 3..11,1,2 apply: 377 ≡ 3
    expect(checkDigit('12345678901')).toBe(3);
  });

  it('accepts generated IINs and reads birth date and sex from them', () => {
    const iin = makeIin('1987-03-21', 'FEMALE', 42);
    expect(iin).toMatch(/^\d{12}$/);
    expect(parseIin(iin)).toEqual({ birthDate: '1987-03-21', sex: 'FEMALE' });
    expect(parseIin(makeIin('2012-12-01', 'MALE', 7))).toEqual({ birthDate: '2012-12-01', sex: 'MALE' });
  });

  it('rejects a wrong check digit, wrong length, letters and impossible dates', () => {
    const iin = makeIin('1990-01-15', 'MALE', 1);
    const wrong = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    expect(isValidIin(wrong)).toBe(false);
    expect(isValidIin(iin.slice(0, 11))).toBe(false);
    expect(isValidIin('12345678901a')).toBe(false);
    expect(isValidIin(makeIin('1990-02-31', 'MALE', 1))).toBe(false); // 31 Feb
  });
});

describe('BIN', () => {
  it('accepts generated BINs and rejects altered ones', () => {
    const bin = makeBin(2015, 6, 123);
    expect(isValidBin(bin)).toBe(true);
    expect(isValidBin(bin.slice(0, 11) + String((Number(bin[11]) + 3) % 10))).toBe(false);
    expect(isValidBin('000000000000')).toBe(false);
  });
});

describe('money', () => {
  it('splits a price into the state part and the co-payment, in whole tiyn', () => {
    expect(splitPrice(150_000_00, 120_000_00)).toEqual({ statePart: 120_000_00, coPayment: 30_000_00 });
    expect(splitPrice(99_00, 120_000_00)).toEqual({ statePart: 99_00, coPayment: 0 });
    expect(() => splitPrice(10.5, 100)).toThrow(RangeError);
    expect(() => splitPrice(-1, 100)).toThrow(RangeError);
  });

  it('formats tenge with thousands separated', () => {
    expect(formatTenge(1_234_567_89)).toBe('1 234 567.89 ₸');
    expect(formatTenge(5)).toBe('0.05 ₸');
  });
});
