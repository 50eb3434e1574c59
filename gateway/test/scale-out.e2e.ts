import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import { TestClock, createRuntime, type SubgraphRuntime } from '@aleumet/runtime';
import { startSubgraph, type RunningSubgraph } from '@aleumet/subgraph-kit';
import { definition as ordersDefinition } from '@aleumet/orders';
import { SUPERGRAPH_PATH, type Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { gql, recipientIdentity, supplierIdentity, tokenFor } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { startGateway, type RunningGateway } from '../src/index.js';
import { awaitingOrdersOf, personIndex, type DemoOrder } from './awaiting-orders.js';
import { watch } from './ws-watch.js';

/**
 * More than one machine on one PostgreSQL: gateway A with its subgraphs (orders replica 1), and gateway B
 * whose orders calls go to a second orders replica with a scheduler of its own. What one side changes,
 * the other sees: subscriptions, the entity cache, scheduled jobs.
 */
const DAY = 86_400_000;
const WATCH = `subscription($id: ID) { orderStatusChanged(orderId: $id) { cursor status version order { id status } } }`;
const ACCEPT = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`;
const READY = `mutation($id: ID!, $v: Int!) { markOrderReady(id: $id, version: $v) { id status version } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status version } }`;

// Seeded orders awaiting their supplier of recipients 660–700, kept for this file.
const mine = () => awaitingOrdersOf(660, 700);

const clock = new TestClock();
let a: Platform;
let b: RunningGateway;
let orders2: RunningSubgraph;
let runtime2: SubgraphRuntime;
const clients: Client[] = [];

beforeAll(async () => {
  a = await startTestPlatform({ clock });
  // Replica 2 of orders: its own runtime (scheduler, peers), as on another machine.
  runtime2 = createRuntime(clock);
  for (const [name, s] of Object.entries(a.subgraphs)) runtime2.peers.set(name as never, s.url);
  orders2 = await startSubgraph(ordersDefinition, { databaseUrl: a.databaseUrl, runtime: runtime2, port: 0 });
  runtime2.peers.set('orders', orders2.url);
  b = await startGateway({
    supergraphPath: SUPERGRAPH_PATH,
    port: 0,
    subgraphUrls: { ...Object.fromEntries(Object.entries(a.subgraphs).map(([n, s]) => [n, s.url])), orders: orders2.url },
    security: { databaseUrl: a.databaseUrl },
    entityCache: { databaseUrl: a.databaseUrl },
  });
  await Promise.all([a.gateway.entityCache!.feed.started, b.entityCache!.feed.started]);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await b?.close();
  await runtime2?.scheduler.stop();
  await orders2?.close();
  await a?.close();
});

const subscriber = (gateway: string, token: string) => {
  const c = createClient({ url: gateway.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(c);
  return c;
};
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

async function mutateVia(url: string, query: string, o: DemoOrder, token: string) {
  clock.set(new Date(o.createdAt.getTime() + DAY));
  const version = (await gql(url, ORDER, { id: o.id }, token)).data.order.version;
  const vars = { id: o.id, v: version };
  const r = await gql(url, query, query === ACCEPT ? await supplierSigned(url, token, 'ACCEPT', vars) : vars, token);
  expect(r.errors).toBeUndefined();
  return r.data;
}

describe('two gateways and two orders replicas on one database', () => {
  it('has orders for this file, and both gateways hear the change channel', () => {
    expect(mine().length).toBeGreaterThanOrEqual(2);
    expect(a.gateway.entityCache!.feed.connected).toBe(true);
    expect(b.entityCache!.feed.connected).toBe(true);
  });

  it('a subscription on gateway A receives a change made through gateway B, exactly once, though both replicas relay', async () => {
    const [o] = mine();
    const recipient = await tokenFor(recipientIdentity(personIndex(o!.personId)));
    const supplier = await tokenFor(supplierIdentity(o!.supplierId));
    const onA = watch(subscriber(a.gateway.url, recipient), { query: WATCH, variables: { id: o!.id } }, { pick: (d) => d.orderStatusChanged });
    const onB = watch(subscriber(b.url, recipient), { query: WATCH, variables: { id: o!.id } }, { pick: (d) => d.orderStatusChanged });
    await settle();

    await mutateVia(b.url, ACCEPT, o!, supplier);
    const [viaA] = await onA.waitFor(1);
    const [viaB] = await onB.waitFor(1);
    expect(viaA).toMatchObject({ status: 'ACCEPTED', order: { id: o!.id, status: 'ACCEPTED' } });
    expect(viaB.cursor).toBe(viaA.cursor);
    // Both replicas ran their relays meanwhile (publisher, LISTEN, polling): still one delivery each.
    await settle(1_500);
    expect(onA.events).toHaveLength(1);
    expect(onB.events).toHaveLength(1);
  });

  it('the entity cache of gateway A drops an answer when gateway B writes', async () => {
    const [, o] = mine();
    const recipient = await tokenFor(recipientIdentity(personIndex(o!.personId)));
    const supplier = await tokenFor(supplierIdentity(o!.supplierId));
    await mutateVia(b.url, ACCEPT, o!, supplier);
    const before = (await gql(a.gateway.url, ORDER, { id: o!.id }, recipient)).data.order;
    const hits = a.gateway.entityCache!.stats.hits;
    expect((await gql(a.gateway.url, ORDER, { id: o!.id }, recipient)).data.order).toEqual(before);
    expect(a.gateway.entityCache!.stats.hits).toBeGreaterThan(hits);

    await mutateVia(b.url, READY, o!, supplier);
    // The very next read on A: no waiting, no stale answer.
    const after = (await gql(a.gateway.url, ORDER, { id: o!.id }, recipient)).data.order;
    expect(after.version).toBe(before.version + 1);
    expect(after.status).not.toBe(before.status);
  });

  it('a scheduled job runs on one replica at a time', async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    const probe = async () => {
      runs++;
      most = Math.max(most, ++concurrent);
      await settle(300);
      concurrent--;
    };
    a.runtime.scheduler.register('orders:scale-probe', probe);
    runtime2.scheduler.register('orders:scale-probe', probe);
    try {
      await Promise.all([a.runtime.scheduler.runAll({ only: ['orders:scale-probe'] }), runtime2.scheduler.runAll({ only: ['orders:scale-probe'] })]);
      expect(runs).toBe(1);
      expect(most).toBe(1);
      // Not a one-off: the next tick runs it again (on whichever replica).
      await runtime2.scheduler.runAll({ only: ['orders:scale-probe'] });
      expect(runs).toBe(2);
    } finally {
      a.runtime.scheduler.unregister('orders:scale-probe');
      runtime2.scheduler.unregister('orders:scale-probe');
    }
  });

  // A replica in another process holds the job: PostgreSQL's advisory lock (the embedded database is
  // one session shared by every connection, and one process: there the in-process check above decides).
  it.skipIf(!process.env.DATABASE_URL)('skips a job another process is running (its advisory lock is held), and runs it once that one is done', async () => {
    const other = new pg.Client({ connectionString: a.databaseUrl });
    await other.connect();
    let runs = 0;
    runtime2.scheduler.register('orders:lock-probe', async () => void runs++);
    try {
      // The job's key, computed as job-lock.ts does: hold it from this other session.
      let h = 0x6a0b;
      for (const c of 'job:orders:lock-probe') h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
      expect((await other.query('select pg_try_advisory_lock($1) as ok', [h])).rows[0].ok).toBe(true);
      await runtime2.scheduler.runAll({ only: ['orders:lock-probe'] });
      expect(runs).toBe(0);
      await other.query('select pg_advisory_unlock($1)', [h]);
      await runtime2.scheduler.runAll({ only: ['orders:lock-probe'] });
      expect(runs).toBe(1);
    } finally {
      runtime2.scheduler.unregister('orders:lock-probe');
      await other.end();
    }
  });
});
