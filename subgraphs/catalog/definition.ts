import { retentionJob, type SubgraphDefinition } from '@aleumet/subgraph-kit';
import { deliverCommands } from '@aleumet/events';
import { entities } from './entities/index.js';
import { registerCatalogCompensations } from './domain/compensations.js';
import { supplierReference } from './entities/supplier.reference.js';
import { offeringReference } from './entities/offering.reference.js';
import { itemTypeReference } from './entities/item-type.reference.js';
import { regionReference } from './entities/region.reference.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { OfferingResolver, SupplierResolver } from './resolvers/catalog.resolver.js';
import { DirectionResolver, OnboardingResolver } from './resolvers/onboarding.resolver.js';
import { StockResolver } from './resolvers/stock.resolver.js';
import { AuthorizedSignerResolver } from './resolvers/authorized-signer.resolver.js';
import { policies } from './domain/policies.js';
import { applyCatalogRetention } from './domain/retention.js';
import { seed, isSeeded } from './seed/index.js';
import { cache } from './domain/cache.js';
import { registries } from '@aleumet/registries';

// What catalog does when another service refuses one of its commands for good (one registry per process, keyed by sender).
registerCatalogCompensations();

export const definition: SubgraphDefinition<Loaders> = {
  name: 'catalog',
  cache,
  resolvers: [SupplierResolver, OfferingResolver, OnboardingResolver, DirectionResolver, StockResolver, AuthorizedSignerResolver],
  policies,
  referenceResolvers: { ...supplierReference, ...offeringReference, ...itemTypeReference, ...regionReference },
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
  // Retention: "everything past retention as of now", at most hourly (the scheduler ticks every few seconds).
  registerJobs(orm, runtime) {
    // At start-up: the legal-entity registry's configuration (NODE_ENV=production without it refuses to start).
    registries();
    runtime.scheduler.register('catalog.retention', retentionJob((now) => applyCatalogRetention(orm.em.fork(), now)));
    // Commands to other subgraphs not delivered right away (people down): a verified supplier's staff account.
    runtime.scheduler.register('catalog:commands', () => deliverCommands(orm, runtime, 'catalog'));
  },
};
