import { RehabilitationProgram } from './program.js';
import { Measure } from './measure.js';
import { Fulfilment } from './fulfilment.js';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhook.js';
import { GspEntitlement } from './gsp.js';

export * from './program.js';
export * from './measure.js';
export * from './fulfilment.js';
export * from './refs.js';
export * from './webhook.js';
export * from './gsp.js';
import { OUTBOX_ENTITIES, OutboxEvent, ProcessedCommand } from '@aleumet/events';
import { SupplierAccess } from '@aleumet/subgraph-kit';

export { OutboxEvent };
export const entities = [...OUTBOX_ENTITIES, ProcessedCommand, SupplierAccess, RehabilitationProgram, Measure, Fulfilment,
  // Measure execution pushed to integrators' endpoints (domain/webhooks.ts).
  WebhookEndpoint, WebhookDelivery, WebhookAttempt,
  // The guaranteed social package of a person (resolvers/gsp.resolver.ts).
  GspEntitlement];
