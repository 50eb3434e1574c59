import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { ErrorMessage, SuccessStatus, TextField } from '../../../components/ui.js';
import { InviteInpatientMutation } from '../api/prosthetics.js';
import { todayAlmaty } from '../../../lib/format.js';
import type { InpatientFitting } from '../../../gql/graphql.js';

const FITTINGS: InpatientFitting[] = ['PRIMARY', 'REPEAT'];

/**
 * The supplier invites the recipient, in advance, for an inpatient fitting (seeds 004 ¶31): the first
 * lasts at most 10 working days, a repeat one at most 3. The portal counts the working days by the
 * Kazakhstan calendar and says so beside the last day when there are too many.
 */
export function InpatientForm({ orderId, current }: { orderId: string; current?: { inpatient?: InpatientFitting | null; inpatientFrom?: string | null; inpatientTo?: string | null } | null }) {
  const { t } = useTranslation();
  const [res, invite] = useMutation(InviteInpatientMutation);
  const form = useFormSubmit(async (data, { fail, refused }) => {
    const fitting = textOf(data, 'fitting') as InpatientFitting | '';
    const from = textOf(data, 'from');
    const to = textOf(data, 'to');
    if (!fitting) return fail(t('prosthetics.fittingRequired'), 'fitting');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || from <= todayAlmaty()) return fail(t('prosthetics.fromInvalid'), 'from');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || to < from) return fail(t('prosthetics.toInvalid'), 'to');
    const r = await invite({ orderId, fitting, from, to });
    if (r.error) return refused(r.error, t('prosthetics.inpatientRefused', { max: fitting === 'PRIMARY' ? 10 : 3 }));
    return { done: t('prosthetics.invited', { count: r.data!.inviteForInpatientFitting.inpatientWorkingDays }), keep: true };
  });
  const fittingError = form.fieldError('fitting');
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="inpatient-title">
      <h3 id="inpatient-title">{t('prosthetics.inpatientTitle')}</h3>
      <p className="hint">{t('prosthetics.inpatientHint')}</p>
      <fieldset aria-describedby={fittingError ? 'fitting-error' : undefined}>
        <legend>{t('prosthetics.fitting')}</legend>
        {FITTINGS.map((f) => (
          <label key={f} className="checkbox">
            <input type="radio" name="fitting" value={f} defaultChecked={current?.inpatient === f} aria-invalid={fittingError ? true : undefined} /> {t(`prosthetics.fittings.${f}`)}
          </label>
        ))}
        {fittingError && (
          <p className="field-error" id="fitting-error">
            {fittingError}
          </p>
        )}
      </fieldset>
      <TextField label={t('prosthetics.from')} name="from" type="date" defaultValue={current?.inpatientFrom ?? ''} error={form.fieldError('from')} />
      <TextField label={t('prosthetics.to')} name="to" type="date" defaultValue={current?.inpatientTo ?? ''} error={form.fieldError('to')} />
      <button type="submit" disabled={res.fetching}>
        {t('prosthetics.invite')}
      </button>
      {form.formError && <p className="field-error">{form.formError}</p>}
      {!form.error && <ErrorMessage error={res.error} />}
      <SuccessStatus text={form.done} />
    </form>
  );
}
