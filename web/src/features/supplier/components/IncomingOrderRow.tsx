import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { AcceptOrderMutation, MarkReadyMutation, RefuseOrderMutation, SupplierConfirmHandoverMutation } from '../api/incoming.js';
import { useSupplierSignature } from '../api/sign.js';
import { DateText, ErrorMessage, Money, StatusBadge, TextField } from '../../../components/ui.js';
import type { IncomingOrderFragment, OrderRefusalReason } from '../../../gql/graphql.js';
import { useOrderRefresh } from '../../../lib/order-refresh.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { useOfferingText } from '../../../lib/localized.js';
import { Link } from '../../../lib/router.js';

/** Out of stock is a reason for goods only: technical aids and wheelchairs (rules 004 ¶83, ¶28). */
const STOCKED = new Set(['S5', 'S6']);

export function IncomingOrderRow({ order: o }: { order: IncomingOrderFragment }) {
  const { t } = useTranslation();
  const text = useOfferingText();
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
  async function signed(action: 'ACCEPT' | 'REFUSE', refusal?: { reasonCode: OrderRefusalReason; comment: string | null }) {
    setSigning(true);
    try {
      return await signer.sign({ kind: 'order', id: o.id, action, ...refusal });
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

  const reasons: OrderRefusalReason[] = !o.kind || STOCKED.has(o.kind) ? ['OUT_OF_STOCK', 'OTHER'] : ['OTHER'];
  const refusal = useFormSubmit(async (data, { fail }) => {
    const reasonCode = (reasons.length === 1 ? reasons[0] : textOf(data, 'reasonCode')) as OrderRefusalReason | '';
    if (!reasonCode) return fail(t('supplier.refusalCodeRequired'), 'reasonCode');
    const comment = textOf(data, 'comment');
    if (comment && comment.length < 3) return fail(t('orders.reasonRequired'), 'comment');
    if (reasonCode === 'OTHER' && !comment) return fail(t('supplier.refusalCommentRequired'), 'comment');
    const s = await signed('REFUSE', { reasonCode, comment: comment || null });
    if (!s) return;
    const r = await step(() => refuse({ id: o.id, version: o.version, reasonCode, comment: comment || null, ...s }));
    if (!r.error) setRefusing(false);
  });

  return (
    <tr>
      <th scope="row">{o.number}</th>
      <td data-label={t('supplier.offering')}>
        {text.title(o.offering)}
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
          {o.kind === 'S4' && (o.status === 'ACCEPTED' || o.status === 'READY' || o.status === 'HANDED_OVER') && (
            // 004 ¶31: an accepted S4 order is taken with measurements, on its prosthetics card.
            <Link className="button secondary" href={`/supplier/prosthetics?order=${encodeURIComponent(o.id)}`}>
              {t('prosthetics.open')}
              <span className="visually-hidden"> {label}</span>
            </Link>
          )}
        </div>
        {refusing && (
          <form onSubmit={refusal.onSubmit} className="refusal-form" noValidate aria-label={`${t('supplier.refuse')} ${label}`}>
            {reasons.length > 1 ? (
              <fieldset aria-describedby={refusal.fieldError('reasonCode') ? `reason-${o.id}-err` : undefined}>
                <legend>{t('supplier.refusalReason')}</legend>
                {reasons.map((code, i) => (
                  <label key={code} className="checkbox">
                    <input type="radio" name="reasonCode" value={code} autoFocus={i === 0} aria-invalid={refusal.fieldError('reasonCode') ? true : undefined} /> {t(`orders.refusalCodes.${code}`)}
                  </label>
                ))}
                {refusal.fieldError('reasonCode') && (
                  <p className="field-error" id={`reason-${o.id}-err`}>
                    {refusal.fieldError('reasonCode')}
                  </p>
                )}
              </fieldset>
            ) : (
              <p>
                {t('supplier.refusalReason')}: {t(`orders.refusalCodes.${reasons[0]}`)}
              </p>
            )}
            <TextField
              label={t('supplier.refusalComment')}
              hint={t('supplier.refusalCommentHint')}
              name="comment"
              maxLength={1000}
              autoFocus={reasons.length === 1}
              error={refusal.fieldError('comment')}
            />
            <div className="row-actions">
              <button type="submit" disabled={busy}>
                {t('supplier.refuseConfirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setRefusing(false)}>
                {t('common.cancel')}
              </button>
            </div>
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
