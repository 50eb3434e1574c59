import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { IncomingOrderFragment, IncomingOrdersQuery } from '../api/incoming.js';
import { Empty, ErrorMessage, LiveStatus, Loading, SelectField, ShowMore } from '../../../components/ui.js';
import { IncomingOrdersSubscription, SupplierOrderStatusSubscription } from '../api/live.js';
import { useFragment } from '../../../gql/index.js';
import { IncomingOrderRow } from './IncomingOrderRow.js';
import type { OrderStatus } from '../../../gql/graphql.js';
import { TableWrap } from '../../../components/TableWrap.js';

const STATUSES: OrderStatus[] = ['AWAITING_SUPPLIER', 'ACCEPTED', 'READY', 'HANDED_OVER', 'REFUSED', 'EXPIRED', 'CANCELLED'];

/** Orders to the supplier with the working-day deadline; accept, refuse with a reason, mark ready, confirm handover. */
export function IncomingOrdersPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OrderStatus | ''>('AWAITING_SUPPLIER');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res, reexecute] = useQuery({ query: IncomingOrdersQuery, variables: { status: status || null, after } });
  // A row whose status changed (accepted here, cancelled by the recipient) leaves a list filtered by status at once.
  const orders = useFragment(IncomingOrderFragment, res.data?.orders.nodes ?? []).filter((o) => !status || o.status === status);
  const [announcement, setAnnouncement] = useState('');
  // New orders arrive live: announce them and refetch the list (the cache cannot place a new order in it).
  useSubscription({ query: IncomingOrdersSubscription }, (_prev, event) => {
    setAnnouncement(t('supplier.newOrderArrived', { number: event.incomingOrders.order.number }));
    // The first page again (where a new order lands); pages already shown stay merged in the cache.
    if (after) setAfter(undefined);
    else reexecute({ requestPolicy: 'network-only' });
    return event;
  });
  // Changes made by others (a recipient cancels or confirms) update rows in place through the cache.
  useSubscription({ query: SupplierOrderStatusSubscription });
  return (
    <>
      <h1>{t('supplier.ordersTitle')}</h1>
      <LiveStatus message={announcement} />
      <SelectField
        label={t('supplier.showStatus')}
        value={status}
        onChange={(e) => {
          setAfter(undefined);
          setStatus(e.target.value as OrderStatus | '');
        }}
        options={[{ value: '', label: t('catalog.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.order.${s}`) }))]}
      />
      <ErrorMessage error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {res.fetching && !orders.length && <Loading />}
      {!res.fetching && !res.error && orders.length === 0 && <Empty>{t('supplier.noOrders')}</Empty>}
      {orders.length > 0 && (
        <TableWrap label={t('supplier.ordersTitle')}>
          <table className="stack">
            <caption className="visually-hidden">{t('supplier.ordersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orders.numberCol')}</th>
                <th scope="col">{t('supplier.offering')}</th>
                <th scope="col">{t('supplier.recipient')}</th>
                <th scope="col">{t('catalog.price')}</th>
                <th scope="col">{t('orders.status')}</th>
                <th scope="col">{t('orders.acceptDeadline')}</th>
                <th scope="col">{t('cabinet.action')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <IncomingOrderRow key={o.id} order={o} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ShowMore pageInfo={res.data?.orders.pageInfo} shown={orders.length} fetching={res.fetching} onMore={setAfter} />
    </>
  );
}
