import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { MyOrderFragment, MyOrdersQuery } from '../api/orders.js';
import { useFragment } from '../../../gql/index.js';
import { Empty, ErrorMessage, Loading, useLoadAllPages } from '../../../components/ui.js';
import { actingPersonId, useSession } from '../../../lib/session.js';
import { Link, useLocation } from '../../../lib/router.js';
import { OrderCard } from './OrderCard.js';
import { useOrderStatusAnnouncements } from './live.js';
import { MyOrderStatusSubscription } from '../api/live.js';

/** The recipient's orders; statuses change live (subscription) and are announced to screen readers. */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { search } = useLocation();
  const created = search.get('created');
  const personId = actingPersonId(session) ?? '';
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res, reexecute] = useQuery({ query: MyOrdersQuery, variables: { after }, pause: !personId });
  // Pages come oldest first and the newest order is shown first: every page is loaded (a person has few orders).
  useLoadAllPages(res.data?.orders.pageInfo, res.fetching, setAfter);
  // A representative sees the orders of the person whose cabinet is open.
  const orders = useFragment(MyOrderFragment, res.data?.orders.nodes ?? []).filter((o) => o.recipient.id === personId);
  const announcement = useOrderStatusAnnouncements(orders);
  // Status changes arrive over graphql-ws; the normalized cache updates the cards in place.
  // An order the list does not hold yet (signed in another tab) makes the list refetch.
  useSubscription({ query: MyOrderStatusSubscription, pause: !personId }, (_prev, event) => {
    if (!orders.some((o) => o.id === event.orderStatusChanged.orderId)) reexecute({ requestPolicy: 'network-only' });
    return event;
  });

  return (
    <>
      <h1>{t('orders.title')}</h1>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="order-announcer">
        {announcement}
      </div>
      {created && (
        <p className="success" role="status">
          {t('orders.ordered')} {t('orders.number', { number: created })}
        </p>
      )}
      <ErrorMessage error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {res.fetching && !orders.length && <Loading />}
      {!res.fetching && !res.error && orders.length === 0 && (
        <Empty>
          {t('orders.empty')} <Link href="/cabinet">{t('orders.toCabinet')}</Link>
        </Empty>
      )}
      <ul className="cards">
        {[...orders].reverse().map((o) => (
          <li key={o.id}>
            <OrderCard order={o} />
          </li>
        ))}
      </ul>
    </>
  );
}
