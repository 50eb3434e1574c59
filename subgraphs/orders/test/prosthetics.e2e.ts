import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql, world } from '@aleumet/testkit';
import type { DemoPerson } from '@aleumet/demo-data';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, departmentToken, guaranteed, integrator, publishOne, signAndOrder, supplierToken, tokens } from './helpers.js';

/**
 * Prosthetic and orthopaedic aid (S4), seeds 004 ¶31, ¶34, ¶41: measurements, the inpatient fitting
 * (first ≤ 10 working days, repeat ≤ 3, invited in advance), trips (2 a year; 1 for an escort or for
 * bandages), the prosthetics card with the acceptance act and the history extract for Е-Собес.
 * Persons 855–863 are this file's.
 */
const CARD = 'id orderNumber itemTypeCode measurements { name value } inpatient inpatientFrom inpatientTo inpatientWorkingDays invitedAt trips { date escort amount } acceptanceAct historyExtract';
const MEASURE_IT = `mutation($o: ID!, $m: [MeasurementInput!]!) { recordProstheticMeasurements(orderId: $o, measurements: $m) { ${CARD} } }`;
const INVITE = `mutation($o: ID!, $f: InpatientFitting!, $from: String!, $to: String!) { inviteForInpatientFitting(orderId: $o, fitting: $f, from: $from, to: $to) { ${CARD} } }`;
const TRIP = `mutation($o: ID!, $d: String!, $e: Boolean!, $a: SafeInt!) { recordProstheticTrip(orderId: $o, date: $d, escort: $e, amount: $a) { trips { date escort } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status prostheticsCard { ${CARD} } } }`;
const EXTRACTS = `{ prostheticsHistoryExtracts(first: 200) { nodes { orderNumber historyExtract } } }`;
const READY = `mutation($id: ID!, $v: Int!) { markOrderReady(id: $id, version: $v) { id status version } }`;
const HANDOVER = `mutation($id: ID!, $v: Int!) { confirmHandover(id: $id, version: $v) { id status version } }`;

let platform: Platform;
const clock = new TestClock(new Date('2026-11-02T04:00:00Z'));
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(() => platform?.close());

const spare = () => new Set(world().suppliers.slice(10).map((s) => s.id));
function s4For(code: string, taken: DemoPerson[] = []) {
  const w = world();
  for (const person of w.persons.slice(855, 864)) {
    if (taken.includes(person)) continue;
    const offering = w.offerings.find((o) => spare().has(o.supplierId) && o.itemTypeCode === code && o.stock > 0 && o.regionCodes.includes(person.regionCode));
    if (offering) return { person, index: w.persons.indexOf(person), offering };
  }
  throw new Error(`no ${code} offering for persons 855–863`);
}

/** Persons whose trips this file already recorded (the limits are the person's). */
const used: DemoPerson[] = [];

async function acceptedOrder(code: string) {
  const { person, index, offering } = s4For(code, used);
  used.push(person);
  const { measure } = await publishOne(platform, person, { kind: 'S4', itemTypeCode: code, guaranteedSum: guaranteed(code) });
  const { res } = await signAndOrder(platform, index, measure.id, offering.id);
  expect(res.errors).toBeUndefined();
  const order = res.data.createOrder;
  const supplier = await supplierToken(offering.supplierId);
  expect((await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, supplier, 'ACCEPT', { id: order.id, v: 1 }), supplier)).data.acceptOrder.status).toBe('ACCEPTED');
  return { person, index, order, supplier };
}

const anyProsthesis = () => world().offerings.find((o) => o.kind === 'S4' && o.itemTypeCode.startsWith('S4-PROS') && spare().has(o.supplierId) && o.stock > 0
  && world().persons.slice(855, 864).some((p) => o.regionCodes.includes(p.regionCode)))!.itemTypeCode;

