import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ProstheticOrderQuery, ProstheticOrdersQuery, ProstheticsCardFieldsFragment } from '../api/prosthetics.js';
import { Empty, ErrorMessage, Loading, SelectField, StatusBadge, useLoadAllPages } from '../../../components/ui.js';
import { useFragment } from '../../../gql/index.js';
import { navigate, useLocation } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import type { OrderStatus } from '../../../gql/graphql.js';
import { ProstheticsCardView } from './ProstheticsCardView.js';
import { MeasurementsForm } from './MeasurementsForm.js';
import { InpatientForm } from './InpatientForm.js';
import { TripForm } from './TripForm.js';

/** Measurements and the inpatient fitting while the order is open; trips until it is closed without the item. */
const OPEN: OrderStatus[] = ['ACCEPTED', 'READY'];
const SHOWN: OrderStatus[] = ['ACCEPTED', 'READY', 'HANDED_OVER'];

/**
 * Prosthetic and orthopaedic aid (S4, seeds 004 ¶31, ¶34, ¶41): the supplier takes the accepted order
 * with measurements, invites the recipient for an inpatient fitting, records the trips, and keeps the
 * card (kept permanently) with its acceptance act and history extract. `?order=` opens one order.
 */
export function ProstheticsPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const names = useReferenceNames();
  const [status, setStatus] = useState<OrderStatus>('ACCEPTED');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [listRes] = useQuery({ query: ProstheticOrdersQuery, variables: { status, after } });
  // The picker offers every S4 order of the status: all pages are loaded (the API has no kind filter).
  useLoadAllPages(listRes.data?.orders.pageInfo, listRes.fetching, setAfter);
  const orders = (listRes.data?.orders.nodes ?? []).filter((o) => o.kind === 'S4' && o.status === status);
  const asked = search.get('order') ?? '';
  const selected = asked || orders[0]?.id || '';
  const [orderRes] = useQuery({ query: ProstheticOrderQuery, variables: { id: selected }, pause: !selected });
  const order = orderRes.data?.order;
  const card = useFragment(ProstheticsCardFieldsFragment, order?.prostheticsCard ?? null);
  const open = !!order && OPEN.includes(order.status);
  const closedWithoutItem = !!order && ['REFUSED', 'EXPIRED', 'CANCELLED'].includes(order.status);

  return (
    <>
      <h1>{t('prosthetics.title')}</h1>
      <p className="hint">{t('prosthetics.hint')}</p>
      <SelectField
        label={t('prosthetics.status')}
        value={status}
        onChange={(e) => {
          setAfter(undefined);
          setStatus(e.target.value as OrderStatus);
          navigate('/supplier/prosthetics', { replace: true });
        }}
        options={SHOWN.map((s) => ({ value: s, label: t(`status.order.${s}`) }))}
      />
      <ErrorMessage error={listRes.error} />
      {listRes.fetching && !listRes.data && <Loading />}
      {listRes.data && !listRes.fetching && orders.length === 0 && !asked && <Empty>{t('prosthetics.noOrders')}</Empty>}
      {(orders.length > 0 || asked) && (
        <SelectField
          label={t('prosthetics.order')}
          value={selected}
          onChange={(e) => navigate(`/supplier/prosthetics?order=${encodeURIComponent(e.target.value)}`, { replace: true })}
          options={[
            ...(asked && !orders.some((o) => o.id === asked) ? [{ value: asked, label: order ? `${order.number} — ${order.recipient.fullName}` : asked }] : []),
            ...orders.map((o) => ({ value: o.id, label: `${o.number} — ${o.recipient.fullName}` })),
          ]}
        />
      )}
      <ErrorMessage error={orderRes.error} />
      {selected && orderRes.fetching && !order && <Loading />}
      {order && order.kind !== 'S4' && <p className="notice">{t('prosthetics.notS4')}</p>}
      {order && order.kind === 'S4' && (
        <section aria-labelledby="card-title" className="card">
          <h2 id="card-title">{t('prosthetics.cardOf', { number: order.number })}</h2>
          <dl className="facts">
            <dt>{t('supplier.recipient')}</dt>
            <dd>{order.recipient.fullName}</dd>
            {order.itemTypeCode && (
              <>
                <dt>{t('prosthetics.item')}</dt>
                <dd>{names.itemType(order.itemTypeCode)}</dd>
              </>
            )}
            <dt>{t('orders.status')}</dt>
            <dd>
              <StatusBadge kind="order" status={order.status} />
            </dd>
          </dl>
          <ProstheticsCardView card={card} />
          {open ? (
            // Keyed by the order: another order starts from its own saved rows.
            <>
              <MeasurementsForm key={`m-${order.id}`} orderId={order.id} saved={card?.measurements ?? []} />
              <InpatientForm key={`i-${order.id}`} orderId={order.id} current={card} />
            </>
          ) : (
            <p className="hint">{t('prosthetics.measurementsClosed')}</p>
          )}
          {!closedWithoutItem && <TripForm key={`t-${order.id}`} orderId={order.id} />}
        </section>
      )}
    </>
  );
}
