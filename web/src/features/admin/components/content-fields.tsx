import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from '../../../components/ui.js';
import { LANGS, type Lang } from '../../../lib/format.js';

/** Form parts shared by the content page's sections (notices, FAQ, instructions and news). */

export const LANG_LABEL: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** Texts in kk/ru/en from a form: empty ones are left out (readers get a fallback). */
export function texts(data: FormData, prefix: string): { kk?: string; ru?: string; en?: string } {
  const out: Record<string, string> = {};
  for (const l of LANGS) {
    const v = String(data.get(`${prefix}-${l}`) ?? '').trim();
    if (v) out[l] = v;
  }
  return out;
}

/**
 * Datetime-local values are Astana wall-clock time (the portal's time zone; Kazakhstan has one zone, UTC+5):
 * "2026-12-01T09:00" → the ISO instant.
 */
export function astanaToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  return new Date(`${local}:00+05:00`).toISOString();
}

/** Takes a published text (notice, instruction, news) off the portal. */
export function WithdrawButton({ busy, onWithdraw }: { busy: boolean; onWithdraw: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary" disabled={busy} onClick={onWithdraw}>
      {t('content.withdraw')}
    </button>
  );
}

export function LanguageFields({ prefix, label, area = false, required = false }: { prefix: string; label: string; area?: boolean; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{label}</legend>
      {required && <p className="hint">{t('content.oneLanguage')}</p>}
      {LANGS.map((l) =>
        area ? (
          <TextArea key={l} label={LANG_LABEL[l]} name={`${prefix}-${l}`} lang={l} rows={3} />
        ) : (
          <TextField key={l} label={LANG_LABEL[l]} name={`${prefix}-${l}`} lang={l} />
        ),
      )}
    </fieldset>
  );
}

