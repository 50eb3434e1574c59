import { LANGS, type Lang } from './format.js';

/** Where the reader's choice of language is remembered. */
export const LANGUAGE_KEY = 'aleumet.lang';
/** Kazakh, the state language: what a reader gets when neither a remembered choice nor the browser says otherwise. */
export const DEFAULT_LANG: Lang = 'kk';

/**
 * The remembered choice, else the browser's language if we have it, else Kazakh. The built index.html
 * makes the same choice before the app runs, to preload that language's translations
 * (`build/route-preload.ts`, checked against this function by `language.test.ts`).
 */
export function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved && (LANGS as string[]).includes(saved)) return saved as Lang;
  } catch {
    /* storage unavailable */
  }
  const nav = (globalThis.navigator?.language ?? '').slice(0, 2);
  return (LANGS as string[]).includes(nav) ? (nav as Lang) : DEFAULT_LANG;
}
