import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { AcceptOrderMutation, MarkReadyMutation, RefuseOrderMutation, SupplierConfirmHandoverMutation } from '../api/incoming.js';
import { useSupplierSignature } from '../api/sign.js';
import { DateText, ErrorMessage, Money, StatusBadge } from '../../../components/ui.js';
import type { IncomingOrderFragment } from '../../../gql/graphql.js';

export function IncomingOrderRow({ order: o }: { order: IncomingOrderFragment }) {
  const { t } = useTranslation();
  const [acceptRes, accept] = useMutation(AcceptOrderMutation);
  const [refuseRes, refuse] = useMutation(RefuseOrderMutation);
  const [readyRes, ready] = useMutation(MarkReadyMutation);
  const [handRes, handover] = useMutation(SupplierConfirmHandoverMutation);
  const [refusing, setRefusing] = useState(false);
  const [signing, setSigning] = useState(false);
  const signer = useSupplierSignature();
  const busy = signing || acceptRes.fetching || refuseRes.fetching || readyRes.fetching || handRes.fetching;

  // Acceptance and refusal carry the organization's EDS.
  async function signed(action: 'ACCEPT' | 'REFUSE', reason?: string) {
    setSigning(true);
    try {
      return await signer.sign({ kind: 'order', id: o.id, action, reason });
    } finally {
      setSigning(false);
    }
  }
  async function onAccept() {
    const s = await signed('ACCEPT');
    if (s) await accept({ id: o.id, version: o.version, ...s });
  }
  const label = `${o.number}`;

  const { onSubmit: submitRefusal, error: reasonError } = useFormSubmit(async (data, { fail }) => {
    const reason = textOf(data, 'reason');
    if (reason.length < 3) return fail(t('orders.reasonRequired'));
    const s = await signed('REFUSE', reason);
    if (!s) return;
    const r = await refuse({ id: o.id, version: o.version, reason, ...s });
    if (!r.error) setRefusing(false);
  });

  return (
    <tr>
      <th scope="row">{o.number}</th>
      <td data-label={t('supplier.offering')}>{o.offering.title}</td>
      <td data-label={t('supplier.recipient')}>{o.recipient.fullName}</td>
      <td data-label={t('catalog.price')}>
        <Money tiyn={o.price} />
      </td>
      <td data-label={t('orders.status')}>
        <StatusBadge kind="order" status={o.status} />
      </td>
      <td data-label={t('orders.acceptDeadline')}>{o.status === 'AWAITING_SUPPLIER' ? <DateText value={o.acceptDeadline} time /> : '—'}</td>
      <td>
        <div className="row-actions">
          {o.status === 'AWAITING_SUPPLIER' && !refusing && (
            <>
              <button type="button" disabled={busy} onClick={() => void onAccept()}>
                {t('supplier.accept')}
                <span className="visually-hidden"> {label}</span>
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={() => setRefusing(true)}>
                {t('supplier.refuse')}
                <span className="visually-hidden"> {label}</span>
              </button>
            </>
          )}
          {o.status === 'ACCEPTED' && (
            <button type="button" disabled={busy} onClick={() => ready({ id: o.id, version: o.version })}>
              {t('supplier.markReady')}
              <span className="visually-hidden"> {label}</span>
            </button>
          )}
          {o.status === 'READY' && !o.supplierConfirmedAt && (
            <button type="button" disabled={busy} onClick={() => handover({ id: o.id, version: o.version })}>
              {t('supplier.confirmHandover')}
              <span className="visually-hidden"> {label}</span>
            </button>
          )}
          {o.status === 'READY' && o.supplierConfirmedAt && <span className="hint">{t('supplier.waitingRecipient')}</span>}
        </div>
        {refusing && (
          <form onSubmit={submitRefusal} className="inline-form">
            <label htmlFor={`reason-${o.id}`}>{t('supplier.refusalReason')}</label>
            <input id={`reason-${o.id}`} name="reason" autoFocus aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `reason-${o.id}-err` : undefined} />
            {reasonError && (
              <p className="field-error" id={`reason-${o.id}-err`}>
                {reasonError}
              </p>
            )}
            <button type="submit" disabled={busy}>
              {t('supplier.refuseConfirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setRefusing(false)}>
              {t('common.cancel')}
            </button>
          </form>
        )}
        {signer.error && <div className="error" role="alert">{signer.error}</div>}
        <ErrorMessage error={acceptRes.error ?? refuseRes.error ?? readyRes.error ?? handRes.error} />
      </td>
    </tr>
  );
}
