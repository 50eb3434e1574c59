import { devSigner, signDocument } from '@aleumet/signing';
import { Role } from '@aleumet/core';
import type { Platform } from '@aleumet/platform';
import { gql, integratorIdentity, recipientIdentity, supplierIdentity, tokenFor, world, departmentIdentity } from '@aleumet/testkit';
import type { DemoOffering, DemoPerson } from '@aleumet/demo-data';

/** Shared steps of the order-lifecycle tests, all through the gateway. */
export const ORDER_FIELDS = 'id number status version price quantity statePart coPayment guaranteedSum acceptDeadline acceptedAt handedOverAt closedAt refusalCode refusalReason cancellationReason kind itemTypeCode handover';

export const PUBLISH = `mutation($input: PublishMeasuresInput!) {
  publishMeasures(input: $input) { created updated unchanged program { id number validUntil } measures { id sourceId status version guaranteedSum quantity kind itemTypeCode choiceDeadline } } }`;
export const MEASURE = `query($id: ID!) { measure(id: $id) { id status version remindedAt blockedAt fulfilledAt closedReason choiceDeadline fulfilment { measureId orderId supplierId fulfilledAt sourceId } } }`;
export const DOCUMENT = `query($m: ID!, $o: ID!, $k: String!, $h: HandoverMethod, $l: Language, $d: DeliveryDetailsInput) {
  orderDocument(measureId: $m, offeringId: $o, idempotencyKey: $k, handover: $h, language: $l, delivery: $d) }`;
export const CREATE = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} claim { id status statePart coPayment version } } }`;
export const ACCEPT = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { ${ORDER_FIELDS} } }`;
export const REFUSE = `mutation($id: ID!, $v: Int!, $code: OrderRefusalReason!, $c: String, $signature: String!, $certificate: String) { refuseOrder(id: $id, version: $v, reasonCode: $code, comment: $c, signature: $signature, certificate: $certificate) { ${ORDER_FIELDS} } }`;
export const READY = `mutation($id: ID!, $v: Int!) { markOrderReady(id: $id, version: $v) { ${ORDER_FIELDS} } }`;
export const HANDOVER = `mutation($id: ID!, $v: Int!) { confirmHandover(id: $id, version: $v) { ${ORDER_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $v: Int!, $r: String!) { cancelOrder(id: $id, version: $v, reason: $r) { ${ORDER_FIELDS} } }`;
export const PAY = `mutation($id: ID!, $v: Int!, $ref: String!) { payClaim(id: $id, version: $v, reference: $ref) { id status version paidAt payments { nodes { amount reference } } } }`;

export const personIndexOf = (p: DemoPerson) => world().persons.indexOf(p);

/** An offering of a kind available in the person's region (aids: in stock), and its item type. */
export function offeringFor(person: DemoPerson, kind: string, skip = 0): DemoOffering {
  // Suppliers 0–9 are left alone: other files compare their seeded order lists exactly.
  const spare = new Set(world().suppliers.slice(10).map((s) => s.id));
  const list = world().offerings.filter((o) => spare.has(o.supplierId) && o.kind === kind && o.regionCodes.includes(person.regionCode) && (['S1', 'S2', 'S3'].includes(kind) || o.stock > 0));
  const o = list[skip % list.length];
  if (!o) throw new Error(`no ${kind} offering in ${person.regionCode}`);
  return o;
}

/**
 * Whether publishing a measure of `kind` for the person is allowed (service standards): S1 needs a
 * group-1 disability with mobility difficulty, S2 a hearing disability (publishMeasures: NOT_ELIGIBLE).
 */
export function eligibleFor(person: DemoPerson, kind: string): boolean {
  if (kind === 'S1') return person.disabilityGroup === 1 && person.mobility;
  if (kind === 'S2') return person.hearing;
  return true;
}

export function tokens(personIndex: number) {
  return tokenFor(recipientIdentity(personIndex));
}

export const integrator = () => tokenFor(integratorIdentity(['programs:write', 'programs:read', 'orders:read', 'finance:read', 'finance:write']));
export const supplierToken = (supplierId: string) => tokenFor(supplierIdentity(supplierId));
export const departmentToken = (region: string) => tokenFor(departmentIdentity(region));