describe('S4 prosthetic and orthopaedic aid (004 ¶31, ¶34, ¶41)', () => {
  it('measurements, an inpatient fitting within its working days, trips, the card with the acceptance act and the history extract', async () => {
    const url = platform.gateway.url;
    clock.set(new Date('2026-11-02T04:00:00Z'));
    const { person, index, order, supplier } = await acceptedOrder(anyProsthesis());
    const recipient = await tokens(index);

    // Measurements: the order's supplier only, bounded.
    expect(codes(await gql(url, MEASURE_IT, { o: order.id, m: [{ name: 'Stump length, cm', value: '18' }] }, recipient))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, MEASURE_IT, { o: order.id, m: [] }, supplier))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, MEASURE_IT, { o: order.id, m: [{ name: 'x'.repeat(1000), value: '1' }] }, supplier))).toEqual(['BAD_USER_INPUT']);
    const measured = (await gql(url, MEASURE_IT, { o: order.id, m: [{ name: 'Stump length, cm', value: '18' }, { name: 'Circumference, cm', value: '31' }] }, supplier)).data.recordProstheticMeasurements;
    expect(measured.measurements).toHaveLength(2);

    // Inpatient fitting: invited in advance; first ≤ 10 working days (Mon 9 – Fri 20 November = 10), repeat ≤ 3.
    const invite = (f: string, from: string, to: string) => gql(url, INVITE, { o: order.id, f, from, to }, supplier);
    expect(codes(await invite('PRIMARY', '2026-11-02', '2026-11-06'))).toEqual(['BAD_USER_INPUT']); // not in advance
    expect(codes(await invite('PRIMARY', '2026-11-09', '2026-11-23'))).toEqual(['BAD_USER_INPUT']); // 11 working days
    expect(codes(await invite('REPEAT', '2026-11-09', '2026-11-12'))).toEqual(['BAD_USER_INPUT']); // 4 working days
    const invited = (await invite('PRIMARY', '2026-11-09', '2026-11-20')).data.inviteForInpatientFitting;
    expect(invited).toMatchObject({ inpatient: 'PRIMARY', inpatientFrom: '2026-11-09', inpatientTo: '2026-11-20', inpatientWorkingDays: 10, acceptanceAct: null });
    expect(invited.historyExtract).toContain('2026-11-09 – 2026-11-20 (10)');
    expect(invited.historyExtract).toContain('Stump length, cm: 18');

    // Trips: two a year for the recipient, one for an escort.
    clock.set(new Date('2026-11-25T04:00:00Z'));
    const trip = (d: string, e: boolean) => gql(url, TRIP, { o: order.id, d, e, a: 4_500_00 }, supplier);
    expect((await trip('2026-11-08', false)).errors).toBeUndefined();
    expect((await trip('2026-11-08', true)).errors).toBeUndefined();
    expect((await trip('2026-11-21', false)).errors).toBeUndefined();
    expect((await trip('2026-11-22', false)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'S4_TWO_TRIPS_A_YEAR' });
    expect((await trip('2026-11-21', true)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'S4_ESCORT_ONE_TRIP_A_YEAR' });
    expect(codes(await trip('2026-12-01', false))).toEqual(['BAD_USER_INPUT']); // not made yet
    // The department of the region may record a trip too (a new year starts a new count).
    clock.set(new Date('2027-01-15T04:00:00Z'));
    expect((await gql(url, TRIP, { o: order.id, d: '2027-01-14', e: false, a: 4_000_00 }, await departmentToken(person.regionCode))).errors).toBeUndefined();

    // Handed over: the card carries the acceptance act; the recipient sees it in the cabinet.
    let o = (await gql(url, READY, { id: order.id, v: 2 }, supplier)).data.markOrderReady;
    o = (await gql(url, HANDOVER, { id: order.id, v: o.version }, supplier)).data.confirmHandover;
    await gql(url, HANDOVER, { id: order.id, v: o.version }, recipient);
    const seen = (await gql(url, ORDER, { id: order.id }, recipient)).data.order;
    expect(seen.status).toBe('HANDED_OVER');
    expect(seen.prostheticsCard.trips).toHaveLength(4);
    expect(seen.prostheticsCard.acceptanceAct).toContain(seen.prostheticsCard.orderNumber);

    // Е-Собес reads the history extracts; a recipient may not list them.
    const extracts = (await gql(url, EXTRACTS, {}, await integrator())).data.prostheticsHistoryExtracts.nodes;
    expect(extracts.find((e: any) => e.orderNumber === seen.prostheticsCard.orderNumber)?.historyExtract).toContain('первичное');
    expect(codes(await gql(url, EXTRACTS, {}, recipient))).toEqual(['FORBIDDEN']);
  });

  it('bandages: one trip a year', async () => {
    clock.set(new Date('2026-11-02T04:00:00Z'));
    const { order, supplier } = await acceptedOrder('S4-BANDAGE');
    clock.set(new Date('2026-11-10T04:00:00Z'));
    const trip = (d: string) => gql(platform.gateway.url, TRIP, { o: order.id, d, e: false, a: 3_000_00 }, supplier);
    expect((await trip('2026-11-05')).errors).toBeUndefined();
    expect((await trip('2026-11-06')).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'S4_BANDAGE_ONE_TRIP_A_YEAR' });
  });
});
