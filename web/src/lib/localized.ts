import { useTranslation } from 'react-i18next';
import type { Lang } from './format.js';

export interface InLanguages {
  kk?: string | null;
  ru?: string | null;
  en?: string | null;
}

/**
 * The text in the reader's language; else Russian (every offering has it), Kazakh, English.
 * `lang` says which language was shown, for the element's `lang` attribute when it is not the page's.
 */
export function pickLanguage(reader: string, texts: InLanguages): { text: string; lang: Lang } {
  for (const l of [reader, 'ru', 'kk', 'en'] as Lang[]) {
    const text = texts[l]?.trim();
    if (text) return { text, lang: l };
  }
  return { text: '', lang: 'ru' };
}

export interface OfferingTexts {
  title: string;
  titleKk?: string | null;
  titleEn?: string | null;
  description?: string | null;
  descriptionKk?: string | null;
  descriptionEn?: string | null;
}

/** An offering's title and description in the reader's language (the supplier gives kk and ru, en if it wishes). */
export function useOfferingText() {
  const { i18n } = useTranslation();
  return {
    title: (o: OfferingTexts) => pickLanguage(i18n.language, { kk: o.titleKk, ru: o.title, en: o.titleEn }).text,
    description: (o: OfferingTexts) => pickLanguage(i18n.language, { kk: o.descriptionKk, ru: o.description, en: o.descriptionEn }).text,
  };
}
