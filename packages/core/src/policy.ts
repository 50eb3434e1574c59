import { Role, hasScope, type Identity } from './auth.js';
import { canAccess, type OwnedRecord } from './access.js';
import { forbidden } from './errors.js';

/**
 * How much of one record a caller may read:
 * - `full`: every field;
 * - `limited`: the policy's `limited` fields only (e.g. a supplier sees the name of a recipient it
 *   serves, and of the ordered measure its kind and item, nothing else);
 * - `none`: nothing, not even that the record exists beyond its id in a refusal.
 */
export type View = 'full' | 'limited' | 'none';

/**
 * The one authorization rule of an entity type: every root query, nested field and `__resolveReference`
 * that hands out a record of `type` goes through it (subgraph-kit applies it to every field of the type).
 * `view` may read per-request loaders from `ctx` (e.g. which suppliers serve a person).
 */
export interface EntityPolicy<T = any, C = any> {
  /** The GraphQL type the policy guards. */
  readonly type: string;
  /** Integrator scope that grants a full view (named in refusals). */
  readonly scope?: string;
  /** Fields a `limited` viewer may read besides `id`. */
  readonly limited: readonly string[];
  view(identity: Identity, record: T, ctx: C): View | Promise<View>;
}

/** The refusal for a record the caller may not see (naming the missing scope for integrators). */
export function policyRefusal(policy: Pick<EntityPolicy, 'type' | 'scope'>, identity: Identity, field?: string) {
  if (identity.role === Role.INTEGRATOR && policy.scope && !hasScope(identity, policy.scope)) {
    return forbidden(`Scope ${policy.scope} required`);
  }
  return forbidden(field ? `${policy.type}.${field} is not available to you` : `This ${policy.type} is not available to you`);
}

/** The usual owner rule as a view: the person and representatives, the region's department, admins, integrators with the scope, the record's supplier. */
export function ownerView(identity: Identity, record: OwnedRecord, scope: string): View {
  return canAccess(identity, record, scope) ? 'full' : 'none';
}

export function mayRead(view: View, policy: Pick<EntityPolicy, 'limited'>, field: string): boolean {
  return view === 'full' || (view === 'limited' && (field === 'id' || policy.limited.includes(field)));
}

/** The policy of a record with one owner (person, region, maybe supplier) and nothing shown in part. */
export function ownerPolicy<T extends OwnedRecord>(type: string, scope: string): EntityPolicy<T> {
  return { type, scope, limited: [], view: (identity, record) => ownerView(identity, record, scope) };
}
