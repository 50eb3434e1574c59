import { defineFeature, lazyPage, refetchLists } from '../../lib/feature.js';

/** Measure execution pushed to integrators: the administrator's delivery log. */
export const webhooks = defineFeature({
  name: 'webhooks',
  routes: [
    { path: '/admin/webhooks', title: 'webhooks.title', roles: ['ADMIN'], nav: 'webhooks.nav', page: lazyPage(() => import('./components/WebhookLogPage.js'), 'WebhookLogPage') },
  ],
  updates: { replayWebhookDelivery: refetchLists('webhookDeliveries') },
});
