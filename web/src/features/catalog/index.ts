import { defineFeature, lazyPage } from '../../lib/feature.js';

export const catalog = defineFeature({
  name: 'catalog',
  routes: [
    { path: '/catalog', title: 'catalog.title', nav: 'catalog.nav', page: lazyPage(() => import('./components/CatalogPage.js'), 'CatalogPage') },
    { path: '/catalog/:id', title: 'catalog.offeringTitle', page: lazyPage(() => import('./components/OfferingPage.js'), 'OfferingPage') },
  ],
});
