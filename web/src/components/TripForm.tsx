import { useId } from 'react';
import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../lib/form.js';
import { parseTenge, todayAlmaty } from '../lib/format.js';
import { ErrorMessage, SuccessStatus, TextField } from './ui.js';

export interface TripInput {
  date: string;
  escort: boolean;
  amount: number;
}

/**
 * A trip of the recipient (or an escort) to the supplier and back, recorded after it was made for the
 * fare to be reimbursed: at most 2 trips a year, 1 for an escort or for bandages (seeds 004 ¶41). The
 * supplier and the region's department record them, each with its own mutation (`record`).
 */
export function TripForm({ record, result }: { record: (trip: TripInput) => Promise<{ error?: CombinedError }>; result: { fetching: boolean; error?: CombinedError } }) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useFormSubmit(async (data, { fail, refused }) => {
    const date = textOf(data, 'date');
    const amount = parseTenge(textOf(data, 'fare'));
    const escort = data.get('escort') === 'on';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > todayAlmaty()) return fail(t('trip.dateInvalid'), 'date');
    if (amount === null || amount <= 0) return fail(t('trip.fareInvalid'), 'fare');
    const r = await record({ date, escort, amount });
    const limit = r.error?.graphQLErrors[0]?.extensions;
    // The yearly limit is a rule, not a typo: say which one, beside the date.
    if (limit?.code === 'NOT_ELIGIBLE') return fail(t('trip.limit', { count: Number(limit.max ?? 2), year: date.slice(0, 4) }), 'date');
    if (r.error) return refused(r.error, t('trip.refused'));
    return { done: t('trip.saved') };
  });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{t('trip.title')}</h3>
      <p className="hint">{t('trip.hint')}</p>
      <TextField label={t('trip.date')} name="date" type="date" error={form.fieldError('date')} />
      <TextField label={t('trip.fare')} name="fare" inputMode="decimal" autoComplete="off" error={form.fieldError('fare')} />
      <label className="checkbox">
        <input type="checkbox" name="escort" /> {t('trip.escort')}
      </label>
      <button type="submit" disabled={result.fetching}>
        {t('trip.add')}
      </button>
      {!form.error && result.error?.graphQLErrors[0]?.extensions?.code !== 'NOT_ELIGIBLE' && <ErrorMessage error={result.error} />}
      <SuccessStatus text={form.done} />
    </form>
  );
}
