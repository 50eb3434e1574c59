import { defineFeature, lazyPage } from '../../lib/feature.js';
import { strings } from './strings.js';

const SUPPLIER = ['SUPPLIER'] as const;

export const supplier = defineFeature({
  name: 'supplier',
  routes: [
    { path: '/supplier', title: 'supplier.title', roles: SUPPLIER, nav: 'supplier.nav', homeOf: SUPPLIER, page: lazyPage(() => import('./components/SupplierPage.js'), 'SupplierPage') },
    { path: '/supplier/orders', title: 'supplier.ordersTitle', roles: SUPPLIER, nav: 'supplier.navIncoming', page: lazyPage(() => import('./components/IncomingOrdersPage.js'), 'IncomingOrdersPage') },
    { path: '/supplier/signers', title: 'signers.title', roles: SUPPLIER, nav: 'signers.nav', page: lazyPage(() => import('./components/SignersPage.js'), 'SignersPage') },
    { path: '/supplier/journals', title: 'journals.title', roles: SUPPLIER, nav: 'journals.nav', page: lazyPage(() => import('./components/JournalsPage.js'), 'JournalsPage') },
  ],
  strings,
  updates: {
    // A new offering belongs in the catalog and on the supplier's card.
    createOffering: (_r, _a, cache) => {
      cache.invalidate('Query', 'offerings');
      for (const f of cache.inspectFields('Query')) if (f.fieldName === 'supplier') cache.invalidate('Query', f.fieldKey);
    },
  },
});
