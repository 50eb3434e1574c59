import type { SubgraphDefinition } from '@aleumet/server-kit';
import { entities } from './entities/index.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { PersonResolver, RepresentationResolver, personReference } from './resolvers/person.resolver.js';
import { StaffUserResolver, staffReference } from './resolvers/staff.resolver.js';
import { AuthResolver } from './resolvers/auth.resolver.js';
import { IntegratorClientResolver } from './resolvers/integrator.resolver.js';
import { seed, isSeeded } from './seed/index.js';

export const definition: SubgraphDefinition<Loaders> = {
  name: 'people',
  resolvers: [PersonResolver, RepresentationResolver, StaffUserResolver, AuthResolver, IntegratorClientResolver],
  referenceResolvers: { ...personReference, ...staffReference },
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
};
