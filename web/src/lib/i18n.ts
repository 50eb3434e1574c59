import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from './format.js';
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

/** `messages`: the app's merged translations (the shell builds them from every feature's strings). */
export function initI18n(messages: Record<Lang, Messages>, lang: Lang = initialLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { kk: { translation: messages.kk }, ru: { translation: messages.ru }, en: { translation: messages.en } },
      lng: lang,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
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
