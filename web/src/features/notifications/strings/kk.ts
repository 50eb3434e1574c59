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
    staff: {
      title: 'Хабарламаларды электрондық поштаға алу',
      hint: 'Ұйымның хабарламалары әрқашан осы жерде. Электрондық пошта мекенжайын берсеңіз, олар сол мекенжайға да жіберіледі.',
      email: 'Электрондық пошта',
      emailNotifications: 'Хабарламаларды электрондық поштаға жіберу',
      language: 'Хаттардың тілі',
      languages: { kk: 'Қазақша', ru: 'Орысша', en: 'Ағылшынша' },
      emailInvalid: 'Электрондық пошта мекенжайын name@example.kz түрінде енгізіңіз.',
      emailNeeded: 'Хаттарды алу үшін электрондық пошта мекенжайын енгізіңіз.',
      saved: 'Баптаулар сақталды.',
    },
  },
};
