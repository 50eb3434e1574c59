/** What this feature says in Kazakh; the app merges it into that language's translations. */
export const kk = {
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
};
