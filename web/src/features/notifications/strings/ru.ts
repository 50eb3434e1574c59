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
    staff: {
      title: 'Уведомления на электронную почту',
      hint: 'Уведомления организации всегда здесь. Если указать адрес электронной почты, они придут и на него.',
      email: 'Электронная почта',
      emailNotifications: 'Отправлять уведомления на электронную почту',
      language: 'Язык писем',
      languages: { kk: 'Казахский', ru: 'Русский', en: 'Английский' },
      emailInvalid: 'Введите адрес электронной почты в виде name@example.kz.',
      emailNeeded: 'Чтобы получать письма, укажите адрес электронной почты.',
      saved: 'Настройки сохранены.',
    },
  },
};
