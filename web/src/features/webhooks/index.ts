import { defineFeature, lazyPage, refetchLists } from '../../lib/feature.js';
import { strings } from './strings.js';

/** Measure execution pushed to integrators: the administrator's delivery log. */
export const webhooks = defineFeature({
  name: 'webhooks',
  routes: [
    { path: '/admin/webhooks', title: 'webhooks.title', roles: ['ADMIN'], nav: 'webhooks.nav', page: lazyPage(() => import('./components/WebhookLogPage.js'), 'WebhookLogPage') },
  ],
  strings,
  updates: { replayWebhookDelivery: refetchLists('webhookDeliveries') },
});
