import { useId } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { PayClaimMutation } from '../api/console.js';
import { ErrorMessage } from '../../../components/ui.js';

/** An approved claim: the department enters the treasury payment order's reference and records the payment. */
export function PayClaimForm({ claimId, version, orderNumber }: { claimId: string; version: number; orderNumber: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [res, pay] = useMutation(PayClaimMutation);
  const { onSubmit: submit, error } = useFormSubmit(async (data, { fail }) => {
    const reference = textOf(data, 'reference');
    if (!/^[\w./-]{3,60}$/.test(reference)) return fail(t('department.referenceRequired'));
    await pay({ id: claimId, version, reference });
  });

  return (
    <form onSubmit={submit} className="inline-form" noValidate>
      <label htmlFor={id}>
        {t('department.paymentOrder')}
        <span className="visually-hidden"> {orderNumber}</span>
      </label>
      <input id={id} name="reference" size={14} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <button type="submit" disabled={res.fetching}>
        {t('department.pay')}
        <span className="visually-hidden"> {orderNumber}</span>
      </button>
      <ErrorMessage error={res.error} />
    </form>
  );
}
