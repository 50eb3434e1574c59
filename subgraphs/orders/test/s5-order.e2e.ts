import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogSmsAdapter } from '@aleumet/notify';
import { TestClock } from '@aleumet/runtime';
import { splitPrice } from '@aleumet/core';
import { addWorkingDays } from '@aleumet/calendar';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { gql, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, HANDOVER, MEASURE, ORDER, PAY, READY, departmentToken, integrator, offeringFor, publishOne, signAndOrder, supplierToken, tokens } from './helpers.js';

const PERSON = 950;
let platform: Platform;
const clock = new TestClock(new Date('2026-12-01T05:00:00Z'));
const sms = new LogSmsAdapter();
beforeAll(async () => {
  platform = await startTestPlatform({ clock, sms });
});
afterAll(() => platform?.close());

const run = (personIds: string[]) => platform.runtime.scheduler.runAll({ scope: { personIds }, strict: true });

describe('S5 technical aid: publish → notify → signed order → accept → handover → fulfilled → claim → paid', () => {
  it('walks the whole lifecycle through the gateway', async () => {
    const url = platform.gateway.url;
    const person = world().persons[PERSON]!;
    const offering = offeringFor(person, 'S5');
    // A guaranteed sum below the price: the recipient co-pays the difference.
    const guaranteedSum = offering.price - 1_234_56;
    const { measure, result } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum });
    expect(result.created).toBe(1);
    expect(measure).toMatchObject({ status: 'AWAITING_CHOICE', version: 1, guaranteedSum });

    // notification: "choose a supplier", sent once by the outbox sender
    await run([person.id]);
    const mine = sms.delivered.filter((m) => m.to === person.phone);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toMatch(/жеткізушіні таңдаңыз/);
    await run([person.id]);
    expect(sms.delivered.filter((m) => m.to === person.phone)).toHaveLength(1);

    // signed order: the recipient picks delivery or pickup among what the offering allows; it is part of the signed document
    const handover = offering.deliveryMode === 'BOTH' ? 'PICKUP' : offering.deliveryMode;
    const { res, signed } = await signAndOrder(platform, PERSON, measure.id, offering.id, { handover });
    expect(res.errors).toBeUndefined();
    expect(JSON.parse(signed!.document)).toMatchObject({ handover, amounts: { price: offering.price, guaranteedSum } });
    const order = res.data.createOrder;
    expect(order.handover).toBe(handover);
    const { statePart, coPayment } = splitPrice(offering.price, guaranteedSum);
    expect(order).toMatchObject({ status: 'AWAITING_SUPPLIER', version: 1, price: offering.price, statePart, coPayment, guaranteedSum, kind: 'S5' });
    expect(statePart).toBe(guaranteedSum);
    expect(coPayment).toBe(1_234_56);
    expect(order.acceptDeadline).toBe(addWorkingDays(clock.now(), 5).toISOString());

    const recipient = await tokens(PERSON);
    let m = await gql(url, MEASURE, { id: measure.id }, recipient);
    expect(m.data.measure.status).toBe('ORDERED');
    let o = await gql(url, ORDER, { id: order.id }, recipient);
    expect(o.data.order.claim).toMatchObject({ status: 'APPLIED', statePart, coPayment });

    // supplier accepts, prepares, both confirm the handover
    const supplier = await supplierToken(offering.supplierId);
    clock.advance(3600_000);
    const a = await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: 1 }), supplier);
    expect(a.data.acceptOrder.status).toBe('ACCEPTED');
    const r = await gql(url, READY, { id: order.id, v: 2 }, supplier);
    expect(r.data.markOrderReady.status).toBe('READY');
    await gql(url, HANDOVER, { id: order.id, v: 3 }, supplier);
    const h = await gql(url, HANDOVER, { id: order.id, v: 4 }, recipient);
    expect(h.data.confirmHandover.status).toBe('HANDED_OVER');

    // measure fulfilled, fulfilment record readable by the social-protection system
    m = await gql(url, MEASURE, { id: measure.id }, recipient);
    expect(m.data.measure.status).toBe('FULFILLED');
    // Oldest first, after the seeded records: page to the end.
    const fulfilments: unknown[] = [];
    for (let after: string | null = null; ;) {
      const f = await gql(url, `query($after: String) { fulfilments(first: 200, after: $after) { nodes { measureId orderId supplierId sourceId fulfilledAt } pageInfo { hasNextPage endCursor } } }`, { after }, await integrator());
      expect(f.errors).toBeUndefined();
      fulfilments.push(...f.data.fulfilments.nodes);
      if (!f.data.fulfilments.pageInfo.hasNextPage) break;
      after = f.data.fulfilments.pageInfo.endCursor;
    }
    expect(fulfilments).toContainEqual({ measureId: measure.id, orderId: order.id, supplierId: offering.supplierId, sourceId: measure.sourceId, fulfilledAt: clock.now().toISOString() });
    // recipient gets no access to the integrators' list
    expect((await gql(url, `query { fulfilments { nodes { measureId } } }`, {}, recipient)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // claim approved → the department pays it
    o = await gql(url, ORDER, { id: order.id }, recipient);
    const claim = o.data.order.claim;
    expect(claim.status).toBe('APPROVED');
    const department = await departmentToken(person.regionCode);
    const pay = await gql(url, PAY, { id: claim.id, v: claim.version, ref: `PAY-T4-${order.id.slice(-8)}` }, department);
    expect(pay.errors).toBeUndefined();
    expect(pay.data.payClaim).toMatchObject({ status: 'PAID', payments: { nodes: [{ amount: statePart, reference: `PAY-T4-${order.id.slice(-8)}` }] } });
    // paying again with the same reference changes nothing
    const again = await gql(url, PAY, { id: claim.id, v: claim.version, ref: `PAY-T4-${order.id.slice(-8)}` }, department);
    expect(again.data.payClaim.payments.nodes).toHaveLength(1);

    // ledger: balanced; supplier's month shows the approved and paid amounts
    const totals = await gql(url, `query { ledgerTotals { debit credit balanced } }`, {}, await integrator());
    expect(totals.data.ledgerTotals.balanced).toBe(true);
    const rep = await gql(url, `query($p: String!, $s: ID) { supplierMonthReport(period: $p, supplierId: $s) { supplierId approved paid outstanding } }`, { p: '2026-12', s: offering.supplierId }, supplier);
    expect(rep.errors).toBeUndefined();
    expect(rep.data.supplierMonthReport[0].approved).toBeGreaterThanOrEqual(statePart);
    expect(rep.data.supplierMonthReport[0].paid).toBeGreaterThanOrEqual(statePart);

    // the measure's events: AWAITING_CHOICE → ORDERED → FULFILLED
    const { OutboxEvent } = await import('@aleumet/events');
    const events = await platform.subgraphs.programs.orm.em.fork().find(OutboxEvent, { entityId: measure.id }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.status, e.version])).toEqual([['AWAITING_CHOICE', 1], ['ORDERED', 2], ['FULFILLED', 3]]);
  });
});
