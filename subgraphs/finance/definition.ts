import type { SubgraphDefinition } from '@aleumet/server-kit';
import { entities } from './entities/index.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { ClaimResolver, OrderClaimResolver, financeReference } from './resolvers/finance.resolver.js';
import { seed, isSeeded } from './seed/index.js';

export const definition: SubgraphDefinition<Loaders> = {
  name: 'finance',
  resolvers: [ClaimResolver, OrderClaimResolver],
  referenceResolvers: financeReference,
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
};
