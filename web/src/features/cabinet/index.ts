import { defineFeature, lazyPage, PERSON } from '../../lib/feature.js';

export const cabinet = defineFeature({
  name: 'cabinet',
  routes: [{ path: '/cabinet', title: 'cabinet.title', roles: PERSON, nav: 'cabinet.nav', homeOf: PERSON, page: lazyPage(() => import('./components/CabinetPage.js'), 'CabinetPage') }],
});
