import { Fragment, useId, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { DateText, ErrorMessage, Money, PriceSplit, StatusBadge, TextField } from '../../../components/ui.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { CancelOrderMutation, ConfirmHandoverMutation } from '../api/actions.js';
import type { MyOrderFragment } from '../../../gql/graphql.js';
import { useOrderRefresh } from '../../../lib/order-refresh.js';

const CANCELLABLE = new Set(['AWAITING_SUPPLIER', 'ACCEPTED', 'READY']);

export function OrderCard({ order: o }: { order: MyOrderFragment }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const titleId = useId();
  const [confirmRes, confirm] = useMutation(ConfirmHandoverMutation);
  const [cancelRes, cancel] = useMutation(CancelOrderMutation);
  const [cancelling, setCancelling] = useState(false);
  const refresh = useOrderRefresh();
  const { onSubmit: submitCancel, error: reasonError } = useFormSubmit(async (data, { fail }) => {
    const reason = textOf(data, 'reason');
    if (reason.length < 3) return fail(t('orders.reasonRequired'));
    refresh.clear();
    const res = await cancel({ id: o.id, version: o.version, reason });
    if (!res.error) setCancelling(false);
    else await refresh.afterError(o, res.error);
  });

  return (
    <article className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="h3">
        {t('orders.number', { number: o.number })}: {names.itemType(o.itemTypeCode ?? o.measure.itemTypeCode)}
      </h2>
      <p>
        {t('orders.status')}: <StatusBadge kind="order" status={o.status} />
      </p>
      <dl className="facts">
        <dt>{t('catalog.supplier')}</dt>
        <dd>{o.offering.supplier.name}</dd>
        <dt>{t('catalog.price')}</dt>
        <dd>
          <Money tiyn={o.price} />
        </dd>
        {o.statePart != null && o.coPayment != null && <PriceSplit statePart={o.statePart} coPayment={o.coPayment} />}
        {o.handover && (
          <>
            <dt>{t('orders.handover')}</dt>
            <dd>{t(`delivery.${o.handover}`)}</dd>
          </>
        )}
        {o.delivery && (
          <>
            <dt>{t('orders.deliveryAddress')}</dt>
            <dd>
              {o.delivery.address}
              {o.delivery.window ? `; ${o.delivery.window}` : ''}
            </dd>
          </>
        )}
        {o.stayFrom && o.stayTo && (
          <>
            <dt>{t('orders.stay')}</dt>
            <dd>
              <DateText value={o.stayFrom} /> – <DateText value={o.stayTo} />
            </dd>
          </>
        )}
        {o.travelPaidByRecipient && (
          <>
            <dt>{t('orders.travel')}</dt>
            <dd>{t('orders.travelPaidByRecipient')}</dd>
          </>
        )}
        {o.serviceUntil && (
          <>
            <dt>{t('orders.serviceUntil')}</dt>
            <dd>
              <DateText value={o.serviceUntil} />
            </dd>
          </>
        )}
        {o.cancellationReason && ['DEPARTED', 'IPR_TERM_EXPIRED', 'SERVICE_PERIOD_ENDED', 'DEATH_REGISTERED', 'WITHDRAWN'].includes(o.cancellationReason) && (
          <>
            <dt>{t('orders.cancellationReason')}</dt>
            <dd>{t(`orders.closedBecause.${o.cancellationReason}`)}</dd>
          </>
        )}
        <dt>{t('orders.created')}</dt>
        <dd>
          <DateText value={o.createdAt} time />
        </dd>
        {o.status === 'AWAITING_SUPPLIER' && (
          <>
            <dt>{t('orders.acceptDeadline')}</dt>
            <dd>
              <DateText value={o.acceptDeadline} time />
            </dd>
          </>
        )}
        {o.leadTimeDays != null && !o.deliveryDueAt && (
          <>
            <dt>{t('orders.contractTerm')}</dt>
            <dd>{t('orders.contractTermDays', { count: o.leadTimeDays })}</dd>
          </>
        )}
        {o.deliveryDueAt && (
          <>
            {/* The signed order is the contract; its handover term is the offering's lead time from acceptance (004 ¶28, ¶83). */}
            <dt>{t('orders.deliveryDue')}</dt>
            <dd>
              <DateText value={o.deliveryDueAt} />
              {o.deliveryOverdueAt && !o.handedOverAt && <span className="badge badge-overdue"> {t('orders.deliveryOverdue')}</span>}
            </dd>
          </>
        )}
        {o.refusalCode ? (
          <>
            <dt>{t('orders.refusalReason')}</dt>
            <dd>{t(`orders.refusalCodes.${o.refusalCode}`)}</dd>
            {o.refusalReason && (
              <>
                <dt>{t('orders.refusalComment')}</dt>
                <dd>{o.refusalReason}</dd>
              </>
            )}
          </>
        ) : (
          // Refused before reasons had codes: the supplier's own words.
          o.refusalReason && (
            <>
              <dt>{t('orders.refusalReason')}</dt>
              <dd>{o.refusalReason}</dd>
            </>
          )
        )}
      </dl>
      {o.prostheticsCard && (
        // 004 ¶34: the prosthetics card is shown in the recipient's cabinet (kept permanently).
        <details className="prosthetics-card">
          <summary>{t('orders.prostheticsCard')}</summary>
          <dl className="facts">
            {o.prostheticsCard.measurements.map((m) => (
              <Fragment key={m.name}>
                <dt>{m.name}</dt>
                <dd>{m.value}</dd>
              </Fragment>
            ))}
            {o.prostheticsCard.inpatient && o.prostheticsCard.inpatientFrom && o.prostheticsCard.inpatientTo && (
              <>
                <dt>{t(`orders.inpatient.${o.prostheticsCard.inpatient}`)}</dt>
                <dd>
                  <DateText value={o.prostheticsCard.inpatientFrom} /> – <DateText value={o.prostheticsCard.inpatientTo} /> ({t('orders.inpatientDays', { count: o.prostheticsCard.inpatientWorkingDays })})
                </dd>
              </>
            )}
            <dt>{t('orders.trips')}</dt>
            <dd>{o.prostheticsCard.trips.length ? o.prostheticsCard.trips.map((trip) => `${trip.date}${trip.escort ? ` (${t('orders.escort')})` : ''}`).join(', ') : '—'}</dd>
          </dl>
          {o.prostheticsCard.acceptanceAct && <pre className="document">{o.prostheticsCard.acceptanceAct}</pre>}
          {o.prostheticsCard.historyExtract && <pre className="document">{o.prostheticsCard.historyExtract}</pre>}
        </details>
      )}
      <div className="card-actions">
        {o.status === 'READY' && !o.recipientConfirmedAt && (
          <button
            type="button"
            onClick={async () => {
              refresh.clear();
              const r = await confirm({ id: o.id, version: o.version });
              if (r.error) await refresh.afterError(o, r.error);
            }}
            disabled={confirmRes.fetching}
          >
            {t('orders.confirmHandover')}
          </button>
        )}
        {o.status === 'READY' && o.recipientConfirmedAt && <p className="hint">{t('orders.waitingSupplierConfirm')}</p>}
        {/* After "I received it" there is nothing left to cancel. */}
        {CANCELLABLE.has(o.status) && !o.recipientConfirmedAt && !cancelling && (
          <button type="button" className="secondary" onClick={() => setCancelling(true)}>
            {t('orders.cancel')}
          </button>
        )}
      </div>
      {cancelling && (
        <form onSubmit={submitCancel} className="inline-form">
          <TextField label={t('orders.cancelReason')} name="reason" error={reasonError} autoFocus />
          <button type="submit" disabled={cancelRes.fetching}>
            {t('orders.cancelConfirm')}
          </button>
          <button type="button" className="secondary" onClick={() => setCancelling(false)}>
            {t('common.back')}
          </button>
        </form>
      )}
      {refresh.changed ? (
        <p className="notice" role="status">
          {refresh.changed}
        </p>
      ) : (
        <ErrorMessage error={confirmRes.error ?? cancelRes.error} />
      )}
    </article>
  );
}
