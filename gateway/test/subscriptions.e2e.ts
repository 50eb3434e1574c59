import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { Scheduler, TestClock } from '@aleumet/runtime';
import { startSubgraph } from '@aleumet/subgraph-kit';
import { definition as ordersDefinition } from '@aleumet/orders';
import type { Platform } from '@aleumet/platform';
import { recordEvent } from '@aleumet/events';
import { cursorAt } from '../src/subscriptions/engine.js';
import { startTestPlatform } from '@aleumet/platform/testing';
import { gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { awaitingOrdersOf, personIndex, type DemoOrder } from './awaiting-orders.js';
import { watch as watchSubscription } from './ws-watch.js';

const DAY = 86_400_000;
const WATCH = `subscription Watch($id: ID, $since: String) {
  orderStatusChanged(orderId: $id, since: $since) {
    cursor status version
    order {
      id status version
      measure { kind person { fullName } }
      offering { title supplier { name } }
      claim { statePart coPayment }
    }
  }
}`;
const ACCEPT = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`;
const READY = `mutation($id: ID!, $v: Int!) { markOrderReady(id: $id, version: $v) { id status version } }`;
const HANDOVER = `mutation($id: ID!, $v: Int!) { confirmHandover(id: $id, version: $v) { id status version } }`;

// Seeded orders awaiting their supplier of recipients 800–900, kept for this file.
const mine = () => awaitingOrdersOf(800, 900);

let platform: Platform;
const clock = new TestClock();
const clients: Client[] = [];
let wsUrl: string;
let restarted: Awaited<ReturnType<typeof startSubgraph>> | undefined;

beforeAll(async () => {
  // A wide callers window: per-event fetches of different subscribers of one event always go as one batch here.
  platform = await startTestPlatform({ clock, gatewayOptions: { callersWindowMs: 100 } });
  wsUrl = platform.gateway.url.replace(/^http/, 'ws');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await restarted?.close();
  await platform?.close();
});

function client(token: string): Client {
  const c = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(c);
  return c;
}

const watch = (c: Client, variables: Record<string, unknown>) => watchSubscription(c, { query: WATCH, variables }, { pick: (d) => d.orderStatusChanged });

async function currentVersion(o: DemoOrder, token: string): Promise<number> {
  const r = await gql(platform.gateway.url, 'query($id: ID!) { order(id: $id) { version } }', { id: o.id }, token);
  return r.data.order.version;
}

async function mutate(query: string, o: DemoOrder, token: string) {
  clock.set(new Date(o.createdAt.getTime() + DAY));
  const vars = { id: o.id, v: await currentVersion(o, token) };
  const r = await gql(platform.gateway.url, query, query === ACCEPT ? await supplierSigned(platform.gateway.url, token, 'ACCEPT', vars) : vars, token);
  expect(r.errors).toBeUndefined();
  return r.data;
}

/** Subscriptions register on the subgraph asynchronously: give them a moment before changing things. */
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

function closeCode(connectionParams: Record<string, unknown> | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', ...(connectionParams ? { payload: connectionParams } : {}) })));
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

describe('federated subscriptions through the gateway', () => {
  it('has enough orders for this file', () => {
    expect(mine().length).toBeGreaterThanOrEqual(6);
  });

  it('closes connections without a token (4401) or with a bad one (4403)', async () => {
    expect(await closeCode(undefined)).toBe(4401);
    expect(await closeCode({ authorization: 'Bearer not-a-token' })).toBe(4403);
  });

  it('a status change made by a mutation reaches the recipient and the supplier with fields from five subgraphs, and nobody else', async () => {
    const [o, other] = mine();
    const recipient = await tokenFor(recipientIdentity(personIndex(o!.personId)));
    const supplier = await tokenFor(supplierIdentity(o!.supplierId));
    // Another recipient of this file's range, and a supplier of another order, watching everything they may see.
    const outsider = await tokenFor(recipientIdentity(personIndex(other!.personId)));
    const otherSupplierId = world().suppliers.find((s) => s.id !== o!.supplierId)!.id;
    const otherSupplier = await tokenFor(supplierIdentity(otherSupplierId));

    const byRecipient = watch(client(recipient), { id: o!.id });
    const bySupplier = watch(client(supplier), { id: o!.id });
    const byOutsider = watch(client(outsider), {});
    const byOtherSupplier = watch(client(otherSupplier), {});
    // Asking for somebody else's order by id is refused outright.
    const refused = watch(client(outsider), { id: o!.id });
    await settle();

    await mutate(ACCEPT, o!, supplier);
    const [r] = await byRecipient.waitFor(1);
    const [s] = await bySupplier.waitFor(1);
    const w = world();
    const offering = w.offerings.find((f) => f.id === o!.offeringId)!;
    const claim = w.claims.find((c) => c.orderId === o!.id)!;
    const person = w.persons.find((p) => p.id === o!.personId)!;
    const expected = {
      status: 'ACCEPTED',
      version: 2,
      order: {
        id: o!.id,
        status: 'ACCEPTED',
        version: 2,
        measure: { kind: w.measures.find((m) => m.id === o!.measureId)!.kind, person: { fullName: expect.stringContaining(person.lastName) } },
        offering: { title: offering.title, supplier: { name: w.suppliers.find((x) => x.id === o!.supplierId)!.name } },
        claim: { statePart: claim.statePart, coPayment: claim.coPayment },
      },
    };
    expect(r).toMatchObject(expected);
    expect(s).toMatchObject(expected);
    expect(r.cursor).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.cursor).toBe(s.cursor);

    await settle(500);
    expect(byOutsider.events).toEqual([]);
    expect(byOtherSupplier.events).toEqual([]);
    expect(byRecipient.events).toHaveLength(1);
    expect(refused.events).toEqual([]);
    expect(JSON.stringify(refused.errors)).toContain('FORBIDDEN');
    for (const x of [byRecipient, bySupplier, byOutsider, byOtherSupplier]) x.stop();
  });

  it('reconnecting with since delivers the missed events exactly once, then live ones', async () => {
    const o = mine()[2]!;
    const recipient = await tokenFor(recipientIdentity(personIndex(o.personId)));
    const supplier = await tokenFor(supplierIdentity(o.supplierId));

    const first = watch(client(recipient), { id: o.id });
    await settle();
    await mutate(ACCEPT, o, supplier);
    const [accepted] = await first.waitFor(1);
    expect(accepted.status).toBe('ACCEPTED');
    first.stop();

    // Offline: two changes happen (ready; the supplier's handover confirmation, which keeps the status but not the version).
    await mutate(READY, o, supplier);
    await mutate(HANDOVER, o, supplier);

    const resumed = watch(client(recipient), { id: o.id, since: accepted.cursor });
    const [ready, confirmed] = await resumed.waitFor(2);
    expect(ready).toMatchObject({ status: 'READY', version: 3, order: { id: o.id } });
    expect(ready.cursor > accepted.cursor).toBe(true);
    expect(confirmed).toMatchObject({ status: 'READY', version: 4 });

    // Then live: the recipient confirms too, the order is handed over.
    await mutate(HANDOVER, o, recipient);
    const events = await resumed.waitFor(3);
    expect(events[2]).toMatchObject({ status: 'HANDED_OVER', version: 5 });
    await settle(500);
    expect(resumed.events.map((e) => [e.status, e.version])).toEqual([['READY', 3], ['READY', 4], ['HANDED_OVER', 5]]);
    expect(new Set(resumed.events.map((e) => e.cursor)).size).toBe(3);
    resumed.stop();
  });

  it('killing and restarting the orders subgraph mid-subscription resumes delivery', async () => {
    const o = mine()[3]!;
    const supplier = await tokenFor(supplierIdentity(o.supplierId));
    const recipient = await tokenFor(recipientIdentity(personIndex(o.personId)));
    const bySupplier = watch(client(supplier), { id: o.id });
    const byRecipient = watch(client(recipient), { id: o.id });
    await settle();
    await mutate(ACCEPT, o, supplier);
    await bySupplier.waitFor(1);
    await byRecipient.waitFor(1);

    const old = platform.subgraphs.orders;
    const port = Number(new URL(old.url).port);
    await old.close();
    // While it is down, the gateway keeps the client subscriptions open and retries.
    await settle(300);
    expect(bySupplier.completed).toBe(false);
    // Same clock and peers; its own scheduler (the old process's jobs went with it).
    const runtime = { ...platform.runtime, scheduler: new Scheduler(clock) };
    restarted = await startSubgraph(ordersDefinition, { databaseUrl: platform.databaseUrl, port, runtime });
    platform.subgraphs.orders = restarted;

    // Changed right away, possibly before the gateway has re-subscribed: the resume replays it.
    await mutate(READY, o, supplier);
    const events = await bySupplier.waitFor(2);
    expect(events.map((e) => e.status)).toEqual(['ACCEPTED', 'READY']);
    expect(events[1].order).toMatchObject({ status: 'READY', offering: { supplier: { name: expect.any(String) } } });
    await byRecipient.waitFor(2);
    await settle(500);
    expect(byRecipient.events.map((e) => e.status)).toEqual(['ACCEPTED', 'READY']);
    expect(bySupplier.errors).toEqual([]);
  });

  it('incomingOrders delivers a new order to its supplier, not an accept (measureStatusChanged: measure-subscriptions.e2e.ts)', async () => {
    const o = mine()[4]!;
    const supplier = await tokenFor(supplierIdentity(o.supplierId));
    const incoming: any[] = [];
    client(supplier).subscribe(
      { query: 'subscription { incomingOrders { orderId status order { id offering { title } } } }' },
      { next: (r) => incoming.push(r.data?.incomingOrders ?? r.errors), error: (e) => incoming.push(e), complete: () => {} },
    );
    await settle();
    await mutate(ACCEPT, o, supplier);
    const until = Date.now() + 15_000;

    // A new order for this supplier (as the order-creation mutation records it: AWAITING_SUPPLIER, version 1).
    const em = platform.subgraphs.orders.orm.em.fork();
    await em.transactional(async (tx) => {
      recordEvent(tx, { type: 'ORDER_STATUS_CHANGED', entityType: 'Order', entityId: o.id, status: 'AWAITING_SUPPLIER', version: 1, payload: { personId: o.personId, supplierId: o.supplierId, regionCode: o.regionCode, measureId: o.measureId } });
    });
    while (incoming.length < 1 && Date.now() < until + 15_000) await settle(25);
    expect(incoming[0]).toMatchObject({ orderId: o.id, status: 'AWAITING_SUPPLIER', order: { id: o.id, offering: { title: expect.any(String) } } });
    await settle(300);
    // The accept itself was not an incoming order.
    expect(incoming).toHaveLength(1);
  });

  it('per-event fetches go through the gateway transport; subscriptions with the same token share them per event, other callers never, and go to each subgraph as one callers batch', async () => {
    const o = mine()[5];
    if (!o) throw new Error('not enough orders for this test');
    const recipient = await tokenFor(recipientIdentity(personIndex(o.personId)));
    const supplier = await tokenFor(supplierIdentity(o.supplierId));
    const engine = platform.gateway.subscriptions.engine;
    // One keep-alive pool per gateway: the one HTTP queries use.
    expect(engine.transport).toBe(platform.gateway.transport);
    // The same caller twice (a second tab resuming from a minute ago: its own upstream subscription), and the supplier.
    const live = watch(client(recipient), { id: o.id });
    const resumed = watch(client(recipient), { id: o.id, since: cursorAt(Date.now() - 60_000) });
    const bySupplier = watch(client(supplier), { id: o.id });
    await settle();
    const before = { ...engine.stats() };
    const requestsBefore = platform.gateway.transport.stats.subgraphRequests;
    await mutate(ACCEPT, o, supplier);
    const [a] = await live.waitFor(1);
    const [b] = await resumed.waitFor(1);
    const [c] = await bySupplier.waitFor(1);
    await settle(200);
    for (const e of [b, c]) expect(e).toEqual(a);
    expect(a.order).toMatchObject({ id: o.id, status: 'ACCEPTED', offering: { supplier: { name: expect.any(String) } }, claim: { statePart: expect.any(Number) } });
    const fetches = engine.stats().eventFetches - before.eventFetches;
    const shared = engine.stats().eventFetchesShared - before.eventFetchesShared;
    // Three executions of the same plan for the same event: the recipient's two share every fetch, the supplier's share none.
    expect(fetches).toBeGreaterThan(0);
    expect(fetches % 3).toBe(0);
    expect(shared).toBe(fetches / 3);
    // The recipient's own and the supplier's fetches (different tokens) went to each subgraph as one callers batch.
    const batched = engine.stats().eventFetchesBatched - before.eventFetchesBatched;
    expect(batched).toBe((fetches / 3) * 2);
    expect(engine.stats().eventFetchBatches - before.eventFetchBatches).toBe(fetches / 3);
    // The fetches made went through the gateway's transport (with the mutation's own subgraph requests).
    expect(platform.gateway.transport.stats.subgraphRequests - requestsBefore).toBeGreaterThanOrEqual(fetches - shared);
    for (const w of [live, resumed, bySupplier]) w.stop();
  });

  it('runs queries over the same WebSocket, with the same authorization', async () => {
    const o = mine()[1]!;
    const recipient = await tokenFor(recipientIdentity(personIndex(o.personId)));
    const c = client(recipient);
    const result = await new Promise<any>((resolve, reject) => {
      let got: any;
      c.subscribe({ query: 'query($id: ID!) { order(id: $id) { id status offering { title } } }', variables: { id: o.id } }, { next: (r) => (got = r), error: reject, complete: () => resolve(got) });
    });
    expect(result.data.order).toMatchObject({ id: o.id, status: 'AWAITING_SUPPLIER', offering: { title: expect.any(String) } });
  });

  it('a gateway shutdown completes open subscriptions before closing the sockets', async () => {
    const o = mine()[1]!;
    const recipient = await tokenFor(recipientIdentity(personIndex(o.personId)));
    const w = watch(client(recipient), { id: o.id });
    await settle();
    const closed = new Promise<number>((resolve) => {
      const c = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${recipient}` }, retryAttempts: 0, lazy: false, on: { closed: (e) => resolve((e as { code: number }).code) } });
      clients.push(c);
    });
    await settle(200);
    await platform.gateway.close();
    platform.gateway.close = async () => {}; // closed here; afterAll closes the rest of the platform
    expect(w.completed).toBe(true);
    expect(w.errors).toEqual([]);
    expect(await closed).toBe(1001);
  });
});
