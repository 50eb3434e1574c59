import { retentionJob, type SubgraphDefinition } from '@aleumet/server-kit';
import { entities } from './entities/index.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { PersonResolver, RepresentationResolver, SupplierAccessResolver, personReference } from './resolvers/person.resolver.js';
import { policies } from './domain/policies.js';
import { StaffUserResolver, staffReference } from './resolvers/staff.resolver.js';
import { AuthResolver } from './resolvers/auth.resolver.js';
import { IntegratorClientResolver } from './resolvers/integrator.resolver.js';
import { IntegratorDirectoryResolver } from './resolvers/integrator-directory.resolver.js';
import { ContactCenterResolver, FaqResolver, MaintenanceResolver } from './resolvers/content.resolver.js';
import { TicketResolver } from './resolvers/ticket.resolver.js';
import { ComplaintResolver } from './resolvers/complaint.resolver.js';
import { RetentionResolver } from './resolvers/retention.resolver.js';
import { applyPeopleRetention } from './resolvers/retention.js';
import { seed, isSeeded } from './seed/index.js';

export const definition: SubgraphDefinition<Loaders> = {
  name: 'people',
  resolvers: [PersonResolver, RepresentationResolver, SupplierAccessResolver, StaffUserResolver, AuthResolver, IntegratorClientResolver, IntegratorDirectoryResolver,
    FaqResolver, MaintenanceResolver, ContactCenterResolver, TicketResolver, ComplaintResolver, RetentionResolver],
  referenceResolvers: { ...personReference, ...staffReference },
  policies,
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
  // Administration: retention of complaints and failure tickets, at most hourly.
  registerJobs(orm, runtime) {
    runtime.scheduler.register('people.retention', retentionJob((now) => applyPeopleRetention(orm.em.fork(), now)));
  },
};
