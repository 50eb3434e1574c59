import { defineFeature, lazyPage, PERSON } from '../../lib/feature.js';

export const orders = defineFeature({
  name: 'orders',
  routes: [
    { path: '/orders', title: 'orders.title', roles: PERSON, nav: 'orders.nav', page: lazyPage(() => import('./components/MyOrdersPage.js'), 'MyOrdersPage') },
    { path: '/orders/new', title: 'orders.newTitle', roles: PERSON, page: lazyPage(() => import('./components/NewOrderPage.js'), 'NewOrderPage') },
  ],
  updates: {
    // A signed order appears in the person's orders and changes their measures.
    createOrder: (_r, _a, cache) => {
      for (const f of cache.inspectFields('Query')) if (f.fieldName === 'orders' || f.fieldName === 'measures') cache.invalidate('Query', f.fieldKey);
    },
  },
});
