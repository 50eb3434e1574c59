import { badInput } from './errors.js';
import { isRegionCode } from './reference.js';

/**
 * Bounds of every text and number the API accepts, in one place (the limits table of
 * docs/integrators.md lists them). Texts are counted in UTF-16 code units (JavaScript length),
 * before trimming; everything is checked before anything is written.
 */
export const LIMITS = {
  /** Codes of reference data: item types, OKED activities, region codes. */
  code: 64,
  /** Identifiers chosen by other systems: source ids, programme numbers, audit actors (idempotency keys and payment references have their own patterns). */
  key: 200,
  /** Names of people and organizations, positions, qualifications, bank names, journal places, contacts. */
  name: 200,
  /** Titles of offerings and documents, file names. */
  title: 255,
  /** Postal addresses, premises. */
  address: 500,
  /** Reasons: refusal, cancellation, rejection, suspension, return of an act; ticket notes and decisions; client descriptions. */
  reason: 1000,
  /** A maintenance notice, and an FAQ question, per language. */
  notice: 2000,
  faqQuestion: 500,
  /** Free text: complaints and answers, failure reports, FAQ answers, offering descriptions. */
  text: 5000,
  /** Items of a list argument (places of a journal entry, founders, personnel, OKED codes, measures of one publication). */
  listItems: 50,
  /** Offering characteristics: entries, name and value lengths. */
  characteristics: 30,
  characteristicName: 60,
  characteristicValue: 200,
  /** A document: a signed order document, or a GraphQL document registered for a client. */
  document: 64_000,
  /** The signature of a signed order or sign-in: a CMS container (certificates and a timestamp inside) or a development signature; and the PEM certificate. */
  signature: 32_000,
  certificate: 16_000,
  /** Money: at most 10^12 tiyn (10 billion tenge) for any price, sum or amount. */
  maxTiyn: 1_000_000_000_000,
  /** Quantities of a measure: pieces, hours (S1, S2) or days (S3); and the volume of a GSP entitlement (sets, meals, months). */
  maxQuantity: 10_000,
  /** Stock of one offering. */
  maxStock: 1_000_000,
  /** Lead time of an offering, days. */
  maxLeadTimeDays: 365,
  /** Optimistic-lock versions and positions (GraphQL Int: at most 2^31 − 1). */
  maxInt: 2_147_483_647,
  /** Calendar dates: years accepted in a `YYYY-MM-DD` date or `YYYY-MM` period. */
  minYear: 1900,
  maxYear: 2100,
} as const;

/** A required text: trimmed, not blank (or at least `min` characters), at most `max` characters. */
export function checkText(value: string, field: string, max: number, min = 1): string {
  if (typeof value !== 'string') throw badInput(`${field} must be text`, field);
  if (value.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
  const trimmed = value.trim();
  if (trimmed.length < min) throw badInput(min <= 1 ? `${field} is required` : `${field} must be at least ${min} characters`, field);
  return trimmed;
}

/** Only the length of a text whose emptiness means something else (a missing signature is INVALID_SIGNATURE). */
export function checkLength(value: string, field: string, max: number): string {
  if (typeof value !== 'string') throw badInput(`${field} must be text`, field);
  if (value.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
  return value;
}

/** An optional text: absent, null or blank → null; otherwise trimmed and at most `max` characters. */
export function checkOptionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value == null) return null;
  if (typeof value !== 'string') throw badInput(`${field} must be text`, field);
  if (value.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
  return value.trim() || null;
}

/** A list of at most `maxItems` entries, each checked by `each` (field `field.i`). */
export function checkList<T, R>(values: readonly T[], field: string, maxItems: number, each: (v: T, field: string) => R): R[] {
  if (!Array.isArray(values)) throw badInput(`${field} must be a list`, field);
  if (values.length > maxItems) throw badInput(`${field} may have at most ${maxItems} entries`, field);
  return values.map((v, i) => each(v, `${field}.${i}`));
}

/** A whole number in [min, max]. */
export function checkInt(value: number, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw badInput(`${field} must be a whole number from ${min} to ${max}`, field);
  return value;
}

/** Money in tiyn: a whole number from `min` (0, or 1 for a price) to LIMITS.maxTiyn. */
export function checkTiyn(value: number, field: string, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min || value > LIMITS.maxTiyn) {
    throw badInput(`${field} must be a whole number of tiyn from ${min} to ${LIMITS.maxTiyn}`, field);
  }
  return value;
}

/** Optimistic-lock version: a non-negative whole number. */
export const checkVersion = (value: number, field = 'version') => checkInt(value, field, 0, LIMITS.maxInt);

/** True for a real calendar date written `YYYY-MM-DD` (no 2026-11-31, no 2026-13-45) within LIMITS' years. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < LIMITS.minYear || y > LIMITS.maxYear) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A `YYYY-MM-DD` calendar date, or BAD_USER_INPUT naming `field`. */
export function checkCalendarDate(value: string, field: string): string {
  if (!isCalendarDate(value)) throw badInput(`${field} must be a calendar date YYYY-MM-DD`, field);
  return value;
}

/** True for a month written `YYYY-MM` (01..12) within LIMITS' years. */
export function isYearMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return !!m && Number(m[1]) >= LIMITS.minYear && Number(m[1]) <= LIMITS.maxYear && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** A `YYYY-MM` period, or BAD_USER_INPUT naming `field`. */
export function checkYearMonth(value: string, field: string): string {
  if (!isYearMonth(value)) throw badInput(`${field} must be a month YYYY-MM`, field);
  return value;
}

/** A Kazakhstan phone number, written +7 and 10 digits (spaces, dashes and brackets are dropped; a leading 8 reads as +7). */
export function checkPhone(value: string, field = 'phone'): string {
  if (typeof value !== 'string' || value.length > 32) throw badInput('Phone must be +7 followed by 10 digits', field);
  const compact = value.replace(/[\s()-]/g, '').replace(/^8(?=\d{10}$)/, '+7');
  if (!/^\+7\d{10}$/.test(compact)) throw badInput('Phone must be +7 followed by 10 digits', field);
  return compact;
}

/** One of the known regions (ISO 3166-2:KZ, see reference.ts). */
export function checkRegionCode(value: string, field = 'regionCode'): string {
  if (typeof value !== 'string' || value.length > LIMITS.code || !isRegionCode(value)) throw badInput('Unknown region code', field);
  return value;
}

/** One of the allowed values of an enum-like string. */
export function checkOneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw badInput(`${field} must be one of ${allowed.join(', ')}`, field);
  return value as T;
}
