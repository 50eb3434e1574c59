/**
 * Integrator scopes. Subgraphs check them per field/operation (`canAccess`, `listScope`, `hasScope`);
 * the gateway only carries them from the client's registration into the platform token.
 * Service scopes between subgraphs (`internal:commands`, `catalog:read`) are not grantable to clients.
 */
export const Scope = {
  PEOPLE_READ: 'people:read',
  /** Е-Собес: persons arrive with their IPR (`recordPerson`, `publishMeasures` with `person`). */
  PEOPLE_WRITE: 'people:write',
  PROGRAMS_READ: 'programs:read',
  PROGRAMS_WRITE: 'programs:write',
  ORDERS_READ: 'orders:read',
  FINANCE_READ: 'finance:read',
  /** Treasury: pay approved claims. */
  FINANCE_WRITE: 'finance:write',
  /** Contact-center systems: complaints. */
  COMPLAINTS_READ: 'complaints:read',
} as const;
export type Scope = (typeof Scope)[keyof typeof Scope];
export const SCOPES: readonly string[] = Object.values(Scope);
export const isScope = (s: string): s is Scope => SCOPES.includes(s);
