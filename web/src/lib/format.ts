/** Locale-aware formatting. Money arrives as integer tiyn (1 tenge = 100 tiyn). */
export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: Lang[] = ['kk', 'ru', 'en'];

const LOCALE: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };
export const localeOf = (lang: string): string => LOCALE[(LANGS as string[]).includes(lang) ? (lang as Lang) : 'kk'];

export function formatMoney(tiyn: number, lang: string): string {
  const tenge = tiyn / 100;
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'currency',
    currency: 'KZT',
    minimumFractionDigits: tiyn % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(tenge);
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

/** Dates: `YYYY-MM-DD` strings are calendar days; ISO date-times are shown in Asia/Almaty. */
export function formatDate(value: string, lang: string): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = dayOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: dayOnly ? 'UTC' : 'Asia/Almaty',
  }).format(d);
}

export function formatDateTime(value: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Almaty' }).format(new Date(value));
}

/** Tenge typed by a person ("12 500,50") to integer tiyn; null when not a valid amount. */
export function parseTenge(text: string): number | null {
  const clean = text.replace(/[\s\u00a0₸]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, frac = ''] = clean.split('.');
  const tiyn = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(tiyn) ? tiyn : null;
}

/** The state pays at most the guaranteed sum; the rest is the recipient's co-payment. */
export function splitPrice(price: number, guaranteedSum: number): { statePart: number; coPayment: number } {
  const statePart = Math.min(price, guaranteedSum);
  return { statePart, coPayment: price - statePart };
}

/** The server's `Language` enum for the UI language (texts the portal stores in kk/ru/en). */
export function serverLanguage(lang: string): 'KK' | 'RU' | 'EN' {
  return lang === 'ru' ? 'RU' : lang === 'en' ? 'EN' : 'KK';
}
