import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { ErrorMessage, SuccessStatus, TextField } from '../../../components/ui.js';
import { RecordMeasurementsMutation } from '../api/prosthetics.js';

/** The API takes at most this many measurements (LIMITS.listItems). */
const MAX_ROWS = 50;

/**
 * The measurements the supplier takes for an accepted S4 order (seeds 004 ¶31), saved all at once:
 * they replace the ones recorded before. A row is a name ("stump length, cm") and its value.
 */
export function MeasurementsForm({ orderId, saved }: { orderId: string; saved: readonly { name: string; value: string }[] }) {
  const { t } = useTranslation();
  const [res, record] = useMutation(RecordMeasurementsMutation);
  // Row keys, not indexes: removing a middle row keeps what was typed in the others.
  const [rows, setRows] = useState<number[]>(() => (saved.length ? saved.map((_, i) => i) : [0]));
  const [next, setNext] = useState(Math.max(saved.length, 1));
  const form = useFormSubmit(async (data, { fail, refused }) => {
    const measurements: { name: string; value: string }[] = [];
    for (const key of rows) {
      const name = textOf(data, `name-${key}`);
      const value = textOf(data, `value-${key}`);
      if (!name && !value) continue;
      if (!name) return fail(t('prosthetics.measurementIncomplete'), `name-${key}`);
      if (!value) return fail(t('prosthetics.measurementIncomplete'), `value-${key}`);
      measurements.push({ name, value });
    }
    if (!measurements.length) return fail(t('prosthetics.measurementsRequired'), `name-${rows[0]}`);
    const r = await record({ orderId, measurements });
    if (r.error) return refused(r.error, t('prosthetics.refused'));
    return { done: t('prosthetics.measurementsSaved', { count: measurements.length }), keep: true };
  });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="measurements-title">
      <h3 id="measurements-title">{t('prosthetics.measurements')}</h3>
      {rows.map((key, i) => (
        <fieldset key={key} className="measurement-row">
          <legend>{t('prosthetics.measurementN', { n: i + 1 })}</legend>
          <TextField label={t('prosthetics.measurementName')} name={`name-${key}`} defaultValue={saved[key]?.name} maxLength={200} error={form.fieldError(`name-${key}`)} />
          <TextField label={t('prosthetics.measurementValue')} name={`value-${key}`} defaultValue={saved[key]?.value} maxLength={200} error={form.fieldError(`value-${key}`)} />
          {rows.length > 1 && (
            <button type="button" className="secondary" onClick={() => setRows(rows.filter((k) => k !== key))}>
              {t('prosthetics.removeMeasurement', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="row-actions">
        {rows.length < MAX_ROWS && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setRows([...rows, next]);
              setNext(next + 1);
            }}
          >
            {t('prosthetics.addMeasurement')}
          </button>
        )}
        <button type="submit" disabled={res.fetching}>
          {t('prosthetics.saveMeasurements')}
        </button>
      </div>
      {form.formError && <p className="field-error">{form.formError}</p>}
      {!form.error && <ErrorMessage error={res.error} />}
      <SuccessStatus text={form.done} />
    </form>
  );
}
