import { Person } from './person.js';
import { Representation } from './representation.js';
import { StaffUser } from './staff-user.js';
import { ApiKey, AuditEntry, IntegratorClient, PersistedOperation } from './integrator.js';

export * from './person.js';
export * from './representation.js';
export * from './staff-user.js';
export * from './integrator.js';
export const entities = [Person, Representation, StaffUser, IntegratorClient, ApiKey, PersistedOperation, AuditEntry];
