/** What this feature says in English; the app merges it into that language's translations. */
export const en = {
  notifications: {
    nav: 'Notifications',
    title: 'Notifications',
    bell: 'Notifications, unread: {{count}}',
    none: 'No notifications yet.',
    markAll: 'Mark all read',
    markRead: 'Mark read',
    channel: { SMS: 'SMS', EMAIL: 'E-mail' },
    status: { PENDING: 'waiting', SENT: 'sent', DELIVERED: 'delivered', FAILED: 'not delivered', DEAD: 'not sent' },
  },
};
