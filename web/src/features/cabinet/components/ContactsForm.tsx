import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { UpdateContactsMutation } from '../api/cabinet.js';
import { ErrorMessage, TextField } from '../../../components/ui.js';

const PHONE = /^\+7\d{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Phone and e-mail are the only personal data the person edits; the registries own the rest. */
export function ContactsForm({ phone, email }: { phone: string; email: string | null | undefined }) {
  const { t } = useTranslation();
  const [result, update] = useMutation(UpdateContactsMutation);
  const [errors, setErrors] = useState<{ phone?: string; email?: string }>({});
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const form = new FormData(e.currentTarget);
    const nextPhone = String(form.get('phone') ?? '').replace(/[\s()-]/g, '');
    const nextEmail = String(form.get('email') ?? '').trim();
    const errs: typeof errors = {};
    if (!PHONE.test(nextPhone)) errs.phone = t('cabinet.phoneInvalid');
    if (nextEmail && !EMAIL.test(nextEmail)) errs.email = t('cabinet.emailInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) {
      (e.currentTarget.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      return;
    }
    const res = await update({ input: { phone: nextPhone, email: nextEmail } });
    if (!res.error) setSaved(true);
  }

  return (
    <form onSubmit={submit} aria-labelledby="contacts-title" noValidate>
      <h3 id="contacts-title">{t('cabinet.contacts')}</h3>
      <TextField label={t('cabinet.phone')} name="phone" type="tel" autoComplete="tel" defaultValue={phone} hint={t('cabinet.phoneHint')} error={errors.phone} />
      <TextField label={t('cabinet.email')} name="email" type="email" autoComplete="email" defaultValue={email ?? ''} error={errors.email} />
      <ErrorMessage error={result.error} />
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? t('common.saving') : t('common.save')}
      </button>
      <p role="status" className="success">
        {saved ? t('cabinet.contactsSaved') : ''}
      </p>
    </form>
  );
}
