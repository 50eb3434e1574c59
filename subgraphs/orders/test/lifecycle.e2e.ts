import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxEvent } from '@aleumet/events';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql, recipientIdentity, supplierIdentity, tokenFor, world, departmentIdentity } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';

const DAY = 86_400_000;
const ORDER = 'id status version acceptedAt readyAt supplierConfirmedAt recipientConfirmedAt handedOverAt closedAt refusalCode refusalReason cancellationReason';
const ACCEPT = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { ${ORDER} } }`;
const REFUSE = `mutation($id: ID!, $v: Int!, $code: OrderRefusalReason!, $c: String, $signature: String!, $certificate: String) { refuseOrder(id: $id, version: $v, reasonCode: $code, comment: $c, signature: $signature, certificate: $certificate) { ${ORDER} } }`;
const READY = `mutation($id: ID!, $v: Int!) { markOrderReady(id: $id, version: $v) { ${ORDER} } }`;
const HANDOVER = `mutation($id: ID!, $v: Int!) { confirmHandover(id: $id, version: $v) { ${ORDER} } }`;
const CANCEL = `mutation($id: ID!, $v: Int!, $r: String!) { cancelOrder(id: $id, version: $v, reason: $r) { ${ORDER} } }`;
const GET = `query($id: ID!) { order(id: $id) { ${ORDER} } }`;

// Seeded orders awaiting their supplier, of recipients 900+ (kept for this file).
const mine = () => {
  const w = world();
  const ids = new Set(w.persons.slice(900, 1000).map((p) => p.id));
  return w.orders.filter((o) => ids.has(o.personId) && o.status === 'AWAITING_SUPPLIER');
};

let platform: Platform;
const clock = new TestClock();
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(() => platform?.close());

async function tokens(o: ReturnType<typeof mine>[number]) {
  const w = world();
  const personIndex = w.persons.findIndex((p) => p.id === o.personId);
  return { supplier: await tokenFor(supplierIdentity(o.supplierId)), recipient: await tokenFor(recipientIdentity(personIndex)) };
}

async function events(orderId: string) {
  const em = platform.subgraphs.orders.orm.em.fork();
  return em.find(OutboxEvent, { entityId: orderId }, { orderBy: { id: 'asc' } });
}

describe('order state machine with optimistic locking', () => {
  it('has enough seeded orders for this file', () => {
    expect(mine().length).toBeGreaterThanOrEqual(5);
  });

  it('accept → ready → handover confirmed by both sides, one event per change (a first confirmation too: live rows get its version)', async () => {
    const o = mine()[0]!;
    clock.set(new Date(o.createdAt.getTime() + DAY));
    const t = await tokens(o);
    const url = platform.gateway.url;
    const a = await gql(url, ACCEPT, await supplierSigned(url, t.supplier, 'ACCEPT', { id: o.id, v: 1 }), t.supplier);
    expect(a.errors).toBeUndefined();
    expect(a.data.acceptOrder).toMatchObject({ status: 'ACCEPTED', version: 2, acceptedAt: clock.now().toISOString() });

    // accept twice: illegal, changes nothing, and says the step is done
    const again = await gql(url, ACCEPT, await supplierSigned(url, t.supplier, 'ACCEPT', { id: o.id, v: 2 }), t.supplier);
    expect(codes(again)).toEqual(['INVALID_TRANSITION']);
    expect(again.errors![0]!.extensions).toMatchObject({ reason: 'ALREADY_DONE', currentStatus: 'ACCEPTED', currentVersion: 2 });
    // handover before ready: illegal
    const early = await gql(url, HANDOVER, { id: o.id, v: 2 }, t.supplier);
    expect(codes(early)).toEqual(['INVALID_TRANSITION']);
    // the recipient may not mark it ready
    expect(codes(await gql(url, READY, { id: o.id, v: 2 }, t.recipient))).toEqual(['FORBIDDEN']);

    const r = await gql(url, READY, { id: o.id, v: 2 }, t.supplier);
    expect(r.data.markOrderReady).toMatchObject({ status: 'READY', version: 3 });
    const s1 = await gql(url, HANDOVER, { id: o.id, v: 3 }, t.supplier);
    expect(s1.data.confirmHandover).toMatchObject({ status: 'READY', version: 4, handedOverAt: null });
    expect(s1.data.confirmHandover.supplierConfirmedAt).not.toBeNull();
    // the supplier cannot confirm for both sides
    expect(codes(await gql(url, HANDOVER, { id: o.id, v: 4 }, t.supplier))).toEqual(['INVALID_TRANSITION']);
    const s2 = await gql(url, HANDOVER, { id: o.id, v: 4 }, t.recipient);
    expect(s2.errors).toBeUndefined();
    expect(s2.data.confirmHandover).toMatchObject({ status: 'HANDED_OVER', version: 5 });
    // cancel after handover: illegal
    expect(codes(await gql(url, CANCEL, { id: o.id, v: 5, r: 'changed my mind' }, t.recipient))).toEqual(['INVALID_TRANSITION']);

    const ev = await events(o.id);
    expect(ev.map((e) => [e.type, e.status, e.version])).toEqual([
      ['ORDER_STATUS_CHANGED', 'ACCEPTED', 2],
      ['ORDER_STATUS_CHANGED', 'READY', 3],
      ['ORDER_STATUS_CHANGED', 'READY', 4],
      ['ORDER_STATUS_CHANGED', 'HANDED_OVER', 5],
    ]);
    expect(ev[0]!.payload).toEqual({ personId: o.personId, supplierId: o.supplierId, regionCode: o.regionCode, measureId: o.measureId });
  });

  it('the recipient confirms first: the supplier with the older version gets a CONFLICT telling the current version, and succeeds with it', async () => {
    const o = mine()[6]!;
    clock.set(new Date(o.createdAt.getTime() + DAY));
    const t = await tokens(o);
    const url = platform.gateway.url;
    expect((await gql(url, ACCEPT, await supplierSigned(url, t.supplier, 'ACCEPT', { id: o.id, v: 1 }), t.supplier)).errors).toBeUndefined();
    expect((await gql(url, READY, { id: o.id, v: 2 }, t.supplier)).errors).toBeUndefined();
    const mine3 = await gql(url, HANDOVER, { id: o.id, v: 3 }, t.recipient);
    expect(mine3.data.confirmHandover).toMatchObject({ status: 'READY', version: 4 });
    // Received: no cancel any more, by the recipient or the department.
    expect(codes(await gql(url, CANCEL, { id: o.id, v: 4, r: 'changed my mind' }, t.recipient))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await gql(url, CANCEL, { id: o.id, v: 4, r: 'changed my mind' }, await tokenFor(departmentIdentity(o.regionCode))))).toEqual(['INVALID_TRANSITION']);
    // The supplier's row still says version 3.
    const stale = await gql(url, HANDOVER, { id: o.id, v: 3 }, t.supplier);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions).toMatchObject({ reason: 'VERSION_CHANGED', orderId: o.id, currentVersion: 4, currentStatus: 'READY', yourVersion: 3 });
    const done = await gql(url, HANDOVER, { id: o.id, v: 4 }, t.supplier);
    expect(done.data.confirmHandover).toMatchObject({ status: 'HANDED_OVER', version: 5 });
    // Pressing again with the old version: the step is done, and the answer says so.
    const again = await gql(url, HANDOVER, { id: o.id, v: 4 }, t.recipient);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE', currentStatus: 'HANDED_OVER', currentVersion: 5 });
    expect((await events(o.id)).map((e) => [e.status, e.version])).toEqual([['ACCEPTED', 2], ['READY', 3], ['READY', 4], ['HANDED_OVER', 5]]);
  });

  it('a stale version is a CONFLICT, handover before acceptance is INVALID_TRANSITION; neither changes anything', async () => {
    const o = mine()[1]!;
    clock.set(new Date(o.createdAt.getTime() + DAY));
    const t = await tokens(o);
    const stale = await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, t.supplier, 'ACCEPT', { id: o.id, v: 7 }), t.supplier);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions!.currentVersion).toBe(1);
    // handover before acceptance (either side, current version): illegal
    expect(codes(await gql(platform.gateway.url, HANDOVER, { id: o.id, v: 1 }, t.supplier))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await gql(platform.gateway.url, HANDOVER, { id: o.id, v: 1 }, t.recipient))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await gql(platform.gateway.url, READY, { id: o.id, v: 1 }, t.supplier))).toEqual(['INVALID_TRANSITION']);
    const now = await gql(platform.gateway.url, GET, { id: o.id }, t.supplier);
    expect(now.data.order).toMatchObject({ status: 'AWAITING_SUPPLIER', version: 1 });
    expect(await events(o.id)).toEqual([]);
  });

  it('two concurrent accepts with the same version: one wins, the other gets CONFLICT', async () => {
    const o = mine()[2]!;
    clock.set(new Date(o.createdAt.getTime() + DAY));
    const t = await tokens(o);
    const both = await Promise.all([1, 2].map(async () => gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, t.supplier, 'ACCEPT', { id: o.id, v: 1 }), t.supplier)));
    const ok = both.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(both.flatMap(codes)).toEqual(['CONFLICT']);
    expect((await events(o.id)).map((e) => e.status)).toEqual(['ACCEPTED']);
  });

  it('refuse needs a reason code, OTHER a comment; after a refusal nothing else is possible', async () => {
    const o = mine()[3]!;
    clock.set(new Date(o.createdAt.getTime() + DAY));
    const t = await tokens(o);
    expect(codes(await gql(platform.gateway.url, REFUSE, await supplierSigned(platform.gateway.url, t.supplier, 'REFUSE', { id: o.id, v: 1, code: 'OTHER', c: ' ' }), t.supplier))).toEqual(['BAD_USER_INPUT']);
    const r = await gql(platform.gateway.url, REFUSE, await supplierSigned(platform.gateway.url, t.supplier, 'REFUSE', { id: o.id, v: 1, code: 'OTHER', c: 'Closed for stocktaking' }), t.supplier);
    expect(r.data.refuseOrder).toMatchObject({ status: 'REFUSED', version: 2, refusalCode: 'OTHER', refusalReason: 'Closed for stocktaking' });
    expect(codes(await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, t.supplier, 'ACCEPT', { id: o.id, v: 2 }), t.supplier))).toEqual(['INVALID_TRANSITION']);
  });

  it('accept after cancel is illegal; other suppliers and departments of other regions are refused', async () => {
    const o = mine()[4]!;
    clock.set(new Date(o.createdAt.getTime() + DAY));
    const t = await tokens(o);
    const other = world().suppliers.find((s) => s.id !== o.supplierId)!;
    expect(codes(await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, await tokenFor(supplierIdentity(other.id)), 'ACCEPT', { id: o.id, v: 1 }), await tokenFor(supplierIdentity(other.id))))).toEqual(['FORBIDDEN']);
    const otherRegion = world().persons.find((p) => p.regionCode !== o.regionCode)!.regionCode;
    expect(codes(await gql(platform.gateway.url, CANCEL, { id: o.id, v: 1, r: 'not yours' }, await tokenFor(departmentIdentity(otherRegion))))).toEqual(['FORBIDDEN']);
    const c = await gql(platform.gateway.url, CANCEL, { id: o.id, v: 1, r: 'No longer needed' }, t.recipient);
    expect(c.data.cancelOrder).toMatchObject({ status: 'CANCELLED', version: 2, cancellationReason: 'No longer needed' });
    expect(codes(await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, t.supplier, 'ACCEPT', { id: o.id, v: 2 }), t.supplier))).toEqual(['INVALID_TRANSITION']);
  });

  it('accept past the 5-working-day deadline is refused', async () => {
    const o = mine()[5] ?? mine()[0]!;
    clock.set(new Date(o.acceptDeadline.getTime() + DAY));
    const t = await tokens(o);
    const r = await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, t.supplier, 'ACCEPT', { id: o.id, v: 1 }), t.supplier);
    expect(codes(r)).toEqual(['INVALID_TRANSITION']);
  });
});
