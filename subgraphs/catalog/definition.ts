import type { SubgraphDefinition } from '@aleumet/server-kit';
import { entities } from './entities/index.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { OfferingResolver, SupplierResolver, catalogReference } from './resolvers/catalog.resolver.js';
import { DirectionResolver, OnboardingResolver } from './resolvers/onboarding.resolver.js';
import { StockResolver } from './resolvers/stock.resolver.js';
import { applyCatalogRetention } from './domain/retention.js';
import { seed, isSeeded } from './seed/index.js';

export const definition: SubgraphDefinition<Loaders> = {
  name: 'catalog',
  resolvers: [SupplierResolver, OfferingResolver, OnboardingResolver, DirectionResolver, StockResolver],
  referenceResolvers: catalogReference,
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
  // Retention: "everything past retention as of now", at most hourly (the scheduler ticks every few seconds).
  registerJobs(orm, runtime) {
    let last = -Infinity;
    runtime.scheduler.register('catalog.retention', async (now) => {
      if (Math.abs(now.getTime() - last) < 3_600_000) return;
      last = now.getTime();
      await applyCatalogRetention(orm.em.fork(), now);
    });
  },
};
