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
import { PersonRecordResolver } from './resolvers/person-record.resolver.js';
import { registries } from '@aleumet/registries';
import { IntegratorClientResolver } from './resolvers/integrator.resolver.js';
import { IntegratorDirectoryResolver } from './resolvers/integrator-directory.resolver.js';
import { RepresentationDirectoryResolver } from './resolvers/representation-directory.resolver.js';
import { ContactCenterResolver, FaqResolver, MaintenanceResolver } from './resolvers/content.resolver.js';
import { TicketResolver } from './resolvers/ticket.resolver.js';
import { TicketAttachmentResolver } from './resolvers/ticket-attachment.resolver.js';
import { ArticleResolver } from './resolvers/article.resolver.js';
import { ComplaintResolver } from './resolvers/complaint.resolver.js';
import { NotificationDeliveryResolver, NotificationResolver } from './resolvers/notification.resolver.js';
import { NotificationSubscriptionResolver } from './resolvers/notification-subscription.resolver.js';
import { startPeopleLive } from './resolvers/live.js';
import { runDeliveryReports, runNotificationSender } from './domain/notification-sender.js';
import { RefusedCommandResolver } from './resolvers/refused-command.resolver.js';
import { RetentionResolver } from './resolvers/retention.resolver.js';
import { applyPeopleRetention } from './domain/retention.js';
import { seed, isSeeded } from './seed/index.js';
import { expireRepresentations } from './domain/representations.js';
import { RepresentationFileResolver, RepresentationRegistryResolver } from './resolvers/representation.resolver.js';
import { cache } from './domain/cache.js';
import { AUDIT_APPEND_PATH } from '@aleumet/protocol';
import { requireService } from '@aleumet/events';
import { appendAudit, auditEntriesOf } from './domain/audit-trail.js';

export const definition: SubgraphDefinition<Loaders> = {
  name: 'people',
  cache,
  resolvers: [PersonResolver, PersonRecordResolver, RepresentationResolver, SupplierAccessResolver, StaffUserResolver, AuthResolver, IntegratorClientResolver, IntegratorDirectoryResolver, RepresentationDirectoryResolver,
    FaqResolver, MaintenanceResolver, ContactCenterResolver, TicketResolver, TicketAttachmentResolver, ArticleResolver, ComplaintResolver, RetentionResolver,
    RepresentationRegistryResolver, RepresentationFileResolver, NotificationResolver, NotificationDeliveryResolver, NotificationSubscriptionResolver, RefusedCommandResolver],
  referenceResolvers: { ...personReference, ...staffUserReference },
  policies,
  // The gateway's audit rows, written before its answers leave: plain JSON, no GraphQL execution per batch.
  internalRoutes: {
    [AUDIT_APPEND_PATH]: async (body, { identity, em }) => {
      requireService(identity);
      return { written: await appendAudit(em, auditEntriesOf(body)) };
    },
  },
  entities,
  migrations,
  createLoaders,
  seed,
  isSeeded,
  // Live notification centres: notifications made are outbox events (graphql-ws through the gateway).
  startLive: startPeopleLive,
  // Administration: retention of complaints and failure tickets, at most hourly.
  registerJobs(orm, runtime) {
    // At start-up: the state registries' configuration (NODE_ENV=production without it refuses to start).
    registries();
    runtime.scheduler.register('people.retention', retentionJob((now) => applyPeopleRetention(orm.em.fork(), now)));
    // A representation ends by itself the day after its term.
    runtime.scheduler.register('people:representation-term', (now, scope) => expireRepresentations(orm.em.fork(), now, scope));
    // Notifications: SMS and e-mail sending (night-time holding, rate limit, retries) and SMS delivery reports.
    runtime.scheduler.register('people:notifications', (now, scope) => runNotificationSender(orm, runtime, now, scope));
    runtime.scheduler.register('people:delivery-reports', (now, scope) => runDeliveryReports(orm, runtime, now, scope));
  },
};
