/** What this feature says in Russian; the app merges it into that language's translations. */
export const ru = {
  notifications: {
    nav: 'Уведомления',
    title: 'Уведомления',
    bell: 'Уведомления, непрочитанных: {{count}}',
    none: 'Уведомлений пока нет.',
    markAll: 'Отметить все прочитанными',
    markRead: 'Прочитано',
    channel: { SMS: 'SMS', EMAIL: 'E-mail' },
    status: { PENDING: 'ожидает', SENT: 'отправлено', DELIVERED: 'доставлено', FAILED: 'не доставлено', DEAD: 'не отправлено' },
  },
};
