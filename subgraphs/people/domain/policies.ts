import { ANONYMIZED_PERSON_ID, Role, actsFor, hasScope, type EntityPolicy, type Identity, type View } from '@aleumet/core';
import { NotificationAudience, type InformedOtherwise, type Notification, type NotificationDelivery, type NotificationSettings, type Person, type RefusedCommand, type Representation, type RepresentationFile, type StaffUser } from '../entities/index.js';
import { canSeePersonalData } from './access.js';
import type { Context } from '../resolvers/context.js';

export const PEOPLE_SCOPE = 'people:read';

/** Whether `person` is a representative of someone the caller acts for (a recipient sees its representatives' names). */
async function representsCaller(ctx: Context, callerActsFor: (id: string) => boolean, person: Person): Promise<boolean> {
  const links = await ctx.loaders.representationsByRepresentative.load(person.id);
  return links.some((l) => callerActsFor(l.principalId));
}

/**
 * A person: everything to the person and its representatives, its region's department, admins and
 * integrators with people:read. The name only to a supplier that received an order from the person
 * (for the handover) and to the persons this one represents. Nothing to anyone else: not another
 * region's department, not an integrator without the scope, not another recipient.
 */
export const personPolicy: EntityPolicy<Person, Context> = {
  type: 'Person',
  scope: PEOPLE_SCOPE,
  limited: ['fullName', 'lastName', 'firstName', 'middleName'],
  view(identity, person, ctx): View | Promise<View> {
    // The placeholder of an anonymized link (retention) carries no personal data: its name only, to anyone.
    if (person.id === ANONYMIZED_PERSON_ID) return 'limited';
    if (canSeePersonalData(identity, person)) return 'full';
    switch (identity.role) {
      case Role.SUPPLIER: {
        const supplierId = identity.supplierId;
        if (!supplierId) return 'none';
        return ctx.loaders.suppliersOfPerson.load(person.id).then((ids) => (ids.includes(supplierId) ? 'limited' : 'none'));
      }
      case Role.RECIPIENT:
      case Role.REPRESENTATIVE:
        return representsCaller(ctx, (id) => actsFor(identity, id), person).then((yes) => (yes ? 'limited' : 'none'));
      default:
        return 'none';
    }
  },
};

/** A staff account: its holder and admins; a department its own region's officers; supplier staff their colleagues. */
export const staffPolicy: EntityPolicy<StaffUser, Context> = {
  type: 'StaffUser',
  limited: [],
  view(identity, staff) {
    if (identity.role === Role.ADMIN || identity.sub === staff.id) return 'full';
    if (identity.role === Role.EMPLOYMENT_DEPARTMENT && staff.regionCode && identity.regionCode === staff.regionCode) return 'full';
    if (identity.role === Role.SUPPLIER && staff.supplierId && identity.supplierId === staff.supplierId) return 'full';
    return 'none';
  },
};

/** Fields another representative of the same person sees of a representation (not the document). */
const SHARED = ['kind', 'basis', 'status', 'validFrom', 'validTo', 'representative', 'representativeName', 'createdAt'] as const;

function representationView(identity: Identity, r: { principalId: string; representativeId: string; regionCode?: string | null }): View {
  switch (identity.role) {
    case Role.ADMIN:
      return 'full';
    case Role.INTEGRATOR:
      return hasScope(identity, PEOPLE_SCOPE) ? 'full' : 'none';
    case Role.EMPLOYMENT_DEPARTMENT:
      return r.regionCode != null && identity.regionCode === r.regionCode ? 'full' : 'none';
    case Role.RECIPIENT:
    case Role.REPRESENTATIVE:
      // The person and the representative themselves; others who act for the person see who else does.
      if (identity.personId === r.principalId || identity.personId === r.representativeId) return 'full';
      return actsFor(identity, r.principalId) ? 'limited' : 'none';
    default:
      return 'none';
  }
}

/** A representation: the person, the representative, the person's region's department, admins, integrators with people:read. */
export const representationPolicy: EntityPolicy<Representation, Context> = {
  type: 'Representation',
  scope: PEOPLE_SCOPE,
  limited: SHARED,
  view: (identity, r) => representationView(identity, r),
};

/** Its scanned document: whoever sees the representation in full (never another representative). */
export const representationFilePolicy: EntityPolicy<RepresentationFile, Context> = {
  type: 'RepresentationFile',
  scope: PEOPLE_SCOPE,
  limited: [],
  view: (identity, f) => (representationView(identity, f) === 'full' ? 'full' : 'none'),
};


const isDepartmentOf = (identity: Identity, regionCode: string) => identity.role === Role.EMPLOYMENT_DEPARTMENT && identity.regionCode === regionCode;

/**
 * A notification: the person it was for (and representatives), the supplier's staff for a supplier's
 * one, the region's department (it sees whether its people were notified), administrators.
 */
export const notificationPolicy: EntityPolicy<Notification, Context> = {
  type: 'Notification',
  limited: [],
  view(identity, n) {
    if (identity.role === Role.ADMIN || isDepartmentOf(identity, n.regionCode)) return 'full';
    if (n.audience === NotificationAudience.PERSON) return n.personId && actsFor(identity, n.personId) ? 'full' : 'none';
    if (n.audience === NotificationAudience.SUPPLIER) return identity.role === Role.SUPPLIER && identity.supplierId === n.audienceKey ? 'full' : 'none';
    return 'none';
  },
};

/** An SMS or e-mail sending: the person it went to, the region's department, administrators. */
export const deliveryPolicy: EntityPolicy<NotificationDelivery, Context> = {
  type: 'NotificationDelivery',
  limited: [],
  view(identity, d) {
    return identity.role === Role.ADMIN || isDepartmentOf(identity, d.regionCode) || actsFor(identity, d.recipientKey) ? 'full' : 'none';
  },
};

/** A person's notification settings: the person and representatives, administrators. */
export const settingsPolicy: EntityPolicy<NotificationSettings, Context> = {
  type: 'NotificationSettings',
  limited: [],
  view: (identity, s) => (identity.role === Role.ADMIN || actsFor(identity, s.personId) ? 'full' : 'none'),
};

/** Informed by other means: the person, the region's department, administrators. */
export const informedPolicy: EntityPolicy<InformedOtherwise, Context> = {
  type: 'InformedOtherwise',
  limited: [],
  view: (identity, r) => (identity.role === Role.ADMIN || isDepartmentOf(identity, r.regionCode) || actsFor(identity, r.personId) ? 'full' : 'none'),
};

/** A refused command: the department of its region and administrators (it concerns the region's records, not one person's). */
export const refusedCommandPolicy: EntityPolicy<RefusedCommand, Context> = {
  type: 'RefusedCommand',
  limited: [],
  view: (identity, r) => (identity.role === Role.ADMIN || (r.regionCode != null && isDepartmentOf(identity, r.regionCode)) ? 'full' : 'none'),
};

export const policies = [personPolicy, staffPolicy, representationPolicy, representationFilePolicy, notificationPolicy, deliveryPolicy, settingsPolicy, informedPolicy, refusedCommandPolicy];
