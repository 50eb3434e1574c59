import { Role, actsFor, hasScope, forbidden, requireIdentity, type Identity } from '@aleumet/core';
import type { Person } from '../entities/index.js';

/** Personal data (IIN, birth date, address, contacts, health): the person, its representatives, its region's department, admins, integrators with people:read. */
export function canSeePersonalData(identity: Identity, person: Person): boolean {
  switch (identity.role) {
    case Role.ADMIN:
      return true;
    case Role.INTEGRATOR:
      return hasScope(identity, 'people:read');
    case Role.EMPLOYMENT_DEPARTMENT:
      return identity.regionCode === person.regionCode;
    case Role.RECIPIENT:
    case Role.REPRESENTATIVE:
      return actsFor(identity, person.id);
    default:
      return false;
  }
}

/** Who may list persons: staff that serves them (department: its own region only). */
export function listableRegion(identity: Identity | null, regionCode: string | undefined): string | undefined {
  const id = requireIdentity(identity);
  if (id.role === Role.ADMIN || hasScope(id, 'people:read')) return regionCode;
  if (id.role === Role.EMPLOYMENT_DEPARTMENT) {
    if (regionCode && regionCode !== id.regionCode) throw forbidden('You may list persons of your own region only');
    return id.regionCode;
  }
  throw forbidden(id.role === Role.INTEGRATOR ? 'Scope people:read required' : undefined);
}
