import type { UpdateResolver } from '@urql/exchange-graphcache';
import { defineFeature, lazyPage, refetchLists } from '../../lib/feature.js';
import { UnreadCountQuery } from './api/notifications.js';

/** Shown in the header by the shell. */
export { NotificationBell } from './components/NotificationBell.js';

export const notifications = defineFeature({
  name: 'notifications',
  routes: [
    {
      path: '/notifications',
      title: 'notifications.title',
      roles: ['RECIPIENT', 'REPRESENTATIVE', 'SUPPLIER', 'EMPLOYMENT_DEPARTMENT'],
      page: lazyPage(() => import('./components/NotificationsPage.js'), 'NotificationsPage'),
    },
  ],
  updates: {
    // Read notifications leave the bell's count.
    markNotificationsRead: refetchLists('unreadNotificationCount', 'notifications'),
  },
  liveUpdates: {
    notificationReceived: receivedLive,
  },
});

/** A notification arrived: the bell shows the count it came with, the centre's list is fetched again. */
function receivedLive(...[result, args, cache, info]: Parameters<UpdateResolver>): void {
  const event = (result as { notificationReceived?: { unreadCount?: number } }).notificationReceived;
  if (typeof event?.unreadCount === 'number') cache.updateQuery({ query: UnreadCountQuery }, () => ({ __typename: 'Query', unreadNotificationCount: event.unreadCount as number }));
  refetchLists('notifications')(result, args, cache, info);
}
