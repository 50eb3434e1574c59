import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import { devSigner, signDocument } from '@aleumet/signing';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql, world } from '@aleumet/testkit';
import type { DemoPerson } from '@aleumet/demo-data';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, MEASURE, departmentToken, eligibleFor, guaranteed, integrator, publishOne, signAndOrder, supplierToken, tokens } from './helpers.js';

/**
 * Rules of the service standards (seeds 004) at ordering and at the end of a service: S1/S2 end with
 * their period (¶34), S3 once a year for at most 14 days (¶26), no electric wheelchair under 6
 * (annex 9), departure from Kazakhstan (¶28, ¶30, ¶83). Persons 870–899 are this file's.
 */
const FIELDS = 'id number status version kind cancellationReason handedOverAt serviceUntil stayFrom stayTo travelPaidByRecipient signedDocument';
const ORDER = `query($id: ID!) { order(id: $id) { ${FIELDS} } }`;
const LOG = `mutation($o: ID!, $in: JournalEntryInput!) { logServiceHours(orderId: $o, input: $in) { id date minutes } }`;
const GEN = `mutation($o: ID!, $p: String!) { generateServiceAct(orderId: $o, period: $p) { id status minutes } }`;
const DOC = `query($m: ID!, $o: ID!, $k: String!, $s: StayInput) { orderDocument(measureId: $m, offeringId: $o, idempotencyKey: $k, stay: $s) }`;
const CREATE = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { ${FIELDS} } }`;
const DEPART = `mutation($iin: String!, $d: String!) { registerDeparture(personIin: $iin, departedOn: $d) { personId measuresCancelled ordersCancelled } }`;
const MEASURE_CLOSED = `query($id: ID!) { measure(id: $id) { id status closedReason } }`;

let platform: Platform;
const clock = new TestClock(new Date('2026-11-02T04:00:00Z'));
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(() => platform?.close());

const run = (...personIds: string[]) => platform.runtime.scheduler.runAll({ scope: { personIds }, strict: true });
const spare = () => new Set(world().suppliers.slice(10).map((s) => s.id));
const offeringOf = (p: DemoPerson, test: (o: { kind: string; itemTypeCode: string; stock: number }) => boolean) =>
  world().offerings.find((o) => spare().has(o.supplierId) && o.regionCodes.includes(p.regionCode) && test(o));
/** The `n`-th person of 870–899 eligible for `kind` with an offering of `itemTypeCode` in their region. */
function personFor(kind: string, itemTypeCode: string, n = 0, taken: DemoPerson[] = []) {
  const w = world();
  const list = w.persons.slice(870, 900).filter((p) => !taken.includes(p) && p.birthDate < '2015-01-01' && eligibleFor(p, kind)
    && offeringOf(p, (o) => o.itemTypeCode === itemTypeCode && (['S1', 'S2', 'S3'].includes(kind) || o.stock > 0)));
  const person = list[n]!;
  const offering = offeringOf(person, (o) => o.itemTypeCode === itemTypeCode && (['S1', 'S2', 'S3'].includes(kind) || o.stock > 0))!;
  return { person, index: w.persons.indexOf(person), offering };
}

async function accept(orderId: string, supplierId: string) {
  const supplier = await supplierToken(supplierId);
  const r = await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, supplier, 'ACCEPT', { id: orderId, v: 1 }), supplier);
  expect(r.errors).toBeUndefined();
  return supplier;
}

/** orderDocument with a stay, signed with the person's development key, and createOrder. */
async function orderWithStay(index: number, measureId: string, offeringId: string, stay: { from: string; to: string } | null) {
  const token = await tokens(index);
  const key = `s3-${measureId.slice(-8)}-${stay?.from ?? 'none'}`;
  const d = await gql(platform.gateway.url, DOC, { m: measureId, o: offeringId, k: key, s: stay }, token);
  if (d.errors) return d;
  const signed = await signDocument(await devSigner(world().persons[index]!.iin), JSON.parse(d.data.orderDocument));
  return gql(platform.gateway.url, CREATE, { input: { measureId, offeringId, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: signed.certificate } }, token);
}

describe('S1 and S2 end with their service period (004 ¶34)', () => {
  it('S1 runs to 31 December of the year ordered; with hours logged the order is handed over and the measure fulfilled', async () => {
    const url = platform.gateway.url;
    clock.set(new Date('2026-11-02T04:00:00Z'));
    const { person, index, offering } = personFor('S1', 'S1-ASSIST');
    const { measure } = await publishOne(platform, person, { kind: 'S1', itemTypeCode: 'S1-ASSIST', quantity: 400, guaranteedSum: guaranteed('S1-ASSIST'), issuedOn: '2026-11-01', validUntil: '2027-06-30' });
    const { res } = await signAndOrder(platform, index, measure.id, offering.id);
    expect(res.errors).toBeUndefined();
    const order = res.data.createOrder;
    const supplier = await accept(order.id, offering.supplierId);
    expect((await gql(url, ORDER, { id: order.id }, supplier)).data.order).toMatchObject({ serviceUntil: '2026-12-31', travelPaidByRecipient: false });

    clock.set(new Date('2027-01-06T06:00:00Z'));
    const log = (date: string) => gql(url, LOG, { o: order.id, in: { date, startTime: '10:00', endTime: '12:00', places: ['Polyclinic'] } }, supplier);
    // The IPR goes on into 2027, the S1 volume does not (8 hours a day to the end of the current year).
    expect(codes(await log('2027-01-05'))).toEqual(['BAD_USER_INPUT']);
    expect((await log('2026-12-31')).errors).toBeUndefined();

    await run(person.id);
    const ended = (await gql(url, ORDER, { id: order.id }, supplier)).data.order;
    expect(ended).toMatchObject({ status: 'HANDED_OVER', cancellationReason: null });
    expect(ended.handedOverAt).not.toBeNull();
    const m = (await gql(url, MEASURE, { id: measure.id }, await tokens(index))).data.measure;
    expect(m).toMatchObject({ status: 'FULFILLED', closedReason: null, fulfilment: { orderId: order.id, supplierId: offering.supplierId } });
    // The last days can still be written up and billed.
    expect((await log('2026-12-30')).errors).toBeUndefined();
    expect((await gql(url, GEN, { o: order.id, p: '2026-12' }, supplier)).data.generateServiceAct).toMatchObject({ status: 'DRAFT', minutes: 240 });
    await run(person.id);
    expect((await gql(url, MEASURE, { id: measure.id }, await tokens(index))).data.measure.status).toBe('FULFILLED');
  });

  it('S2 without any service when the IPR term ends: the order is cancelled and the measure closed (IPR_TERM_EXPIRED)', async () => {
    const url = platform.gateway.url;
    clock.set(new Date('2026-11-02T04:00:00Z'));
    const { person, index, offering } = personFor('S2', 'S2-SIGN');
    const { measure } = await publishOne(platform, person, { kind: 'S2', itemTypeCode: 'S2-SIGN', quantity: 60, guaranteedSum: guaranteed('S2-SIGN'), issuedOn: '2026-11-01', validUntil: '2026-12-31' });
    const order = (await signAndOrder(platform, index, measure.id, offering.id)).res.data.createOrder;
    const supplier = await accept(order.id, offering.supplierId);
    expect((await gql(url, ORDER, { id: order.id }, supplier)).data.order.serviceUntil).toBe('2026-12-31');
    clock.set(new Date('2026-12-31T19:30:00Z')); // 1 January in Almaty
    await run(person.id);
    await run(person.id);
    expect((await gql(url, ORDER, { id: order.id }, supplier)).data.order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'IPR_TERM_EXPIRED' });
    expect((await gql(url, MEASURE_CLOSED, { id: measure.id }, await tokens(index))).data.measure).toMatchObject({ status: 'CANCELLED', closedReason: 'IPR_TERM_EXPIRED' });
  });
});

describe('S3 sanatorium treatment: once a calendar year, at most 14 days, travel paid by the recipient (004 ¶26)', () => {
  it('takes the stay dates at ordering and refuses a second stay in the same year', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { person, index, offering } = personFor('S3', 'S3-SANATORIUM');
    const publish = () => publishOne(platform, person, { kind: 'S3', itemTypeCode: 'S3-SANATORIUM', quantity: 14, guaranteedSum: guaranteed('S3-SANATORIUM'), issuedOn: '2026-11-01', validUntil: '2027-12-31' });
    const first = (await publish()).measure;
    const doc = async (stay: { from: string; to: string } | null) => gql(platform.gateway.url, DOC, { m: first.id, o: offering.id, k: `doc-${first.id.slice(-8)}`, s: stay }, await tokens(index));
    const fieldOf = (r: any) => [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field];
    expect(fieldOf(await doc(null))).toEqual(['BAD_USER_INPUT', 'stay']);
    expect(fieldOf(await doc({ from: '2026-12-10', to: '2026-12-24' }))).toEqual(['BAD_USER_INPUT', 'stay.to']); // 15 days
    expect(fieldOf(await doc({ from: '2026-11-20', to: '2026-11-25' }))).toEqual(['BAD_USER_INPUT', 'stay.from']); // in the past
    expect(fieldOf(await doc({ from: '2026-12-12', to: '2026-12-10' }))).toEqual(['BAD_USER_INPUT', 'stay.to']);
    expect(fieldOf(await doc({ from: '2026-12-31', to: '2026-02-30' }))).toEqual(['BAD_USER_INPUT', 'stay.to']);

    const placed = await orderWithStay(index, first.id, offering.id, { from: '2026-12-10', to: '2026-12-23' });
    expect(placed.errors).toBeUndefined();
    const order = placed.data.createOrder;
    expect(order).toMatchObject({ kind: 'S3', stayFrom: '2026-12-10', stayTo: '2026-12-23', travelPaidByRecipient: true, serviceUntil: null });
    const signed = JSON.parse(order.signedDocument);
    expect(signed.stay).toEqual({ from: '2026-12-10', to: '2026-12-23', days: 14, travelPaidByRecipient: true });
    expect(signed.text).toContain('Проезд до санатория и обратно оплачиваю сам(а).');

    // A second S3 measure: not in 2026 again, but in 2027.
    const second = (await publish()).measure;
    const again = await orderWithStay(index, second.id, offering.id, { from: '2026-12-26', to: '2026-12-30' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'S3_ONCE_A_YEAR', orderId: order.id });
    const next = await orderWithStay(index, second.id, offering.id, { from: '2027-01-11', to: '2027-01-20' });
    expect(next.errors).toBeUndefined();
    expect(next.data.createOrder).toMatchObject({ stayFrom: '2027-01-11', stayTo: '2027-01-20' });
  });

  it('refuses stay dates on an order of another kind', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { person, index, offering } = personFor('S5', 'S5-TYPHLO-THERMO', 0);
    const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const r = await gql(platform.gateway.url, DOC, { m: measure.id, o: offering.id, k: `doc-${measure.id.slice(-8)}`, s: { from: '2026-12-10', to: '2026-12-11' } }, await tokens(index));
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stay' });
  });
});

describe('S6 wheelchairs: indications per type, no electric wheelchair under 6 (004 annex 9)', () => {
  it('shows the indications and refuses an electric wheelchair for a child of 5', async () => {
    const url = platform.gateway.url;
    const types = await gql(url, `{ itemTypes(kind: S6, first: 10) { nodes { code minAgeYears indicationsKk indicationsRu indicationsEn contraindicationsEn } } }`);
    expect(types.errors).toBeUndefined();
    const byCode = new Map<string, any>(types.data.itemTypes.nodes.map((t: any) => [t.code, t]));
    expect([...byCode.keys()].sort()).toEqual(['S6-WC-ACTIVE', 'S6-WC-CHILD', 'S6-WC-ELECTRIC', 'S6-WC-LEVER', 'S6-WC-MANUAL']);
    for (const t of byCode.values()) expect([t.indicationsKk, t.indicationsRu, t.indicationsEn].every((s: string) => s.length > 20)).toBe(true);
    expect(byCode.get('S6-WC-ELECTRIC')).toMatchObject({ minAgeYears: 6 });
    expect(byCode.get('S6-WC-ELECTRIC').contraindicationsEn).toContain('age under 6');
    expect(byCode.get('S6-WC-MANUAL').minAgeYears).toBeNull();

    // Person 880 was born on 11 December 2018: five years old in November 2024.
    clock.set(new Date('2024-11-15T05:00:00Z'));
    const child = world().persons[880]!;
    expect(child.birthDate).toBe('2018-12-11');
    const electric = offeringOf(child, (o) => o.itemTypeCode === 'S6-WC-ELECTRIC' && o.stock > 0)!;
    const publish = (p: DemoPerson, code: string) => publishOne(platform, p, { kind: 'S6', itemTypeCode: code, guaranteedSum: guaranteed(code), issuedOn: '2024-11-01', validUntil: '2025-12-31' });
    const doc = async (i: number, m: string, o: string) => gql(url, DOC, { m, o, k: `doc-${m.slice(-8)}`, s: null }, await tokens(i));
    const forChild = (await publish(child, 'S6-WC-ELECTRIC')).measure;
    const refused = await doc(880, forChild.id, electric.id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'S6_ELECTRIC_UNDER_6', minAgeYears: 6 });
    // The day the child turns 6 it may be ordered.
    clock.set(new Date('2024-12-11T05:00:00Z'));
    expect((await doc(880, forChild.id, electric.id)).errors).toBeUndefined();

    // Another type has no age bound.
    clock.set(new Date('2024-11-15T05:00:00Z'));
    const manual = offeringOf(child, (o) => o.itemTypeCode === 'S6-WC-MANUAL' && o.stock > 0);
    if (manual) {
      const m = (await publish(child, 'S6-WC-MANUAL')).measure;
      expect((await doc(880, m.id, manual.id)).errors).toBeUndefined();
    }
  });
});

describe('departure from Kazakhstan (004 ¶28, ¶30, ¶83)', () => {
  it('closes open measures and cancels orders not yet received; the department of the region or the integrator registers it', async () => {
    const url = platform.gateway.url;
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { person, index, offering } = personFor('S5', 'S5-TYPHLO-THERMO', 1);
    const a = (await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) })).measure;
    const b = (await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) })).measure;
    const order = (await signAndOrder(platform, index, a.id, offering.id)).res.data.createOrder;
    const other = world().persons.find((p) => p.regionCode !== person.regionCode)!.regionCode;

    expect(codes(await gql(url, DEPART, { iin: person.iin, d: '2026-11-30' }, await tokens(index)))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, DEPART, { iin: person.iin, d: '2026-11-30' }, await departmentToken(other)))).toEqual(['FORBIDDEN']);
    const department = await departmentToken(person.regionCode);
    expect(codes(await gql(url, DEPART, { iin: person.iin, d: '2026-12-02' }, department))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, DEPART, { iin: person.iin, d: '2026-02-30' }, department))).toEqual(['BAD_USER_INPUT']);

    const r = await gql(url, DEPART, { iin: person.iin, d: '2026-11-30' }, department);
    expect(r.errors).toBeUndefined();
    expect(r.data.registerDeparture).toMatchObject({ personId: person.id, ordersCancelled: 1 });
    expect(r.data.registerDeparture.measuresCancelled).toBeGreaterThanOrEqual(2);
    const recipient = await tokens(index);
    for (const m of [a, b]) expect((await gql(url, MEASURE_CLOSED, { id: m.id }, recipient)).data.measure).toMatchObject({ status: 'CANCELLED', closedReason: 'DEPARTED' });
    expect((await gql(url, ORDER, { id: order.id }, recipient)).data.order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'DEPARTED' });
    // Registered again (the integrator): nothing left to close.
    const again = await gql(url, DEPART, { iin: person.iin, d: '2026-11-30' }, await integrator());
    expect(again.data.registerDeparture).toMatchObject({ measuresCancelled: 0, ordersCancelled: 0 });
  });
});
