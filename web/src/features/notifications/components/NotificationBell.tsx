import { useEffect } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../lib/router.js';
import { useSession } from '../../../lib/session.js';
import { UnreadCountQuery } from '../api/notifications.js';

const ROLES = ['RECIPIENT', 'REPRESENTATIVE', 'SUPPLIER', 'EMPLOYMENT_DEPARTMENT'];
/** How often the bell asks again while the page is open. */
const REFRESH_MS = 15_000;

/** The header's bell: the unread count, a link to the notification centre. */
export function NotificationBell() {
  const session = useSession();
  const role = session?.claims.role;
  if (!role || !ROLES.includes(role)) return null;
  return <Bell />;
}

function Bell() {
  const { t } = useTranslation();
  const [res, refetch] = useQuery({ query: UnreadCountQuery, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    const again = () => refetch({ requestPolicy: 'network-only' });
    const timer = setInterval(again, REFRESH_MS);
    window.addEventListener('focus', again);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', again);
    };
  }, [refetch]);
  const count = res.data?.unreadNotificationCount ?? 0;
  return (
    <Link className="bell" href="/notifications" aria-label={t('notifications.bell', { count })}>
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="bell-count" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
