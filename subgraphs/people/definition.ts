import { retentionJob, type SubgraphDefinition } from '@aleumet/subgraph-kit';
import { entities } from './entities/index.js';
import { personReference } from './entities/person.reference.js';
import { staffUserReference } from './entities/staff-user.reference.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { migrations } from './migrations/index.js';
import { PersonResolver, RepresentationResolver, SupplierAccessResolver } from './resolvers/person.resolver.js';
import { policies } from './domain/policies.js';
import { StaffUserResolver } from './resolvers/staff.resolver.js';
import { AuthResolver } from './resolvers/auth.resolver.js';
import { IntegratorClientResolver } from './resolvers/integrator.resolver.js';
import { IntegratorDirectoryResolver } from './resolvers/integrator-directory.resolver.js';
import { ContactCenterResolver, FaqResolver, MaintenanceResolver } from './resolvers/content.resolver.js';
import { TicketResolver } from './resolvers/ticket.resolver.js';
import { TicketAttachmentResolver } from './resolvers/ticket-attachment.resolver.js';
import { ArticleResolver } from './resolvers/article.resolver.js';
import { ComplaintResolver } from './resolvers/complaint.resolver.js';
import { RetentionResolver } from './resolvers/retention.resolver.js';
import { applyPeopleRetention } from './domain/retention.js';
import { seed, isSeeded } from './seed/index.js';
import { cache } from './domain/cache.js';

export const definition: SubgraphDefinition<Loaders> = {
  name: 'people',
  cache,
  resolvers: [PersonResolver, RepresentationResolver, SupplierAccessResolver, StaffUserResolver, AuthResolver, IntegratorClientResolver, IntegratorDirectoryResolver,
    FaqResolver, MaintenanceResolver, ContactCenterResolver, TicketResolver, TicketAttachmentResolver, ArticleResolver, ComplaintResolver, RetentionResolver],
  referenceResolvers: { ...personReference, ...staffUserReference },
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
