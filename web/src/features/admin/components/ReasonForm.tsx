import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui.js';

/** An inline form asking for a reason (at least 3 characters) before a decision is sent. */
export function ReasonForm({ label, submitLabel, busy, onSubmit, onCancel }: { label: string; submitLabel: string; busy: boolean; onSubmit: (reason: string) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    if (reason.length < 3) return setError(t('orders.reasonRequired'));
    setError(null);
    await onSubmit(reason);
  }
  return (
    <form onSubmit={submit} className="inline-form" noValidate>
      <TextField label={label} name="reason" autoFocus error={error} />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
