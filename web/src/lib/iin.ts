/**
 * IIN and BIN: 12 digits with a check digit (weights 1..11 mod 11; if 10, weights 3..11,1,2; still 10:
 * invalid), as the platform checks them. An IIN also encodes a real birth date and a century digit 1–6.
 */
const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export function hasValidCheckDigit(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const d = [...value.slice(0, 11)].map(Number);
  const sum = (w: number[]) => d.reduce((acc, x, i) => acc + x * w[i]!, 0) % 11;
  let c = sum(W1);
  if (c === 10) c = sum(W2);
  return c !== 10 && c === Number(value[11]);
}

export function isValidIin(value: string): boolean {
  if (!hasValidCheckDigit(value)) return false;
  const centuryDigit = Number(value[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return false;
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
