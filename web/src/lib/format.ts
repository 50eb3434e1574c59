/** Locale-aware formatting. Money arrives as integer tiyn (1 tenge = 100 tiyn). */
export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: Lang[] = ['kk', 'ru', 'en'];

const LOCALE: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };
export const localeOf = (lang: string): string => LOCALE[(LANGS as string[]).includes(lang) ? (lang as Lang) : 'kk'];

const NBSP = '\u00a0';

/**
 * Numbers written the way each language writes them, without relying on the browser's locale data
 * (many browsers carry none for Kazakh): kk and ru group by a no-break space with a decimal comma
 * (`1 234 567,5`), en by commas with a decimal point.
 */
export function formatNumber(n: number, lang: string, fractionDigits?: number): string {
  const en = localeOf(lang) === LOCALE.en;
  const fixed = fractionDigits === undefined ? String(Math.round(Math.abs(n) * 1000) / 1000) : Math.abs(n).toFixed(fractionDigits);
  const [whole = '0', frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, en ? ',' : NBSP);
  return `${n < 0 ? '−' : ''}${grouped}${frac ? (en ? '.' : ',') + frac : ''}`;
}

/** Tenge from integer tiyn: kk/ru `423 360 ₸` (`423 360,50 ₸` with tiyn), en `₸423,360`. */
export function formatMoney(tiyn: number, lang: string): string {
  const amount = formatNumber(tiyn / 100, lang, tiyn % 100 === 0 ? 0 : 2);
  return localeOf(lang) === LOCALE.en ? `₸${amount}` : `${amount}${NBSP}₸`;
}

/** Kazakh month names (nominative, as in `7 мамыр 2026 ж.`). */
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

/** Year, month, day, hour and minute of a moment in a time zone (only numbers: no locale data needed). */
function partsIn(d: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const isKk = (lang: string) => localeOf(lang) === LOCALE.kk;

/** Dates: `YYYY-MM-DD` strings are calendar days; ISO date-times are shown in Asia/Almaty. */
export function formatDate(value: string, lang: string): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = dayOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  const timeZone = dayOnly ? 'UTC' : 'Asia/Almaty';
  if (isKk(lang)) {
    const p = partsIn(d, timeZone);
    return `${p.day} ${KK_MONTHS[p.month - 1]} ${p.year} ж.`;
  }
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(d);
}

export function formatDateTime(value: string, lang: string): string {
  if (isKk(lang)) {
    const p = partsIn(new Date(value), 'Asia/Almaty');
    return `${p.day} ${KK_MONTHS[p.month - 1]} ${p.year} ж., ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  }
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Almaty' }).format(new Date(value));
}

/** A month and year (`мамыр 2026`), for charts per month. */
export function formatMonth(value: string, lang: string): string {
  const d = new Date(value);
  if (isKk(lang)) {
    const p = partsIn(d, 'Asia/Almaty');
    return `${KK_MONTHS[p.month - 1]} ${p.year}`;
  }
  return new Intl.DateTimeFormat(localeOf(lang), { month: 'short', year: 'numeric', timeZone: 'Asia/Almaty' }).format(d);
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

/** Today's calendar day in Asia/Almaty, YYYY-MM-DD (the day the platform's date rules count from). */
export function todayAlmaty(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(now);
}
