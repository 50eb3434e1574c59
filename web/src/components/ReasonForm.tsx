import { useTranslation } from 'react-i18next';
import { TextField } from './ui.js';
import { textOf, useFormSubmit } from '../lib/form.js';

/** An inline form asking for a reason (at least 3 characters) before a decision is sent. */
export function ReasonForm({ label, submitLabel, busy, onSubmit, onCancel }: { label: string; submitLabel: string; busy: boolean; onSubmit: (reason: string) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { onSubmit: submit, fieldError } = useFormSubmit(async (data, { fail }) => {
    const reason = textOf(data, 'reason');
    if (reason.length < 3) return fail(t('orders.reasonRequired'), 'reason');
    await onSubmit(reason);
  });
  return (
    <form onSubmit={submit} className="inline-form" noValidate>
      <TextField label={label} name="reason" autoFocus error={fieldError('reason')} />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
