import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, SelectField, SuccessStatus, TextField } from '../../../components/ui.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { SetStaffSettingsMutation, StaffSettingsQuery } from '../api/notifications.js';
import type { NotifyLanguage } from '../../../gql/graphql.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LANGUAGES: NotifyLanguage[] = ['kk', 'ru', 'en'];

/**
 * A supplier's or department's staff member: its organisation's notices are always in the centre above;
 * here it gives an address to get them by e-mail too, and the e-mails' language (kk, ru or en).
 */
export function StaffEmailSettings() {
  const { t } = useTranslation();
  const [settings] = useQuery({ query: StaffSettingsQuery });
  const [result, save] = useMutation(SetStaffSettingsMutation);
  const s = settings.data?.myStaffNotificationSettings;
  const form = useFormSubmit(async (data, { fail, refused }) => {
    const email = textOf(data, 'email');
    const on = data.get('emailNotifications') === 'on';
    if (email && !EMAIL.test(email)) return fail(t('notifications.staff.emailInvalid'), 'email');
    if (on && !email) return fail(t('notifications.staff.emailNeeded'), 'email');
    const res = await save({ email: email || null, emailNotifications: on, language: textOf(data, 'language') as NotifyLanguage });
    if (res.error) return refused(res.error, t('notifications.staff.emailInvalid'));
    return { done: t('notifications.staff.saved'), keep: true };
  });
  if (!s) return <ErrorMessage error={settings.error} />;
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="staff-email-title" noValidate>
      <h2 id="staff-email-title">{t('notifications.staff.title')}</h2>
      <p className="hint">{t('notifications.staff.hint')}</p>
      <TextField label={t('notifications.staff.email')} name="email" type="email" autoComplete="email" defaultValue={s.email ?? ''} error={form.fieldError('email')} />
      <label className="checkbox">
        <input type="checkbox" name="emailNotifications" defaultChecked={s.emailNotifications && !!s.email} /> {t('notifications.staff.emailNotifications')}
      </label>
      <SelectField label={t('notifications.staff.language')} name="language" defaultValue={s.language} options={LANGUAGES.map((l) => ({ value: l, label: t(`notifications.staff.languages.${l}`) }))} />
      <ErrorMessage error={result.error} />
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? t('common.saving') : t('common.save')}
      </button>
      <SuccessStatus text={form.done} />
    </form>
  );
}
