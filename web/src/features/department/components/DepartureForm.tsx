import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { isValidIin } from '../../../lib/iin.js';
import { ErrorMessage, TextField } from '../../../components/ui.js';
import { RegisterDepartureMutation } from '../api/console.js';

/**
 * A recipient of the region left Kazakhstan: what was not yet received is returned (seeds 004 ¶28, ¶30, ¶83):
 * the department records the departure, the platform closes the open measures and cancels their orders.
 */
export function DepartureForm() {
  const { t } = useTranslation();
  const [res, register] = useMutation(RegisterDepartureMutation);
  const { onSubmit, error } = useFormSubmit(async (data, { fail }) => {
    const iin = textOf(data, 'iin');
    const date = textOf(data, 'departedOn');
    if (!isValidIin(iin)) return fail(t('department.departureIinInvalid'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail(t('department.departureDateInvalid'));
    await register({ personIin: iin, departedOn: date });
  });
  const done = res.data?.registerDeparture;
  return (
    <section aria-labelledby="departure-title">
      <h2 id="departure-title">{t('department.departureTitle')}</h2>
      <p className="hint">{t('department.departureHint')}</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField label={t('department.departureIin')} name="iin" inputMode="numeric" maxLength={12} autoComplete="off" error={error} />
        <TextField label={t('department.departureDate')} name="departedOn" type="date" />
        <button type="submit" disabled={res.fetching}>
          {t('department.departureButton')}
        </button>
      </form>
      <ErrorMessage error={res.error} />
      {done && (
        <p className="notice" role="status">
          {t('department.departureDone', { measures: done.measuresCancelled, orders: done.ordersCancelled })}
        </p>
      )}
    </section>
  );
}
