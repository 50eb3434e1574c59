import type { SubgraphDefinition } from '@aleumet/subgraph-kit';
import { entities } from './entities/index.js';
import { orderReference } from './entities/order.reference.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { MeasureOrdersResolver, OrderResolver, PersonOrdersResolver } from './resolvers/order.resolver.js';
import { OrderLifecycleResolver } from './resolvers/lifecycle.resolver.js';
import { OrderSubscriptionResolver } from './resolvers/subscription.resolver.js';
import { startOrderLive } from './resolvers/live.js';
import { CreateOrderResolver } from './resolvers/create-order.resolver.js';
import { SignatureCheckResolver } from './resolvers/signature-check.resolver.js';
import { ActSignedDocumentsResolver, OrderSignedDocumentsResolver, SignedDocumentResolver } from './resolvers/signed-document.resolver.js';
import { OrderServiceFieldsResolver, ServiceResolver } from './resolvers/service.resolver.js';
import { OrderRetentionResolver } from './resolvers/retention.resolver.js';
import { OrderProstheticsFieldResolver, ProstheticsResolver } from './resolvers/prosthetics.resolver.js';
import { registerJobs } from './domain/jobs.js';
import { registerOrderCompensations } from './domain/compensations.js';
import { seed, isSeeded } from './seed/index.js';
import { policies } from './domain/policies.js';
import { cache } from './domain/cache.js';

// What orders does when another service refuses one of its commands for good (one registry per process, keyed by sender).
registerOrderCompensations();

export const definition: SubgraphDefinition<Loaders> = {
  name: 'orders',
  cache,
  resolvers: [OrderResolver, MeasureOrdersResolver, PersonOrdersResolver, OrderLifecycleResolver, OrderSubscriptionResolver, CreateOrderResolver, ServiceResolver, OrderServiceFieldsResolver, OrderRetentionResolver, SignatureCheckResolver, ProstheticsResolver, OrderProstheticsFieldResolver,
    SignedDocumentResolver, OrderSignedDocumentsResolver, ActSignedDocumentsResolver],
  referenceResolvers: { ...orderReference },
  policies,
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
  startLive: startOrderLive,
  registerJobs,
};
