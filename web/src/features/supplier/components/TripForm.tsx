import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { ErrorMessage, SuccessStatus, TextField } from '../../../components/ui.js';
import { RecordTripMutation } from '../api/prosthetics.js';
import { parseTenge, todayAlmaty } from '../../../lib/format.js';

/**
 * A trip of the recipient (or an escort) to the supplier and back, recorded after it was made for the
 * fare to be reimbursed: at most 2 trips a year, 1 for an escort or for bandages (seeds 004 ¶41).
 */
export function TripForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const [res, record] = useMutation(RecordTripMutation);
  const form = useFormSubmit(async (data, { fail, refused }) => {
    const date = textOf(data, 'date');
    const amount = parseTenge(textOf(data, 'fare'));
    const escort = data.get('escort') === 'on';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > todayAlmaty()) return fail(t('prosthetics.tripDateInvalid'), 'date');
    if (amount === null || amount <= 0) return fail(t('prosthetics.fareInvalid'), 'fare');
    const r = await record({ orderId, date, escort, amount });
    const limit = r.error?.graphQLErrors[0]?.extensions;
    // The yearly limit is a rule, not a typo: say which one, beside the date.
    if (limit?.code === 'NOT_ELIGIBLE') return fail(t('prosthetics.tripLimit', { count: Number(limit.max ?? 2), year: date.slice(0, 4) }), 'date');
    if (r.error) return refused(r.error, t('prosthetics.refused'));
    return { done: t('prosthetics.tripSaved') };
  });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="trip-title">
      <h3 id="trip-title">{t('prosthetics.tripsTitle')}</h3>
      <p className="hint">{t('prosthetics.tripsHint')}</p>
      <TextField label={t('prosthetics.tripDate')} name="date" type="date" error={form.fieldError('date')} />
      <TextField label={t('prosthetics.fare')} name="fare" inputMode="decimal" autoComplete="off" error={form.fieldError('fare')} />
      <label className="checkbox">
        <input type="checkbox" name="escort" /> {t('prosthetics.escort')}
      </label>
      <button type="submit" disabled={res.fetching}>
        {t('prosthetics.addTrip')}
      </button>
      {!form.error && res.error?.graphQLErrors[0]?.extensions?.code !== 'NOT_ELIGIBLE' && <ErrorMessage error={res.error} />}
      <SuccessStatus text={form.done} />
    </form>
  );
}
