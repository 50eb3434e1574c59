import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from '../../../components/ui.js';
import type { OfferingTexts } from '../../../lib/localized.js';

/** The field names are the API's: a refused value (`extensions.field`) marks its own field. */
export const TEXT_FIELDS = ['titleKk', 'title', 'titleEn', 'descriptionKk', 'description', 'descriptionEn'] as const;
export type TextName = (typeof TEXT_FIELDS)[number];
const REQUIRED: readonly TextName[] = ['titleKk', 'title', 'descriptionKk', 'description'];

/** Reads and checks the six texts: kk and ru required, en optional; `fail` names the first wrong field. */
export function readTexts(data: FormData, t: (key: string) => string, fail: (message: string, field: string) => void): Record<TextName, string> | null {
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()])) as Record<TextName, string>;
  for (const f of TEXT_FIELDS) {
    const value = texts[f];
    if (f.startsWith('title') && (REQUIRED.includes(f) || value) && value.length < 3) {
      fail(t('supplier.titleInvalid'), f);
      return null;
    }
    if (REQUIRED.includes(f) && !value) {
      fail(t('supplier.texts.descriptionRequired'), f);
      return null;
    }
  }
  return texts;
}

/** Title and description in Kazakh, Russian and (optionally) English, in that order. */
export function OfferingTextFields({ offering, fieldError, form }: { offering?: OfferingTexts; fieldError: (name: string) => string | null; form?: string }) {
  const { t } = useTranslation();
  const value = (f: TextName) => (offering ? ((offering as unknown as Record<string, string | null | undefined>)[f] ?? '') : undefined);
  return (
    <fieldset className="texts">
      <legend>{t('supplier.offeringTitle')}</legend>
      <p className="hint">{t('supplier.texts.hint')}</p>
      {(['titleKk', 'title', 'titleEn'] as const).map((f) => (
        <TextField key={f} label={t(`supplier.texts.${f}`)} name={f} form={form} lang={LANG_OF[f]} maxLength={255} defaultValue={value(f)} error={fieldError(f)} />
      ))}
      {(['descriptionKk', 'description', 'descriptionEn'] as const).map((f) => (
        <TextArea key={f} label={t(`supplier.texts.${f}`)} name={f} form={form} lang={LANG_OF[f]} rows={2} defaultValue={value(f)} error={fieldError(f)} />
      ))}
    </fieldset>
  );
}

const LANG_OF: Record<TextName, string> = { titleKk: 'kk', title: 'ru', titleEn: 'en', descriptionKk: 'kk', description: 'ru', descriptionEn: 'en' };
