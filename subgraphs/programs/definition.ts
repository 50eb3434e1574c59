import type { SubgraphDefinition } from '@aleumet/subgraph-kit';
import { entities } from './entities/index.js';
import { registerProgramCompensations } from './domain/compensations.js';
import { rehabilitationProgramReference } from './entities/program.reference.js';
import { measureReference } from './entities/measure.reference.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { PersonProgramsResolver, ProgramResolver } from './resolvers/program.resolver.js';
import { MeasureResolver } from './resolvers/measure.resolver.js';
import { MeasureLifecycleResolver } from './resolvers/lifecycle.resolver.js';
import { MeasureSubscriptionResolver } from './resolvers/subscription.resolver.js';
import { startProgramLive } from './resolvers/live.js';
import { GspResolver, PersonGspResolver } from './resolvers/gsp.resolver.js';
import { WebhookDeliveryResolver, WebhookResolver } from './resolvers/webhook.resolver.js';
import { registerJobs } from './domain/jobs.js';
import { seed, isSeeded } from './seed/index.js';
import { policies } from './domain/policies.js';
import { cache } from './domain/cache.js';
import { observe } from './domain/metrics.js';

// What programs does when another service refuses one of its commands for good (one registry per process, keyed by sender).
registerProgramCompensations();

export const definition: SubgraphDefinition<Loaders> = {
  name: 'programs',
  cache,
  resolvers: [ProgramResolver, PersonProgramsResolver, MeasureResolver, MeasureLifecycleResolver, MeasureSubscriptionResolver, WebhookResolver, WebhookDeliveryResolver, GspResolver, PersonGspResolver],
  referenceResolvers: { ...rehabilitationProgramReference, ...measureReference },
  policies,
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
  startLive: startProgramLive,
  registerJobs,
  observe,
};
