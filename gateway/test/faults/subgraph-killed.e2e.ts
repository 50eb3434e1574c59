/**
 * The orders subgraph killed (SIGKILL) while it relays events. Orders runs as a process of its own behind a
 * gateway; recipients cancel their orders, several at once, and the process dies right after the first of
 * those commits, the others still in flight. It is started again on the same port. A subscriber that stayed
 * connected to the gateway (which resubscribes upstream from its last cursor) and one that disconnected
 * and came back with `since` = its last cursor both end up with exactly the events in the outbox: none
 * lost, none twice, in order. Cancellations that failed with the process are retried by their clients.
 * Runs on both databases. Recipients 520–559 belong to this file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { ROOT, SUPERGRAPH_PATH, type Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { gql, integratorIdentity, recipientIdentity, sql, testDatabaseUrl, tokenFor } from '@aleumet/testkit';
import { positionCursor } from '@aleumet/events';
import { startGateway, type RunningGateway } from '../../src/index.js';
import { awaitingOrdersOf, personIndex } from '../awaiting-orders.js';
import { freePort } from '../federation/harness.js';
import { watch, type Watcher } from '../ws-watch.js';

const WATCH = `subscription($since: String) { orderStatusChanged(since: $since) { cursor status version order { id } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status version } }`;
const CANCEL = `mutation($id: ID!, $v: Int!, $r: String!) { cancelOrder(id: $id, version: $v, reason: $r) { id status version } }`;

let platform: Platform;
let gateway: RunningGateway;
let orders: ChildProcess | undefined;
let ordersPort: number;
let ordersOutput = '';
const clients: Client[] = [];
const mine = () => awaitingOrdersOf(520, 560).slice(0, 6);

/** The orders subgraph as a process of its own (compiled, as `npm start` runs it), on `ordersPort`. */
async function startOrders(): Promise<void> {
  const peers = Object.fromEntries(Object.values(platform.subgraphs).filter((s) => s.name !== 'orders').map((s) => [`${s.name.toUpperCase()}_URL`, s.url]));
  const proc = spawn(process.execPath, [path.join(ROOT, 'subgraphs/orders/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...peers, ORDERS_URL: `http://127.0.0.1:${ordersPort}/graphql`, DATABASE_URL: testDatabaseUrl(), PORT: String(ordersPort), MIGRATE: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (ordersOutput += d));
  proc.stderr!.on('data', (d) => (ordersOutput += d));
  orders = proc;
  await until('orders answers /health', async () => {
    if (proc.exitCode !== null) throw new Error(`orders exited with ${proc.exitCode}:\n${ordersOutput}`);
    return (await fetch(`http://127.0.0.1:${ordersPort}/health`).then((r) => r.status, () => 0)) === 200;
  }, 150_000);
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  platform = await startTestPlatform();
  ordersPort = await freePort();
  await startOrders();
  gateway = await startGateway({
    supergraphPath: SUPERGRAPH_PATH,
    port: 0,
    subgraphUrls: { ...Object.fromEntries(Object.values(platform.subgraphs).map((s) => [s.name, s.url])), orders: `http://127.0.0.1:${ordersPort}/graphql` },
    security: { databaseUrl: platform.databaseUrl },
  });
}, 300_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await gateway?.close();
  if (orders && orders.exitCode === null && orders.signalCode === null) {
    orders.kill('SIGTERM');
    await new Promise((r) => orders!.once('exit', r));
  }
  await platform?.close();
});

const subscriber = (token: string) => {
  const c = createClient({ url: gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(c);
  return c;
};

/** Cancels an order as its recipient; true when it is cancelled (now or by an earlier attempt). */
async function cancel(orderId: string, personId: string): Promise<boolean> {
  const token = await tokenFor(recipientIdentity(personIndex(personId)));
  try {
    const current = await gql(gateway.url, ORDER, { id: orderId }, token);
    if (current.errors) return false;
    if (current.data.order.status === 'CANCELLED') return true;
    const r = await gql(gateway.url, CANCEL, { id: orderId, v: current.data.order.version, r: 'Changed my mind' }, token);
    return !r.errors && r.data.cancelOrder.status === 'CANCELLED';
  } catch {
    return false;
  }
}

/** The cursors of these orders' cancellations, in the order the relay placed them (null: not placed yet). */
const outboxEvents = (ids: string[]) =>
  sql<{ position: string | null }>(`select position from orders.outbox where kind = 'event' and entity_id = any($1::uuid[]) and status = 'CANCELLED' order by position nulls last`, [ids]).then((r) =>
    r.map((x) => (x.position === null ? null : positionCursor(Number(x.position)))),
  );

it('subscribers resume from their cursor: nothing lost, nothing twice', async () => {
  const list = mine();
  expect(list.length).toBeGreaterThanOrEqual(5);
  const ids = list.map((o) => o.id);
  const ours = (e: any) => ids.includes(e.order?.id) && e.status === 'CANCELLED';
  const token = await tokenFor(integratorIdentity(['orders:read']));
  const stays = watch(subscriber(token), { query: WATCH }, { pick: (d) => d.orderStatusChanged, keep: ours });
  let leaves: Watcher = watch(subscriber(token), { query: WATCH }, { pick: (d) => d.orderStatusChanged, keep: ours });
  await until('subscribed upstream', () => gateway.subscriptions.engine.primaries.size >= 1);
  await new Promise((r) => setTimeout(r, 300));

  // Before: two cancellations, seen by both.
  for (const o of list.slice(0, 2)) expect(await cancel(o.id, o.personId)).toBe(true);
  await stays.waitFor(2);
  const [, last] = await leaves.waitFor(2);
  leaves.stop();

  // The rest at once; orders dies as soon as the first of them is committed.
  const rest = list.slice(2);
  const before = (await outboxEvents(ids)).length;
  const attempts = rest.map((o) => cancel(o.id, o.personId));
  await until('a cancellation committed', async () => (await outboxEvents(ids)).length > before, 60_000);
  orders!.kill('SIGKILL');
  await new Promise((r) => orders!.once('exit', r));
  const done = await Promise.all(attempts);
  await startOrders();
  // Clients retry what failed with the process.
  for (const [i, o] of rest.entries()) if (!done[i]) expect(await until(`order ${o.id} cancelled`, () => cancel(o.id, o.personId), 30_000).then(() => true)).toBe(true);

  await until('every cancellation placed by the relay', async () => !(await outboxEvents(ids)).includes(null));
  const expected = await outboxEvents(ids);
  expect(expected).toHaveLength(list.length);
  // Still connected through the gateway: every event once, in the order they were committed (placed).
  const seen = await stays.waitFor(expected.length, 45_000);
  expect(seen.map((e) => e.cursor)).toEqual(expected);
  // Came back with its cursor: the rest, once each, in the same order.
  leaves = watch(subscriber(token), { query: WATCH, variables: { since: last.cursor } }, { pick: (d) => d.orderStatusChanged, keep: ours });
  const resumed = await leaves.waitFor(expected.length - 2, 45_000);
  expect(resumed.map((e) => e.cursor)).toEqual(expected.slice(2));
  // Nothing more arrives later (no repeat from a catch-up).
  await new Promise((r) => setTimeout(r, 1_500));
  expect(stays.kept()).toHaveLength(expected.length);
  expect(leaves.kept()).toHaveLength(expected.length - 2);
  expect([...stays.errors, ...leaves.errors]).toEqual([]);
}, 240_000);
