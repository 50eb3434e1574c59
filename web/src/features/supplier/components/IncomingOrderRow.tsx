import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { AcceptOrderMutation, MarkReadyMutation, RefuseOrderMutation, SupplierConfirmHandoverMutation } from '../api/incoming.js';
import { useSupplierSignature } from '../api/sign.js';
import { DateText, ErrorMessage, Money, StatusBadge } from '../../../components/ui.js';
import type { IncomingOrderFragment } from '../../../gql/graphql.js';
import { useOrderRefresh } from '../../../lib/order-refresh.js';
import { useReferenceNames } from '../../../lib/reference.js';

export function IncomingOrderRow({ order: o }: { order: IncomingOrderFragment }) {
  const { t } = useTranslation();
  const [acceptRes, accept] = useMutation(AcceptOrderMutation);
  const [refuseRes, refuse] = useMutation(RefuseOrderMutation);
  const [readyRes, ready] = useMutation(MarkReadyMutation);
  const [handRes, handover] = useMutation(SupplierConfirmHandoverMutation);
  const [refusing, setRefusing] = useState(false);
  const refresh = useOrderRefresh();
  const names = useReferenceNames();
  // Every step sends the version this row shows; a CONFLICT refetches the order and says what changed.
  async function step(run: () => Promise<{ error?: CombinedError }>) {
    refresh.clear();
    const r = await run();
    if (r.error) await refresh.afterError(o, r.error);
    return r;
  }
  const [signing, setSigning] = useState(false);
  const signer = useSupplierSignature();
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
    if (s) await step(() => accept({ id: o.id, version: o.version, ...s }));
  }
  const busy = signing || acceptRes.fetching || refuseRes.fetching || readyRes.fetching || handRes.fetching;
  const label = `${o.number}`;

  const { onSubmit: submitRefusal, error: reasonError } = useFormSubmit(async (data, { fail }) => {
    const reason = textOf(data, 'reason');
    if (reason.length < 3) return fail(t('orders.reasonRequired'));
    const s = await signed('REFUSE', reason);
    if (!s) return;
    const r = await step(() => refuse({ id: o.id, version: o.version, reason, ...s }));
    if (!r.error) setRefusing(false);
  });

  return (
    <tr>
      <th scope="row">{o.number}</th>
      <td data-label={t('supplier.offering')}>
        {o.offering.title}
        {o.itemTypeCode && <span className="cell-note">{names.itemType(o.itemTypeCode)}</span>}
        {o.delivery && (
          <dl className="facts compact">
            <dt>{t('supplier.deliveryAddress')}</dt>
            <dd>{o.delivery.address}</dd>
            <dt>{t('supplier.contactPhone')}</dt>
            <dd>
              <a className="tap" href={`tel:${o.delivery.phone}`}>{o.delivery.phone}</a>
            </dd>
            {o.delivery.window && (
              <>
                <dt>{t('supplier.deliveryWindow')}</dt>
                <dd>{o.delivery.window}</dd>
              </>
            )}
            {o.delivery.comment && (
              <>
                <dt>{t('supplier.deliveryComment')}</dt>
                <dd>{o.delivery.comment}</dd>
              </>
            )}
          </dl>
        )}
        {o.handover === 'PICKUP' && <p className="hint">{t('delivery.PICKUP')}</p>}
      </td>
      <td data-label={t('supplier.recipient')}>{o.recipient.fullName}</td>
      <td data-label={t('catalog.price')}>
        <Money tiyn={o.price} />
        {!!o.coPayment && (
          <p className="cell-note">
            {t('supplier.recipientPays')}: <Money tiyn={o.coPayment} />
          </p>
        )}
      </td>
      <td data-label={t('orders.status')}>
        <StatusBadge kind="order" status={o.status} />
      </td>
      <td data-label={t('orders.acceptDeadline')}>
        {o.status === 'AWAITING_SUPPLIER' ? (
          <DateText value={o.acceptDeadline} time />
        ) : o.deliveryDueAt && !o.handedOverAt ? (
          // The contract's handover term (004 ¶28, ¶83), once accepted.
          <>
            {t('orders.deliveryDue')}: <DateText value={o.deliveryDueAt} />
            {o.deliveryOverdueAt && <span className="badge badge-overdue"> {t('orders.deliveryOverdue')}</span>}
          </>
        ) : (
          '—'
        )}
      </td>
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
            <button type="button" disabled={busy} onClick={() => step(() => ready({ id: o.id, version: o.version }))}>
              {t('supplier.markReady')}
              <span className="visually-hidden"> {label}</span>
            </button>
          )}
          {o.status === 'READY' && !o.supplierConfirmedAt && (
            <button type="button" disabled={busy} onClick={() => step(() => handover({ id: o.id, version: o.version }))}>
              {t('supplier.confirmHandover')}
              <span className="visually-hidden"> {label}</span>
            </button>
          )}
          {o.status === 'READY' && o.supplierConfirmedAt && <span className="hint">{t('supplier.waitingRecipient')}</span>}
          {o.status === 'READY' && o.recipientConfirmedAt && !o.supplierConfirmedAt && <span className="hint">{t('supplier.recipientConfirmed')}</span>}
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
        {refresh.changed ? (
          <p className="notice" role="status">
            {refresh.changed}
          </p>
        ) : (
          <ErrorMessage error={acceptRes.error ?? refuseRes.error ?? readyRes.error ?? handRes.error} />
        )}
      </td>
    </tr>
  );
}
