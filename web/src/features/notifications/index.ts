import { defineFeature, lazyPage, refetchLists } from '../../lib/feature.js';
import { strings } from './strings.js';

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
  strings,
  updates: {
    // Read notifications leave the bell's count.
    markNotificationsRead: refetchLists('unreadNotificationCount', 'notifications'),
  },
});
