import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, formatNumber, type Lang } from './format.js';
import type { Messages } from './feature.js';

const KEY = 'aleumet.lang';

/** The remembered choice, else the browser's language if we have it, else Kazakh (the state language). */
export function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved && (LANGS as string[]).includes(saved)) return saved as Lang;
  } catch {
    /* storage unavailable */
  }
  const nav = (globalThis.navigator?.language ?? '').slice(0, 2);
  return (LANGS as string[]).includes(nav) ? (nav as Lang) : 'kk';
}

/** i18next formatter module: counts (the plural-selecting `count`) as numbers of the language; every other value as given. */
const countFormatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format(value: unknown, format: string | undefined, lng: string | undefined, options?: { interpolationkey?: string }) {
    return !format && options?.interpolationkey === 'count' && typeof value === 'number' ? formatNumber(value, lng ?? 'kk') : value;
  },
};

/** `messages`: the app's merged translations (the shell builds them from every feature's strings). */
export function initI18n(messages: Record<Lang, Messages>, lang: Lang = initialLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).use(countFormatter).init({
      resources: { kk: { translation: messages.kk }, ru: { translation: messages.ru }, en: { translation: messages.en } },
      lng: lang,
      fallbackLng: 'en',
      // Every `{{count}}` is written as the language writes numbers (`211,9 дня`), with or without the browser's locale data.
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  }
  document.documentElement.lang = lang;
  return i18next;
}

export function changeLanguage(lang: Lang): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* storage unavailable: the choice lasts for this page */
  }
}
