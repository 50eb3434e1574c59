import type { SubgraphDefinition } from '@aleumet/subgraph-kit';
import { entities } from './entities/index.js';
import { registerFinanceCompensations } from './domain/compensations.js';
import { reimbursementClaimReference } from './entities/claim.reference.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { ClaimResolver, OrderClaimResolver } from './resolvers/finance.resolver.js';
import { FinanceWorkflowResolver } from './resolvers/workflow.resolver.js';
import { deliverCommands } from '@aleumet/events';
import { seed, isSeeded } from './seed/index.js';
import { policies } from './domain/policies.js';
import { cache } from './domain/cache.js';

// What finance does when another service refuses one of its commands for good (one registry per process, keyed by sender).
registerFinanceCompensations();

export const definition: SubgraphDefinition<Loaders> = {
  name: 'finance',
  cache,
  resolvers: [ClaimResolver, OrderClaimResolver, FinanceWorkflowResolver],
  referenceResolvers: { ...reimbursementClaimReference },
  policies,
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
  registerJobs: (orm, runtime) => runtime.scheduler.register('finance:commands', () => deliverCommands(orm, runtime, 'finance')),
};
