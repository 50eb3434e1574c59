import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, HANDOVER, ORDER, READY, REFUSE, departmentToken, freshPerson, guaranteed, offeringFor, publishOne, signAndOrder, supplierToken, tokens } from './helpers.js';

/** The order as the contract (seeds 004 ¶28, ¶83): answer within five working days, handover within the offering's lead time; eligibility again at ordering (004 ¶5, ¶19). */
const DAY = 86_400_000;
let platform: Platform;
const clock = new TestClock(new Date('2026-12-01T04:00:00Z'));
beforeAll(async () => { platform = await startTestPlatform({ clock }); });
afterAll(() => platform?.close());

const TERM = `query($id: ID!) { order(id: $id) { id status version acceptedAt leadTimeDays deliveryDueAt deliveryOverdueAt } }`;
const OVERDUE = `query($s: ID) { orders(first: 100, deliveryOverdue: true, supplierId: $s) { nodes { id number deliveryDueAt deliveryOverdueAt } } }`;

async function aidOrder(n: number, kind: 'S5' | 'S6') {
  const { person, index } = freshPerson(n, kind);
  const offering = offeringFor(person, kind, n);
  const { measure } = await publishOne(platform, person, { kind, itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
  const { res } = await signAndOrder(platform, index, measure.id, offering.id);
  expect(res.errors).toBeUndefined();
  return { person, index, offering, order: res.data.createOrder, supplier: await supplierToken(offering.supplierId) };
}

describe('the supplier answers within five working days (004 ¶28, ¶83)', () => {
  it('refuses a refusal after the deadline, as it refuses a late acceptance', async () => {
    const { order, supplier } = await aidOrder(60, 'S6');
    const url = platform.gateway.url;
    clock.set(new Date(new Date(order.acceptDeadline).getTime() + 60_000));
    try {
      const late = await gql(url, REFUSE, await supplierSigned(url, supplier, 'REFUSE', { id: order.id, v: 1, code: 'OUT_OF_STOCK' }), supplier);
      expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'ANSWER_DEADLINE_PASSED' });
      const lateAccept = await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: 1 }), supplier);
      expect(lateAccept.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'ANSWER_DEADLINE_PASSED' });
      expect((await gql(url, ORDER, { id: order.id }, supplier)).data.order).toMatchObject({ status: 'AWAITING_SUPPLIER', version: 1, refusalReason: null });
    } finally {
      clock.set(new Date('2026-12-01T04:00:00Z'));
    }
    // within the deadline the refusal goes through
    const ok = await gql(url, REFUSE, await supplierSigned(url, supplier, 'REFUSE', { id: order.id, v: 1, code: 'OUT_OF_STOCK' }), supplier);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.refuseOrder.status).toBe('REFUSED');
  });
});

