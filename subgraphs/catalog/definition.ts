import type { SubgraphDefinition } from '@aleumet/server-kit';
import { entities } from './entities/index.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { OfferingResolver, SupplierResolver, catalogReference } from './resolvers/catalog.resolver.js';
import { seed, isSeeded } from './seed/index.js';

export const definition: SubgraphDefinition<Loaders> = {
  name: 'catalog',
  resolvers: [SupplierResolver, OfferingResolver],
  referenceResolvers: catalogReference,
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
};
