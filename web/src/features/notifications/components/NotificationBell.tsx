import { useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../lib/router.js';
import { useSession } from '../../../lib/session.js';
import { onReconnect } from '../../../lib/urql.js';
import { NotificationReceivedSubscription, UnreadCountQuery } from '../api/notifications.js';

const ROLES = ['RECIPIENT', 'REPRESENTATIVE', 'SUPPLIER', 'EMPLOYMENT_DEPARTMENT'];

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
  // New notifications arrive over graphql-ws; the feature's live update sets the count and refreshes the list.
  useSubscription({ query: NotificationReceivedSubscription });
  // What arrived while the socket was down is not replayed to the page: ask again once it is back.
  useEffect(() => onReconnect(() => refetch({ requestPolicy: 'network-only' })), [refetch]);
  const count = res.data?.unreadNotificationCount ?? 0;
  return (
    <Link className="bell" href="/notifications" aria-label={t('notifications.bell', { count })}>
      {/* Drawn, not an emoji: not every phone or desktop has an emoji font. */}
      <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
        <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zM9.5 19a2.5 2.5 0 0 0 5 0" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" fill="none" />
      </svg>
      {count > 0 && (
        <span className="bell-count" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
