import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber, type Lang } from './format.js';
import { LANGUAGE_KEY, initialLanguage } from './language.js';
import type { Messages } from './feature.js';

export { initialLanguage };

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

/** Fetches one language's translations (the app: its own chunk per language). */
export type MessagesLoader = (lang: Lang) => Promise<Messages>;
let loadMessages: MessagesLoader | undefined;

/**
 * `messages`: the translations at hand, at least those of `lang` (the app loads only the chosen
 * language before it renders); `load` fetches another language when the reader switches to it.
 */
export function initI18n(messages: Partial<Record<Lang, Messages>>, lang: Lang = initialLanguage(), load?: MessagesLoader) {
  if (load) loadMessages = load;
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).use(countFormatter).init({
      resources: Object.fromEntries(Object.entries(messages).map(([l, m]) => [l, { translation: m }])),
      lng: lang,
      // No fallback language: each has every message (locales.test.ts), and only the one read is loaded.
      fallbackLng: false,
      // Every `{{count}}` is written as the language writes numbers (`211,9 дня`), with or without the browser's locale data.
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  }
  document.documentElement.lang = lang;
  return i18next;
}

let wanted: Lang | undefined;

/**
 * Switches once the language's translations are loaded (the page keeps the current language until
 * then, never showing keys); of quick successive choices the last one wins.
 */
export async function changeLanguage(lang: Lang): Promise<void> {
  wanted = lang;
  if (!i18next.hasResourceBundle(lang, 'translation')) {
    if (!loadMessages) throw new Error(`No translations for "${lang}"`);
    const messages = await loadMessages(lang);
    if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', messages);
    if (wanted !== lang) return;
  }
  const switched = i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    /* storage unavailable: the choice lasts for this page */
  }
  await switched;
}
