/**
 * PostgreSQL restarted under load. The database is a private server this file starts (initdb, pg_ctl),
 * migrated and seeded like the run's database: stopping the shared one would break other files, and the
 * embedded database cannot be restarted under a running platform. So this file runs on PostgreSQL only,
 * whichever database the run uses; without PostgreSQL's binaries it is skipped, saying why.
 *
 * While clients read, write and subscribe, the server stops (`pg_ctl stop -m fast`) and starts again, and
 * later restarts (`pg_ctl restart -m fast`) under load. Nothing is restarted but the database: every
 * service reconnects on its own; requests during the outage fail fast with SERVICE_UNAVAILABLE, none
 * waits past its timeout; the entity cache empties and refills; the outbox relays and LISTEN resume; the
 * subscriber sees every change once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import { TestClock } from '@aleumet/runtime';
import { SUBGRAPHS, startPlatform, type Platform } from '@aleumet/platform';
import { recipientIdentity, supplierIdentity, tokenFor } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { awaitingOrdersOf, personIndex, type DemoOrder } from '../awaiting-orders.js';
import { watch, type Watcher } from '../ws-watch.js';
import { privatePostgresMissing, startPrivatePostgres, type PrivatePostgres } from './private-postgres.js';

const DAY = 86_400_000;
/** The gateway's limit per subgraph request; nothing may take longer, outage or not. */
const SUBGRAPH_TIMEOUT_MS = 8_000;
const WATCH = `subscription($since: String) { orderStatusChanged(since: $since) { cursor status version order { id } } }`;
const ACCEPT = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`;
const READY = `mutation($id: ID!, $v: Int!) { markOrderReady(id: $id, version: $v) { id status version } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status version } }`;

interface Answer { data?: any; errors?: { message: string; extensions?: { code?: string } }[]; ms: number }

let pgServer: PrivatePostgres;
let platform: Platform;
const clients: Client[] = [];
const clock = new TestClock();

/** Two seeded orders awaiting the same supplier (any will do: the database is this file's own). */
function twoOfOneSupplier(): [DemoOrder, DemoOrder] {
  const all = awaitingOrdersOf(0, 1000);
  for (const o of all) {
    const other = all.find((p) => p !== o && p.supplierId === o.supplierId);
    if (other) return [o, other];
  }
  throw new Error('no supplier with two awaiting orders in the demo world');
}

async function post(query: string, variables: Record<string, unknown>, token: string): Promise<Answer> {
  const started = Date.now();
  try {
    const res = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      // Far beyond any limit of ours: reaching it is the hang this file is about.
      signal: AbortSignal.timeout(SUBGRAPH_TIMEOUT_MS * 4),
    });
    return { ...((await res.json()) as object), ms: Date.now() - started };
  } catch (e) {
    return { errors: [{ message: String(e), extensions: { code: 'CLIENT_TIMEOUT' } }], ms: Date.now() - started };
  }
}
const codesOf = (a: Answer) => (a.errors ?? []).map((e) => e.extensions?.code);

async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${ms} ms; last ${JSON.stringify(last)}`);
}

async function mutate(query: string, o: DemoOrder, token: string, reader: string): Promise<Answer> {
  // Within the order's time to answer.
  clock.set(new Date(o.createdAt.getTime() + DAY));
  const version = (await post(ORDER, { id: o.id }, reader)).data?.order?.version;
  const vars = { id: o.id, v: version };
  return post(query, query === ACCEPT ? await supplierSigned(platform.gateway.url, token, 'ACCEPT', vars) : vars, token);
}

/** Sessions LISTENing on the outbox channels (each subgraph relay's listener), from the server's view. */
async function outboxListeners(): Promise<number> {
  const c = new pg.Client({ connectionString: pgServer.url });
  try {
    await c.connect();
    const r = await c.query(`select count(*)::int as n from pg_stat_activity where query like 'listen "aleumet_outbox_%'`);
    return r.rows[0].n as number;
  } catch {
    return -1;
  } finally {
    await c.end().catch(() => {});
  }
}

