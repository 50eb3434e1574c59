import { Person } from './person.js';
import { Representation } from './representation.js';
import { StaffUser } from './staff-user.js';

export * from './person.js';
export * from './representation.js';
export * from './staff-user.js';
export const entities = [Person, Representation, StaffUser];