let seq = 0;
export const unique = (label: string) => `${label}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

/** Publishes one measure for a seeded person; returns the measure. */
export async function publishOne(platform: Platform, person: DemoPerson, m: { kind: string; itemTypeCode: string; quantity?: number; guaranteedSum: number; validUntil?: string; issuedOn?: string; sourceId?: string; programNumber?: string }) {
  const input = {
    personIin: person.iin,
    programNumber: m.programNumber ?? unique('IPR-T4'),
    issuedOn: m.issuedOn ?? '2026-01-10',
    validUntil: m.validUntil ?? '2027-12-31',
    measures: [{ sourceId: m.sourceId ?? unique('SPS-T4'), kind: m.kind, itemTypeCode: m.itemTypeCode, quantity: m.quantity ?? 1, guaranteedSum: m.guaranteedSum }],
  };
  const r = await gql(platform.gateway.url, PUBLISH, { input }, await integrator());
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return { measure: r.data.publishMeasures.measures[0], input, result: r.data.publishMeasures };
}

/** Gets the order document, signs it with the person's dev EDS key, and creates the order. */
export async function signAndOrder(platform: Platform, personIndex: number, measureId: string, offeringId: string, opts: {
  key?: string; signerIin?: string; tamper?: (doc: string) => string; handover?: 'DELIVERY' | 'PICKUP'; language?: 'KK' | 'RU' | 'EN';
  delivery?: { address?: string; phone?: string; window?: string; comment?: string };
} = {}) {
  const token = await tokens(personIndex);
  const key = opts.key ?? unique('order-key');
  const d = await gql(platform.gateway.url, DOCUMENT, { m: measureId, o: offeringId, k: key, h: opts.handover ?? null, l: opts.language ?? null, d: opts.delivery ?? null }, token);
  if (d.errors) return { res: d, key };
  const signer = await devSigner(opts.signerIin ?? world().persons[personIndex]!.iin);
  const signed = await signDocument(signer, JSON.parse(d.data.orderDocument));
  const document = opts.tamper ? opts.tamper(signed.document) : signed.document;
  const res = await gql(platform.gateway.url, CREATE, { input: { measureId, offeringId, idempotencyKey: key, document, signature: signed.signature, certificate: signed.certificate } }, token);
  return { res, key, signed };
}

/** Recipients 900–999 whose seeded orders the state-machine test does not use; `n`-th of them eligible for `kind` and with an offering of it. */
export function freshPerson(n: number, kind: string): { person: DemoPerson; index: number } {
  const w = world();
  const busy = new Set(w.orders.filter((o) => o.status === 'AWAITING_SUPPLIER').map((o) => o.personId));
  const candidates = w.persons.slice(900, 1000).filter((p) => !busy.has(p.id) && eligibleFor(p, kind)).filter((p) => {
    try { offeringFor(p, kind); return true; } catch { return false; }
  });
  const person = candidates[n % candidates.length]!;
  return { person, index: w.persons.indexOf(person) };
}

export const guaranteed = (itemTypeCode: string) => world().guaranteedSums.filter((g) => g.itemTypeCode === itemTypeCode).at(-1)!.amount;

/** signAndOrder for a person outside the demo world (recorded with an IPR in the test): by id and IIN. */
export async function signAndOrderAs(platform: Platform, person: { id: string; iin: string }, measureId: string, offeringId: string) {
  const token = await tokenFor({ sub: person.id, role: Role.RECIPIENT, personId: person.id, represents: [], scopes: [] });
  const key = unique('order-key');
  const d = await gql(platform.gateway.url, DOCUMENT, { m: measureId, o: offeringId, k: key, h: null, l: null, d: null }, token);
  if (d.errors) return { res: d, token };
  const signed = await signDocument(await devSigner(person.iin), JSON.parse(d.data.orderDocument));
  const res = await gql(platform.gateway.url, CREATE, { input: { measureId, offeringId, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: signed.certificate } }, token);
  return { res, token };
}
