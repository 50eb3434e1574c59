import { describe, expect, it } from 'vitest';
import { OutboxEvent } from '@aleumet/events';
import { TestClock } from '@aleumet/runtime';
import type { DemoPerson } from '@aleumet/demo-data';
import { usePlatform } from '@aleumet/platform/testing';
import { codes, gql, integratorIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { JournalEntry, Order } from '../entities/index.js';
import { ACCEPT, CANCEL, departmentToken, eligibleFor, guaranteed, offeringFor, publishOne, signAndOrder, supplierToken, tokens } from './helpers.js';

/**
 * Retention of the order form through the gateway: 5 years after closing the signed
 * form (document, signature, certificate, signer IIN, idempotency key, cancellation reason), the
 * journal's places and the order's outbox events are removed; an order closed less than 5 years
 * ago, an open one and an S4 one (the prosthetics card, kept permanently) are never touched.
 * Recipients 620–639 of the demo world are this file's. The clock starts at an odd minute so the
 * cutoff does not meet other files' orders (their TestClocks sit on round times).
 */
const T0 = new Date('2026-12-01T06:17:23Z'); // Tuesday 11:17 Astana
const clock = new TestClock(T0);
const MINUTE = 60_000;
const plusYears = (d: Date, years: number, ms = 0) => {
  const x = new Date(d.getTime());
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return new Date(x.getTime() + ms);
};

// Limited to this file's recipients: run over everyone with the clock 5 years on, it would retire the seeded
// world's orders and the person links of their measures that other files read.
const RETENTION = `mutation($p: [ID!]) { applyOrderRetention(personIds: $p) { asOf changed { record action count } } }`;
const READ = `query($id: ID!) { order(id: $id) { id status version kind closedAt cancellationReason refusalReason signedDocument formRemovedAt price
  journal(first: 10) { nodes { date minutes places } } } }`;
const LOG = `mutation($o: ID!, $in: JournalEntryInput!) { logServiceHours(orderId: $o, input: $in) { id places } }`;
const MEASURE_IT = `mutation($o: ID!, $m: [MeasurementInput!]!) { recordProstheticMeasurements(orderId: $o, measurements: $m) { id } }`;
const CARD = `query($id: ID!) { order(id: $id) { prostheticsCard { orderNumber measurements { name value } } } }`;

/** The platform on this file's clock; `app.admin` is an administrator's token. */
const app = usePlatform({ clock });

const MINE = Array.from({ length: 20 }, (_, k) => 620 + k);
/** The k-th of this file's recipients eligible for `kind` with an offering of it in their region. */
function recipientFor(kind: string, k: number): { person: DemoPerson; index: number } {
  const fits = MINE.filter((i) => {
    if (!eligibleFor(world().persons[i]!, kind)) return false;
    try {
      offeringFor(world().persons[i]!, kind);
      return true;
    } catch {
      return false;
    }
  });
  const index = fits[k % fits.length];
  if (index === undefined) throw new Error(`no ${kind} offering for recipients 620–639`);
  return { person: world().persons[index]!, index };
}

/** Publishes a measure, signs and creates the order as the recipient; returns the order and the people involved. */
async function placeOrder(kind: string, k: number) {
  const { person, index } = recipientFor(kind, k);
  const offering = offeringFor(person, kind);
  const service = kind === 'S1';
  const { measure } = await publishOne(app.platform, person, {
    kind, itemTypeCode: offering.itemTypeCode, quantity: service ? 960 : 1, guaranteedSum: guaranteed(offering.itemTypeCode),
    ...(service ? { issuedOn: '2026-11-20', validUntil: '2027-11-30' } : {}),
  });
  const { res } = await signAndOrder(app.platform, index, measure.id, offering.id);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { order: res.data.createOrder as { id: string; version: number; status: string }, person, index, offering };
}

async function cancel(o: Awaited<ReturnType<typeof placeOrder>>) {
  const { version } = await read(o.order.id);
  const r = await gql(app.url, CANCEL, { id: o.order.id, v: version, r: 'The recipient moved to Almaty to live with her daughter' }, await tokens(o.index));
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.cancelOrder;
}

async function read(id: string) {
  const r = await gql(app.url, READ, { id }, app.admin);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.order;
}

/** What the gateway does not show: signature, certificate, signer IIN, idempotency key, events. */
async function stored(id: string) {
  const em = app.platform.subgraphs.orders.orm.em.fork();
  const o = await em.findOneOrFail(Order, { id });
  return {
    signature: o.signature ?? null, signerCertificate: o.signerCertificate ?? null, signerIin: o.signerIin ?? null, idempotencyKey: o.idempotencyKey ?? null,
    events: await em.count(OutboxEvent, { entityType: 'Order', entityId: id }),
    journal: (await em.find(JournalEntry, { orderId: id })).map((j) => j.places),
  };
}

describe('retention of the order form (orders)', () => {
  it('removes the form 5 years after closing (S4 too), keeps younger and open orders and the prosthetics card; the job does the same; idempotent', async () => {
    // T0: four orders are placed; three are cancelled at once (A, an S5 aid; C, an S4 prosthesis; E, an
    // S1 service with a journal row), B two minutes later; D stays open.
    const A = await placeOrder('S5', 0);
    const B = await placeOrder('S5', 1);
    const C = await placeOrder('S4', 0);
    const D = await placeOrder('S5', 2);
    const E = await placeOrder('S1', 0);
    const supplierE = await supplierToken(E.offering.supplierId);
    const accepted = (await gql(app.url, ACCEPT, await supplierSigned(app.url, supplierE, 'ACCEPT', { id: E.order.id, v: E.order.version }), supplierE)).data.acceptOrder;
    const logged = await gql(app.url, LOG, { o: E.order.id, in: { date: '2026-12-01', startTime: '09:00', endTime: '10:30', places: ['Polyclinic No. 3', 'Notary on Abai 10'] } }, supplierE);
    expect(logged.errors, JSON.stringify(logged.errors)).toBeUndefined();
    expect(accepted.status).toBe('ACCEPTED');
    // C: accepted and measured, so it has a prosthetics card (kept permanently, 004 ¶34).
    const supplierC = await supplierToken(C.offering.supplierId);
    expect((await gql(app.url, ACCEPT, await supplierSigned(app.url, supplierC, 'ACCEPT', { id: C.order.id, v: C.order.version }), supplierC)).data.acceptOrder.status).toBe('ACCEPTED');
    expect((await gql(app.url, MEASURE_IT, { o: C.order.id, m: [{ name: 'Stump length, cm', value: '18' }] }, supplierC)).errors).toBeUndefined();
    for (const o of [A, C, E]) await cancel(o);
    clock.set(new Date(T0.getTime() + 2 * MINUTE));
    await cancel(B);

    const before = await read(A.order.id);
    expect(before).toMatchObject({ status: 'CANCELLED', kind: 'S5', closedAt: T0.toISOString(), formRemovedAt: null });
    expect(JSON.parse(before.signedDocument)).toMatchObject({ recipientPersonId: A.person.id });
    expect(await stored(A.order.id)).toMatchObject({ signerIin: A.person.iin, idempotencyKey: expect.any(String) });
    expect((await stored(A.order.id)).events).toBeGreaterThanOrEqual(2); // placed, cancelled

    // 5 years and 1 minute after T0: A, C and E are past the 5 years, B (closed at T0 + 2 min) is not.
    clock.set(plusYears(T0, 5, MINUTE));
    const personIds = [...new Set([A, B, C, D, E].map((o) => o.person.id))];
    const report = (await gql(app.url, RETENTION, { p: personIds }, app.admin)).data.applyOrderRetention;
    expect(report.asOf).toBe(clock.now().toISOString());
    const count = (record: string) => report.changed.find((c: { record: string }) => c.record === record)?.count;
    expect(count('Order.form')).toBeGreaterThanOrEqual(3); // A, C and E (and whatever else in the database is that old)
    expect(count('JournalEntry.places')).toBeGreaterThanOrEqual(1);
    expect(count('OutboxEvent')).toBeGreaterThanOrEqual(5); // A: placed, cancelled; E: placed, accepted, cancelled

    // A: the form is gone, the order's trace stays
    const a = await read(A.order.id);
    expect(a).toMatchObject({
      id: A.order.id, status: 'CANCELLED', kind: 'S5', closedAt: T0.toISOString(), price: before.price,
      signedDocument: null, cancellationReason: '[removed: retention period passed]', formRemovedAt: clock.now().toISOString(),
    });
    expect(await stored(A.order.id)).toEqual({ signature: null, signerCertificate: null, signerIin: null, idempotencyKey: null, events: 0, journal: [] });
    // E: the journal keeps date and hours (they back the acts), not the places the recipient went to
    const e = await read(E.order.id);
    expect(e.signedDocument).toBeNull();
    expect(e.journal.nodes).toEqual([{ date: '2026-12-01', minutes: 90, places: [] }]);

    // C, an S4 order: its form goes after 5 years like any other (004 ¶34), its prosthetics card stays.
    expect(await read(C.order.id)).toMatchObject({ kind: 'S4', signedDocument: null, formRemovedAt: clock.now().toISOString() });
    expect((await gql(app.url, CARD, { id: C.order.id }, app.admin)).data.order.prostheticsCard.measurements).toEqual([{ name: 'Stump length, cm', value: '18' }]);

    // B (4 years 364 days 23 h 59 min) and D (open): untouched
    for (const o of [B, D]) {
      const r = await read(o.order.id);
      expect(r.formRemovedAt).toBeNull();
      expect(JSON.parse(r.signedDocument)).toMatchObject({ recipientPersonId: o.person.id });
      const s = await stored(o.order.id);
      expect(s.signerIin).toBe(o.person.iin);
      expect(s.signature).not.toBeNull();
      expect(s.events).toBeGreaterThanOrEqual(1);
    }
    expect((await read(B.order.id)).cancellationReason).toBe('The recipient moved to Almaty to live with her daughter');
    expect((await read(D.order.id)).status).toBe('AWAITING_SUPPLIER');

    // Two minutes later B is past too: the scheduled job (limited to this file's recipients) removes it.
    clock.set(plusYears(T0, 5, 3 * MINUTE));
    await app.platform.runtime.scheduler.runAll({ only: ['orders.retention'], scope: { personIds }, strict: true });
    const b = await read(B.order.id);
    expect(b).toMatchObject({ signedDocument: null, formRemovedAt: clock.now().toISOString(), cancellationReason: '[removed: retention period passed]' });
    expect((await stored(B.order.id)).events).toBe(0);

    // Decades later the prosthetics card is still there; running again changes nothing (idempotent).
    clock.set(plusYears(T0, 40));
    await app.platform.runtime.scheduler.runAll({ only: ['orders.retention'], scope: { personIds }, strict: true });
    expect((await gql(app.url, CARD, { id: C.order.id }, app.admin)).data.order.prostheticsCard).toMatchObject({ measurements: [{ name: 'Stump length, cm', value: '18' }] });
    clock.set(plusYears(T0, 5, 3 * MINUTE));
    const again = (await gql(app.url, RETENTION, { p: personIds }, app.admin)).data.applyOrderRetention;
    expect(again.changed).toEqual([
      { record: 'Order.form', action: 'REMOVED', count: 0 },
      { record: 'JournalEntry.places', action: 'ANONYMIZED', count: 0 },
      { record: 'OutboxEvent', action: 'REMOVED', count: 0 },
      { record: 'Order.person', action: 'ANONYMIZED', count: 0 },
    ]);
    expect((await read(A.order.id)).formRemovedAt).toBe(plusYears(T0, 5, MINUTE).toISOString()); // not re-stamped
  });

  it('only administrators apply it', async () => {
    const { person, index } = recipientFor('S5', 0);
    const supplierId = offeringFor(person, 'S5').supplierId;
    const callers = [
      await tokens(index),
      await supplierToken(supplierId),
      await departmentToken(person.regionCode),
      await tokenFor(integratorIdentity(['orders:read', 'programs:write', 'programs:read', 'finance:write'])),
    ];
    for (const t of callers) expect(codes(await gql(app.url, RETENTION, {}, t))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, RETENTION, {}))).toEqual(['UNAUTHENTICATED']);
  });
});
