import { defineFeature, lazyPage } from '../../lib/feature.js';

/** Shown on every page by the shell. */
export { MaintenanceBanner } from './components/MaintenanceBanner.js';
export { ContactLine } from './components/ContactLine.js';

export const portal = defineFeature({
  name: 'portal',
  routes: [{ path: '/help', title: 'portal.helpTitle', nav: 'portal.nav', page: lazyPage(() => import('./components/HelpPage.js'), 'HelpPage') }],
});
