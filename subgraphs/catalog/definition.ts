import { retentionJob, type SubgraphDefinition } from '@aleumet/server-kit';
import { deliverCommands } from '@aleumet/events';
import { entities } from './entities/index.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { OfferingResolver, SupplierResolver, catalogReference } from './resolvers/catalog.resolver.js';
import { DirectionResolver, OnboardingResolver } from './resolvers/onboarding.resolver.js';
import { StockResolver } from './resolvers/stock.resolver.js';
import { applyCatalogRetention } from './domain/retention.js';
import { seed, isSeeded } from './seed/index.js';
import { cache } from './domain/cache.js';

export const definition: SubgraphDefinition<Loaders> = {
  name: 'catalog',
  cache,
  resolvers: [SupplierResolver, OfferingResolver, OnboardingResolver, DirectionResolver, StockResolver],
  referenceResolvers: catalogReference,
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
  // Retention: "everything past retention as of now", at most hourly (the scheduler ticks every few seconds).
  registerJobs(orm, runtime) {
    runtime.scheduler.register('catalog.retention', retentionJob((now) => applyCatalogRetention(orm.em.fork(), now)));
    // Commands to other subgraphs not delivered right away (people down): a verified supplier's staff account.
    runtime.scheduler.register('catalog:commands', () => deliverCommands(orm, runtime, 'catalog'));
  },
};
