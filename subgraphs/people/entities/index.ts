import { SupplierAccess } from '@aleumet/subgraph-kit';
import { OUTBOX_ENTITIES, ProcessedCommand } from '@aleumet/events';
import { Person } from './person.js';
import { PersonSourceRecord } from './person-source.js';
import { Representation, RepresentationFile } from './representation.js';
import { StaffUser } from './staff-user.js';
import { ApiKey, AuditEntry, IntegratorClient, PersistedOperation } from './integrator.js';
import { FaqEntry, MaintenanceNotice, PortalArticle, PortalContact } from './content.js';
import { FailureTicket, TicketClock, TicketEvent } from './ticket.js';
import { Complaint } from './complaint.js';
import { InformedOtherwise, Notification, NotificationDelivery, NotificationSettings } from './notification.js';
import { TicketAttachment } from './ticket-attachment.js';
import { RefusedCommand } from './refused-command.js';

export * from './person.js';
export * from './person-source.js';
export * from './representation.js';
export * from './staff-user.js';
export * from './integrator.js';
export * from './content.js';
export * from './ticket.js';
export * from './complaint.js';
export * from './notification.js';
export * from './ticket-attachment.js';
export * from './refused-command.js';
export const entities = [Person, PersonSourceRecord, Representation, RepresentationFile, StaffUser, IntegratorClient, ApiKey, PersistedOperation, AuditEntry,
  FaqEntry, MaintenanceNotice, PortalContact, PortalArticle, FailureTicket, TicketClock, TicketEvent, TicketAttachment, Complaint,
  // Notifications (in-app centre) and their SMS / e-mail deliveries.
  Notification, NotificationDelivery, NotificationSettings, InformedOtherwise,
  // Commands received from other subgraphs (catalog: a verified supplier's staff account), once per command id.
  ProcessedCommand,
  // Commands other subgraphs sent each other and the receiver refused for good (the department's list).
  RefusedCommand,
  // The outbox: a notification made is an event for the recipient's live notification centre.
  ...OUTBOX_ENTITIES,
  // Suppliers that received an order for a person (orders' command): they see the person's name.
  SupplierAccess];
