import { defineFeature, lazyPage, PERSON, refetchLists } from '../../lib/feature.js';

export const support = defineFeature({
  name: 'support',
  routes: [{ path: '/support', title: 'support.title', roles: PERSON, nav: 'support.nav', page: lazyPage(() => import('./components/SupportPage.js'), 'SupportPage') }],
  updates: {
    fileComplaint: refetchLists('complaints'),
    reportFailure: refetchLists('failureTickets', 'ticketsAtRisk'),
  },
});