/** Queries in a loop until stopped, each answer kept with its duration. */
function load(query: string, variables: Record<string, unknown>, token: string, parallel = 3) {
  const answers: Answer[] = [];
  let running = true;
  const loops = Array.from({ length: parallel }, async () => {
    while (running) {
      answers.push(await post(query, variables, token));
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  return { answers, stop: async () => { running = false; await Promise.all(loops); return answers; } };
}

function expectFailedFast(answers: Answer[]) {
  for (const a of answers) {
    expect(a.ms, JSON.stringify(a)).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 2_000);
    if (a.errors) expect(codesOf(a), JSON.stringify(a.errors)).toEqual(codesOf(a).map(() => 'SERVICE_UNAVAILABLE'));
  }
}

// Each step waits for reconnections (up to 45 s each on a loaded machine): a step's own waits say what was late.
describe.skipIf(privatePostgresMissing)(`PostgreSQL restarted under load${privatePostgresMissing ? ` (skipped: ${privatePostgresMissing})` : ''}`, { timeout: 150_000 }, () => {
  let a: DemoOrder, b: DemoOrder;
  let supplier: string, readerA: string, readerB: string;
  let events: Watcher;
  /** Sessions LISTENing for outbox events: one per subgraph with live events. */
  const listeners = SUBGRAPHS.filter((s) => s.startLive).length;
  /** Subscribed with the cursor of the first event while the server was down. */
  let resumed: Watcher;
  const subscriber = () => {
    const c = createClient({ url: platform.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${supplier}` }, retryAttempts: 0 });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    pgServer = await startPrivatePostgres();
    platform = await startPlatform({
      databaseUrl: pgServer.url, seed: true, clock, gatewayPort: 0,
      subgraphPorts: { people: 0, programs: 0, catalog: 0, orders: 0, finance: 0 },
      gatewayOptions: { subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS },
    });
    await platform.gateway.entityCache!.feed.started;
    [a, b] = twoOfOneSupplier();
    supplier = await tokenFor(supplierIdentity(a.supplierId));
    readerA = await tokenFor(recipientIdentity(personIndex(a.personId)));
    readerB = await tokenFor(recipientIdentity(personIndex(b.personId)));
    events = watch(subscriber(), { query: WATCH }, { pick: (d) => d.orderStatusChanged });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await platform?.close();
    await pgServer?.destroy();
  });

  it('serves reads, writes and the subscription before the outage, with the entity cache and LISTEN on', async () => {
    expect(platform.gateway.entityCache!.feed.connected).toBe(true);
    await until('every relay listening', outboxListeners, (n) => n === listeners);
    const accepted = await mutate(ACCEPT, a, supplier, readerA);
    expect(accepted.errors).toBeUndefined();
    await events.waitFor(1);
    // B read twice: the second answer comes from the entity cache.
    expect((await post(ORDER, { id: b.id }, readerB)).data.order.status).toBe('AWAITING_SUPPLIER');
    const hits = platform.gateway.entityCache!.stats.hits;
    expect((await post(ORDER, { id: b.id }, readerB)).data.order.status).toBe('AWAITING_SUPPLIER');
    expect(platform.gateway.entityCache!.stats.hits).toBeGreaterThan(hits);
    expect(platform.gateway.entityCache!.size).toBeGreaterThan(0);
  });

  it('while the server is down, requests fail fast with SERVICE_UNAVAILABLE, and the entity cache empties', async () => {
    const reads = load(ORDER, { id: a.id }, readerA);
    await until('load running', async () => reads.answers.length, (n) => n >= 3);
    await pgServer.stop();
    const cache = platform.gateway.entityCache!;
    await until('the cache sees the feed lost', async () => cache.feed.connected, (c) => !c);
    expect(cache.size).toBe(0);
    // A subscriber resuming from its cursor now: its replay waits for the database (the gateway resubscribes).
    resumed = watch(subscriber(), { query: WATCH, variables: { since: events.events[0].cursor } }, { pick: (d) => d.orderStatusChanged });
    const read = await post(ORDER, { id: b.id }, readerB);
    const write = await post(READY, { id: a.id, v: 2 }, supplier);
    const answers = await reads.stop();
    for (const r of [read, write]) {
      expect(codesOf(r), JSON.stringify(r)).toContain('SERVICE_UNAVAILABLE');
      expect(r.ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS);
    }
    expectFailedFast(answers);
    expect(answers.some((x) => codesOf(x).includes('SERVICE_UNAVAILABLE'))).toBe(true);
  });

  it('after the server is back, everything works again without restarting a service: no stale read, no lost or repeated event', async () => {
    await pgServer.start();
    await until('reads answer again', () => post(ORDER, { id: b.id }, readerB), (r) => !r.errors);
    await until('the entity cache listens again', async () => platform.gateway.entityCache!.feed.connected, Boolean);
    await until('the relays listen again', outboxListeners, (n) => n === listeners);

    // B changes: the next read through the gateway says so (the cache kept nothing from before).
    expect((await mutate(ACCEPT, b, supplier, readerB)).errors).toBeUndefined();
    expect((await post(ORDER, { id: b.id }, readerB)).data.order.status).toBe('ACCEPTED');
    // And the cache fills again: the same read once more is a hit.
    const cache = platform.gateway.entityCache!;
    const hits = cache.stats.hits;
    expect((await post(ORDER, { id: b.id }, readerB)).data.order.status).toBe('ACCEPTED');
    expect(cache.stats.hits).toBeGreaterThan(hits);
    expect(cache.size).toBeGreaterThan(0);
    // A change written by another process reaches this one over LISTEN (and the relay publishes it).
    const ready = await mutate(READY, a, supplier, readerA);
    expect(ready.errors).toBeUndefined();

    const got = await events.waitFor(3);
    expect(got.map((e) => [e.order.id, e.status])).toEqual([[a.id, 'ACCEPTED'], [b.id, 'ACCEPTED'], [a.id, 'READY']]);
    expect(new Set(got.map((e) => e.cursor)).size).toBe(3);
    // The subscriber that came back during the outage: what followed its cursor, once.
    expect((await resumed.waitFor(2)).map((e) => e.cursor)).toEqual(got.slice(1).map((e) => e.cursor));
  });

  it('restarted under load (pg_ctl restart -m fast): no request hangs, and writes and events carry on', async () => {
    const reads = load(ORDER, { id: b.id }, readerB);
    await until('load running', async () => reads.answers.length, (n) => n >= 3);
    await pgServer.restart();
    await until('reads answer again', () => post(ORDER, { id: b.id }, readerB), (r) => !r.errors);
    expectFailedFast(await reads.stop());
    const ready = await until('B marked ready', () => mutate(READY, b, supplier, readerB), (r) => !r.errors, 20_000);
    expect(ready.data.markOrderReady.status).toBe('READY');
    const got = await events.waitFor(4);
    expect(got.map((e) => [e.order.id, e.status])).toEqual([[a.id, 'ACCEPTED'], [b.id, 'ACCEPTED'], [a.id, 'READY'], [b.id, 'READY']]);
    // Nothing repeated meanwhile (the relays' catch-up after LISTEN came back).
    await until('the relays listen again', outboxListeners, (n) => n === listeners);
    expect(events.events).toHaveLength(4);
    expect(resumed.events.map((e) => e.cursor)).toEqual(got.slice(1).map((e) => e.cursor));
    expect([...events.errors, ...resumed.errors]).toEqual([]);
  });
});
