/**
 * IIN (individuals) and BIN (businesses) are 12 digits with the same check digit:
 * weights 1..11 mod 11; if 10, weights 3..11,1,2; if still 10 the number is invalid.
 */
const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export function checkDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const sum = (w: number[]) => d.reduce((acc, x, i) => acc + x * w[i]!, 0) % 11;
  let c = sum(W1);
  if (c === 10) c = sum(W2);
  return c === 10 ? null : c;
}

function hasValidCheckDigit(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const c = checkDigit(value.slice(0, 11));
  return c !== null && c === Number(value[11]);
}

export interface IinInfo { birthDate: string; sex: 'MALE' | 'FEMALE' }

/** Returns the birth date and sex encoded in a valid IIN, or null when it is not one. */
export function parseIin(iin: string): IinInfo | null {
  if (!hasValidCheckDigit(iin)) return null;
  const centuryDigit = Number(iin[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return null;
  const century = 1800 + 100 * Math.floor((centuryDigit - 1) / 2);
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { birthDate: date.toISOString().slice(0, 10), sex: centuryDigit % 2 === 1 ? 'MALE' : 'FEMALE' };
}

export const isValidIin = (iin: string) => parseIin(iin) !== null;

/** BIN: registration year and month (YYMM), entity type digit 4..6, then serials and the check digit. */
export function isValidBin(bin: string): boolean {
  if (!hasValidCheckDigit(bin)) return false;
  const month = Number(bin.slice(2, 4));
  return month >= 1 && month <= 12 && ['4', '5', '6'].includes(bin[4]!);
}

/** Builds a valid IIN/BIN from its first 10 digits by picking the 11th so the check digit exists. */
export function completeWithCheckDigit(first10: string): string {
  for (let s = 0; s <= 9; s++) {
    const c = checkDigit(first10 + s);
    if (c !== null) return `${first10}${s}${c}`;
  }
  throw new Error(`no valid completion for ${first10}`);
}

export function makeIin(birthDate: string, sex: 'MALE' | 'FEMALE', serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const year = Number(y);
  const centuryDigit = (Math.floor((year - 1800) / 100) * 2 + 1) + (sex === 'FEMALE' ? 1 : 0);
  return completeWithCheckDigit(`${y!.slice(2)}${m}${d}${centuryDigit}${String(serial % 1000).padStart(3, '0')}`);
}

export function makeBin(year: number, month: number, serial: number): string {
  return completeWithCheckDigit(`${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}40${String(serial % 10000).padStart(4, '0')}`);
}
