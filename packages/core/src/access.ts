import { Role, actsFor, hasScope, requireIdentity, type Identity } from './auth.js';
import { forbidden } from './errors.js';

/** A record that belongs to one person, served by one region's department, and maybe one supplier. */
export interface OwnedRecord {
  personId: string;
  regionCode: string;
  supplierId?: string | null;
}

/**
 * The one authorization rule for person-owned records in every subgraph: the person and its
 * representatives, the supplier the record belongs to, the region's department, admins,
 * and integrators holding `scope`.
 */
export function canAccess(identity: Identity, record: OwnedRecord, scope: string): boolean {
  switch (identity.role) {
    case Role.ADMIN:
      return true;
    case Role.INTEGRATOR:
      return hasScope(identity, scope);
    case Role.EMPLOYMENT_DEPARTMENT:
      return identity.regionCode === record.regionCode;
    case Role.SUPPLIER:
      return record.supplierId != null && identity.supplierId === record.supplierId;
    case Role.RECIPIENT:
    case Role.REPRESENTATIVE:
      return actsFor(identity, record.personId);
  }
}

export function assertAccess(identity: Identity | null, record: OwnedRecord, scope: string): void {
  const id = requireIdentity(identity);
  if (canAccess(id, record, scope)) return;
  // An integrator is refused only for a missing scope: say which, so the client knows what to ask for.
  throw id.role === Role.INTEGRATOR ? forbidden(`Scope ${scope} required`) : forbidden();
}

/** The filter a list query must apply for this caller (never "everything" unless allowed). */
export type ListScope =
  | { all: true }
  | { personIds: string[] }
  | { supplierId: string }
  | { regionCode: string };

export function listScope(identity: Identity | null, scope: string): ListScope {
  const id = requireIdentity(identity);
  switch (id.role) {
    case Role.ADMIN:
      return { all: true };
    case Role.INTEGRATOR:
      if (!hasScope(id, scope)) throw forbidden(`Scope ${scope} required`);
      return { all: true };
    case Role.EMPLOYMENT_DEPARTMENT:
      if (!id.regionCode) throw forbidden();
      return { regionCode: id.regionCode };
    case Role.SUPPLIER:
      if (!id.supplierId) throw forbidden();
      return { supplierId: id.supplierId };
    case Role.RECIPIENT:
    case Role.REPRESENTATIVE:
      return { personIds: [...(id.personId ? [id.personId] : []), ...id.represents] };
  }
}

/** ListScope as a MikroORM-style where clause over personId / supplierId / regionCode columns. */
export function scopeWhere(s: ListScope): Record<string, unknown> {
  if ('all' in s) return {};
  if ('personIds' in s) return { personId: { $in: s.personIds } };
  if ('supplierId' in s) return { supplierId: s.supplierId };
  return { regionCode: s.regionCode };
}
