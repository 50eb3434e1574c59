/** What this feature says, in Kazakh, Russian and English; the app merges it into the translations. */
export const strings = {
  kk: {
    notifications: {
      nav: 'Хабарламалар',
      title: 'Хабарламалар',
      bell: 'Хабарламалар, оқылмаған: {{count}}',
      none: 'Әзірге хабарлама жоқ.',
      markAll: 'Барлығын оқылды деп белгілеу',
      markRead: 'Оқылды',
      channel: { SMS: 'SMS', EMAIL: 'E-mail' },
      status: { PENDING: 'күтуде', SENT: 'жіберілді', DELIVERED: 'жеткізілді', FAILED: 'жеткізілмеді', DEAD: 'жіберілмеді' },
    },
  },
  ru: {
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
  },
  en: {
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
  },
};