describe('the handover term of the contract (004 ¶28, ¶83)', () => {
  it('is the lead time after acceptance, shown to both sides; overdue handovers are listed for the department of the region', async () => {
    const url = platform.gateway.url;
    const { person, index, offering, order, supplier } = await aidOrder(61, 'S5');
    const recipient = await tokens(index);
    expect((await gql(url, TERM, { id: order.id }, recipient)).data.order).toMatchObject({ leadTimeDays: offering.leadTimeDays, deliveryDueAt: null });
    const accepted = await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: 1 }), supplier);
    expect(accepted.errors).toBeUndefined();
    const due = new Date(new Date(accepted.data.acceptOrder.acceptedAt).getTime() + offering.leadTimeDays * DAY).toISOString();
    for (const t of [recipient, supplier]) {
      expect((await gql(url, TERM, { id: order.id }, t)).data.order).toMatchObject({ deliveryDueAt: due, deliveryOverdueAt: null });
    }
    const department = await departmentToken(person.regionCode);
    const other = await departmentToken(world().persons.find((p) => p.regionCode !== person.regionCode)!.regionCode);
    const listed = async (token: string) => (await gql(url, OVERDUE, { s: offering.supplierId }, token)).data.orders.nodes.map((o: { id: string }) => o.id);

    // before the term nothing is flagged
    clock.set(new Date(Date.parse(due) - 60_000));
    await platform.runtime.scheduler.runAll({ scope: { personIds: [person.id] }, strict: true });
    expect(await listed(department)).not.toContain(order.id);
    // past the term: flagged, listed for the region's department, not for another region's
    clock.set(new Date(Date.parse(due) + 60_000));
    try {
      await platform.runtime.scheduler.runAll({ scope: { personIds: [person.id] }, strict: true });
      expect(await listed(department)).toContain(order.id);
      expect(await listed(other)).not.toContain(order.id);
      const flagged = (await gql(url, TERM, { id: order.id }, recipient)).data.order;
      expect(flagged).toMatchObject({ status: 'ACCEPTED', version: 2, deliveryOverdueAt: new Date(Date.parse(due) + 60_000).toISOString() });
      // handed over late: off the list, the flag stays as the record
      expect((await gql(url, READY, { id: order.id, v: 2 }, supplier)).errors).toBeUndefined();
      expect((await gql(url, HANDOVER, { id: order.id, v: 3 }, supplier)).errors).toBeUndefined();
      expect((await gql(url, HANDOVER, { id: order.id, v: 4 }, recipient)).data.confirmHandover.status).toBe('HANDED_OVER');
      expect(await listed(department)).not.toContain(order.id);
      expect((await gql(url, TERM, { id: order.id }, recipient)).data.order.deliveryOverdueAt).not.toBeNull();
    } finally {
      clock.set(new Date('2026-12-01T04:00:00Z'));
    }
  });
});

describe('eligibility at ordering (004 ¶5, ¶19)', () => {
  it('refuses to order S1 for a person no longer meeting its condition (reassessed after publication)', async () => {
    const { person, index } = freshPerson(9, 'S1');
    const offering = offeringFor(person, 'S1');
    const { measure } = await publishOne(platform, person, { kind: 'S1', itemTypeCode: offering.itemTypeCode, quantity: 960, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const people = platform.subgraphs.people.orm.em.getConnection();
    // the registry reassessed the disability: group 2
    await people.execute('update people.person set disability_group = 2 where id = ?', [person.id]);
    try {
      const { res } = await signAndOrder(platform, index, measure.id, offering.id);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'S1_NEEDS_GROUP_1_WITH_MOBILITY_DIFFICULTY' });
      expect(codes(res)).toEqual(['NOT_ELIGIBLE']);
    } finally {
      await people.execute('update people.person set disability_group = ? where id = ?', [person.disabilityGroup, person.id]);
    }
    const { res } = await signAndOrder(platform, index, measure.id, offering.id);
    expect(res.errors).toBeUndefined();
  });

  it('the demo world holds no S1 or S2 measure of a person who does not meet its condition', () => {
    const w = world();
    const byId = new Map(w.persons.map((p) => [p.id, p]));
    const s1 = w.measures.filter((m) => m.kind === 'S1');
    expect(s1.length).toBeGreaterThan(100);
    expect(s1.filter((m) => { const p = byId.get(m.personId)!; return !(p.disabilityGroup === 1 && p.mobility); })).toEqual([]);
    expect(w.measures.filter((m) => m.kind === 'S2' && !byId.get(m.personId)!.hearing)).toEqual([]);
  });

  it("seeded handed-over orders are closed (their form's retention counts from the handover)", async () => {
    const handed = world().orders.filter((o) => o.status === 'HANDED_OVER');
    expect(handed.length).toBeGreaterThan(10);
    expect(handed.filter((o) => !o.closedAt || o.closedAt.getTime() !== o.handedOverAt!.getTime())).toEqual([]);
    const rows = await platform.subgraphs.orders.orm.em.getConnection().execute<{ n: string }[]>(
      `select count(*) as n from orders."order" where status = 'HANDED_OVER' and closed_at is null`);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
