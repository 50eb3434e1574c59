import { Role, hasScope, ownerView, type EntityPolicy, type Identity, type OwnedRecord, type View } from '@aleumet/core';
import type { Fulfilment, GspEntitlement, Measure, RehabilitationProgram, WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../entities/index.js';
import type { Context } from '../resolvers/context.js';

export const SCOPE = 'programs:read';
export const WRITE_SCOPE = 'programs:write';

/** The owner rule, and the social-protection system that publishes programs (programs:write) reads what it publishes. */
const programView = (identity: Identity, record: OwnedRecord): View => (hasScope(identity, WRITE_SCOPE) ? 'full' : ownerView(identity, record, SCOPE));

/** A program: the person and representatives, the region's department, admins, integrators with programs:read or programs:write. Never a supplier. */
export const programPolicy: EntityPolicy<RehabilitationProgram, Context> = {
  type: 'RehabilitationProgram',
  scope: SCOPE,
  limited: [],
  view: programView,
};

/**
 * A measure: as its program; besides, a supplier that received an order for it sees what the order
 * needs (kind, item, quantity, status, whose it is) and nothing else: not the program, the other
 * measures, the guaranteed sum or the dates.
 */
export const measurePolicy: EntityPolicy<Measure, Context> = {
  type: 'Measure',
  scope: SCOPE,
  limited: ['kind', 'itemTypeCode', 'itemType', 'quantity', 'status', 'person'],
  view(identity, measure, ctx) {
    if (identity.role !== Role.SUPPLIER) return programView(identity, measure);
    const supplierId = identity.supplierId;
    if (!supplierId) return 'none';
    return ctx.loaders.suppliersOfMeasure.load(measure.id).then((ids) => (ids.includes(supplierId) ? 'limited' : 'none'));
  },
};

/**
 * A fulfilment record (what Е-Собес reads back): the person and representatives, the region's department,
 * admins, integrators with programs:read. Not the publishing scope alone, and not the supplier (its order
 * says it handed over).
 */
export const fulfilmentPolicy: EntityPolicy<Fulfilment, Context> = {
  type: 'Fulfilment',
  scope: SCOPE,
  limited: [],
  view: (identity, fulfilment) => (identity.role === Role.SUPPLIER ? 'none' : ownerView(identity, fulfilment, SCOPE)),
};

/**
 * A GSP entitlement (002 ¶1, the Rules' ¶7): as a program, the person and representatives, the region's
 * department, admins, integrators with programs:read, and Е-Собес, which publishes it (programs:write).
 * Never a supplier: the package is not ordered through the portal's suppliers.
 */
export const gspEntitlementPolicy: EntityPolicy<GspEntitlement, Context> = {
  type: 'GspEntitlement',
  scope: SCOPE,
  limited: [],
  view: (identity, record) => (identity.role === Role.SUPPLIER ? 'none' : programView(identity, record)),
};

/** Webhook endpoints, deliveries and attempts: administrators, and the integrator client they belong to. */
const clientView = (identity: Identity, record: { clientId: string }): View =>
  identity.role === Role.ADMIN || (identity.role === Role.INTEGRATOR && identity.clientId != null && identity.clientId === record.clientId) ? 'full' : 'none';
export const webhookEndpointPolicy: EntityPolicy<WebhookEndpoint, Context> = { type: 'WebhookEndpoint', limited: [], view: clientView };
export const webhookDeliveryPolicy: EntityPolicy<WebhookDelivery, Context> = { type: 'WebhookDelivery', limited: [], view: clientView };
export const webhookAttemptPolicy: EntityPolicy<WebhookAttempt, Context> = { type: 'WebhookAttempt', limited: [], view: clientView };

export const policies = [programPolicy, measurePolicy, fulfilmentPolicy, gspEntitlementPolicy, webhookEndpointPolicy, webhookDeliveryPolicy, webhookAttemptPolicy];
