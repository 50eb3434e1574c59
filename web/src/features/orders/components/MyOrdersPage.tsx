import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { MyOrderFragment, MyOrdersQuery } from '../api/orders.js';
import { useFragment } from '../../../gql/index.js';
import { Empty, ErrorMessage, Loading } from '../../../components/ui.js';
import { actingPersonId, useSession } from '../../../lib/session.js';
import { Link } from '../../../lib/router.js';
import { OrderCard } from './OrderCard.js';
import { useOrderStatusAnnouncements } from './live.js';

/** The recipient's orders; statuses change live (subscription) and are announced to screen readers. */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const personId = actingPersonId(session) ?? '';
  const [res, reexecute] = useQuery({ query: MyOrdersQuery, variables: { personId }, pause: !personId });
  const orders = useFragment(MyOrderFragment, res.data?.person.orders.nodes ?? []);
  const announcement = useOrderStatusAnnouncements(orders);

  return (
    <>
      <h1>{t('orders.title')}</h1>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="order-announcer">
        {announcement}
      </div>
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
