import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { UpdateContactsMutation } from '../api/cabinet.js';
import { ErrorMessage, SuccessStatus, TextField } from '../../../components/ui.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { errorField } from '../../../lib/errors.js';

const PHONE = /^\+7\d{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Phone and e-mail are the only personal data the person edits; the registries own the rest. */
export function ContactsForm({ phone, email }: { phone: string; email: string | null | undefined }) {
  const { t } = useTranslation();
  const [result, update] = useMutation(UpdateContactsMutation);
  const { onSubmit, fieldError, done } = useFormSubmit(async (form, { fail, refused }) => {
    const nextPhone = textOf(form, 'phone').replace(/[\s()-]/g, '');
    const nextEmail = textOf(form, 'email');
    if (!PHONE.test(nextPhone)) return fail(t('cabinet.phoneInvalid'), 'phone');
    if (nextEmail && !EMAIL.test(nextEmail)) return fail(t('cabinet.emailInvalid'), 'email');
    const res = await update({ input: { phone: nextPhone, email: nextEmail } });
    // The server's own check of a field marks that field (extensions.field: phone or email).
    if (res.error) return refused(res.error, errorField(res.error) === 'email' ? t('cabinet.emailInvalid') : t('cabinet.phoneInvalid'));
    return { done: t('cabinet.contactsSaved'), keep: true };
  });

  return (
    <form onSubmit={onSubmit} aria-labelledby="contacts-title" noValidate>
      <h3 id="contacts-title">{t('cabinet.contacts')}</h3>
      <TextField label={t('cabinet.phone')} name="phone" type="tel" autoComplete="tel" defaultValue={phone} hint={t('cabinet.phoneHint')} error={fieldError('phone')} />
      <TextField label={t('cabinet.email')} name="email" type="email" autoComplete="email" defaultValue={email ?? ''} error={fieldError('email')} />
      <ErrorMessage error={result.error} />
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? t('common.saving') : t('common.save')}
      </button>
      <SuccessStatus text={done} />
    </form>
  );
}
