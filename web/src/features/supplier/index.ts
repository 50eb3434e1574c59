import type { UpdateResolver } from '@urql/exchange-graphcache';
import { defineFeature, lazyPage } from '../../lib/feature.js';

const SUPPLIER = ['SUPPLIER'] as const;

/** The first entry creates the order's prosthetics card: the cached order learns it has one. */
const cardOfOrder =
  (field: string): UpdateResolver =>
  (result, args, cache) => {
    const card = result[field] as { __typename: 'ProstheticsCard'; id: string } | null;
    if (card) cache.link({ __typename: 'Order', id: args.orderId as string }, 'prostheticsCard', card);
  };

export const supplier = defineFeature({
  name: 'supplier',
  routes: [
    { path: '/supplier', title: 'supplier.title', roles: SUPPLIER, nav: 'supplier.nav', homeOf: SUPPLIER, page: lazyPage(() => import('./components/SupplierPage.js'), 'SupplierPage') },
    { path: '/supplier/orders', title: 'supplier.ordersTitle', roles: SUPPLIER, nav: 'supplier.navIncoming', page: lazyPage(() => import('./components/IncomingOrdersPage.js'), 'IncomingOrdersPage') },
    { path: '/supplier/signers', title: 'signers.title', roles: SUPPLIER, nav: 'signers.nav', page: lazyPage(() => import('./components/SignersPage.js'), 'SignersPage') },
    { path: '/supplier/prosthetics', title: 'prosthetics.title', roles: SUPPLIER, nav: 'prosthetics.nav', page: lazyPage(() => import('./components/ProstheticsPage.js'), 'ProstheticsPage') },
    { path: '/supplier/journals', title: 'journals.title', roles: SUPPLIER, nav: 'journals.nav', page: lazyPage(() => import('./components/JournalsPage.js'), 'JournalsPage') },
  ],
  updates: {
    recordProstheticMeasurements: cardOfOrder('recordProstheticMeasurements'),
    inviteForInpatientFitting: cardOfOrder('inviteForInpatientFitting'),
    recordProstheticTrip: cardOfOrder('recordProstheticTrip'),
    // A new offering belongs in the catalog and on the supplier's card.
    createOffering: (_r, _a, cache) => {
      cache.invalidate('Query', 'offerings');
      for (const f of cache.inspectFields('Query')) if (f.fieldName === 'supplier') cache.invalidate('Query', f.fieldKey);
    },
  },
});
