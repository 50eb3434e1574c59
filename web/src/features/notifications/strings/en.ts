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
    staff: {
      title: 'Notifications by e-mail',
      hint: 'Your organisation’s notifications are always here. Give an e-mail address to get them there too.',
      email: 'E-mail',
      emailNotifications: 'Send notifications by e-mail',
      language: 'Language of the e-mails',
      languages: { kk: 'Kazakh', ru: 'Russian', en: 'English' },
      emailInvalid: 'Enter an e-mail address like name@example.kz.',
      emailNeeded: 'Give an e-mail address to get e-mails.',
      saved: 'Settings saved.',
    },
  },
};
