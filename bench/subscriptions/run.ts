/**
 * Subscription benchmark (not a test): N graphql-ws subscribers on one gateway, status changes
 * driven through the real order mutations, delivery latency (event time → client receipt)
 * and the gateway's memory.
 *
 *   npm run bench:subscriptions -- [--subscribers 1000] [--changes 50] [--fanout 3] [--share-tokens]
 *                                   [--concurrency 8 | --rate <changes per second>] [--subgraph-processes each|one]
 *
 * Subscribers connect in batches of 200 (the next batch once this one is acknowledged): a ramp, not a
 * stampede of N simultaneous handshakes. Each of the `--changes` orders that go through accept → ready → handover
 * has `--fanout` subscribers (3: its recipient, its supplier, its region's department; more: further
 * subscribers of those roles, each with its own token); the other N − changes × fanout subscribers watch the
 * demo world's quiet orders (1,188 of them: about 8 each at N = 10,000), which cost memory and a place in every
 * process's subscription tables, not deliveries. Every subscriber has its own connection and its own token
 * (unless --share-tokens).
 * Changes run closed-loop, `--concurrency` at a time as fast as they complete (latency under saturation), or
 * open-loop at `--rate` changes per second (latency at a given load, the way a live system meets its events).
 *
 * Database: DATABASE_URL (a fresh database on that server, dropped afterwards) or embedded PostgreSQL.
 * No two parts share an event loop: the subgraphs run in children (subgraphs-child.ts), one per subgraph as
 * in production (compose.yaml), or all five in one with `--subgraph-processes one`; the first also holds the
 * embedded database. The gateway runs in another child (its memory alone is reported); the load generator
 * and the N client sockets here. Each reports its CPU time and event-loop utilization over the rounds.
 * Results: printed, and written to bench/results/subscriptions-<N>-<time>.json.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { Role, signToken, type Identity } from '@aleumet/core';
import { buildWorld, type DemoOrder } from '@aleumet/demo-data';
import { ROOT, SUPERGRAPH_PATH } from '@aleumet/platform';
import { supplierSigned } from '@aleumet/testkit/nca';

const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: process.env.BENCH_SUBSCRIBERS ?? '1000' },
    changes: { type: 'string', default: '50' },
    fanout: { type: 'string', default: '3' },
    rate: { type: 'string' },
    'subgraph-processes': { type: 'string', default: 'each' },
    warmup: { type: 'string', default: '10' },
    /** The gateway's callers window (ms; 0: each subscriber's per-event fetches go alone, as before callers batches). */
    'callers-window-ms': { type: 'string' },
    'share-tokens': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '8' },
    'round-timeout': { type: 'string', default: '60000' },
  },
});
const N = Number(args.subscribers);
const CHANGES = Number(args.changes);
const FANOUT = Math.max(1, Number(args.fanout));
const RATE = args.rate === undefined ? undefined : Number(args.rate);
const WARMUP = Number(args.warmup);
const CONCURRENCY = Number(args.concurrency);
const ROUND_TIMEOUT = Number(args['round-timeout']);
const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line: string) => console.log(`[bench] ${line}`);
/** BENCH_CPU_PROF=<dir>: the gateway and subgraph processes run with --cpu-prof (profiles written there at exit). */
const childExecArgv = process.env.BENCH_CPU_PROF ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : undefined;

const SUBSCRIPTION = `subscription($id: ID) {
  orderStatusChanged(orderId: $id) {
    cursor status occurredAt
    order { id status version measure { kind } offering { title supplier { name } } claim { statePart } }
  }
}`;

// ---------- gateway child ----------
interface ProcessLoad { cpu: NodeJS.CpuUsage; elu: EventLoopUtilization }
interface GatewayStats extends ProcessLoad {
  fds: number; rss: number; heapUsed: number; external: number; subscriptions: number; upstreamSubscriptions: number; upstreamConnections: number;
  subgraphRequests: number; subgraphConnections: number; eventFetches?: number; eventFetchesShared?: number; eventFetchesBatched?: number; eventFetchBatches?: number;
}
interface SubgraphStats extends ProcessLoad { rss: number; heapUsed: number }

/** The subgraphs' process (subgraphs-child.ts): database, migrations, seed, five subgraphs. */
class SubgraphsProcess {
  private pending: ((s: SubgraphStats) => void)[] = [];
  exited?: { code: number | null; signal: string | null };
  private closing = false;
  constructor(readonly child: ChildProcess, readonly ready: { dbUrl: string; kind: string; urls: Record<string, string> }) {
    child.on('exit', (code, signal) => {
      if (!this.closing) {
        this.exited = { code, signal };
        console.error(`[bench] the subgraph process exited (code ${code}, signal ${signal})`);
      }
    });
    child.on('message', (m: { type: string } & SubgraphStats) => {
      if (m.type === 'stats') this.pending.shift()?.(m);
    });
  }
  static async start(clockStart: number, only: string[], dbUrl?: string): Promise<SubgraphsProcess> {
    const env = { ...process.env, BENCH_CLOCK_START: String(clockStart), BENCH_ONLY: only.join(','), ...(dbUrl ? { BENCH_DB_URL: dbUrl } : {}) };
    const child = fork(path.join(here, 'subgraphs-child.js'), [], { execArgv: childExecArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await new Promise<SubgraphsProcess['ready']>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the subgraph process exited with ${code}`)));
      child.on('message', (m: { type: string } & SubgraphsProcess['ready']) => m.type === 'ready' && resolve(m));
    });
    child.removeAllListeners('exit');
    return new SubgraphsProcess(child, ready);
  }
  stats(): Promise<SubgraphStats> {
    return new Promise((resolve, reject) => {
      if (!this.child.connected) return reject(new Error('the subgraph process is gone'));
      const timer = setTimeout(() => reject(new Error('the subgraph process did not answer stats within 10 s')), 10_000);
      this.pending.push((s) => {
        clearTimeout(timer);
        resolve(s);
      });
      this.child.send({ type: 'stats' });
    });
  }
  peers(urls: Record<string, string>) {
    this.child.send({ type: 'peers', urls });
  }
  async close() {
    this.closing = true;
    if (!this.child.connected) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.send({ type: 'close' });
    await Promise.race([exited, sleep(30_000)]);
  }
}

/**
 * The subgraphs in one process, or one process per subgraph as compose.yaml runs them in production
 * (`--subgraph-processes each`). Started one after another: the first creates the database and
 * migrations and seeds run in order; then every process learns where the others are.
 */
class SubgraphGroup {
  constructor(readonly processes: SubgraphsProcess[], readonly names: string[][]) {}
  static async start(clockStart: number, groups: string[][]): Promise<SubgraphGroup> {
    const processes: SubgraphsProcess[] = [];
    try {
      for (const only of groups) processes.push(await SubgraphsProcess.start(clockStart, only, processes[0]?.ready.dbUrl));
    } catch (e) {
      for (const p of processes.reverse()) await p.close();
      throw e;
    }
    const urls = Object.assign({}, ...processes.map((p) => p.ready.urls)) as Record<string, string>;
    for (const p of processes) p.peers(urls);
    return new SubgraphGroup(processes, groups);
  }
  get ready() {
    return { ...this.processes[0]!.ready, urls: Object.assign({}, ...this.processes.map((p) => p.ready.urls)) as Record<string, string> };
  }
  get exited() {
    return this.processes.find((p) => p.exited)?.exited;
  }
  stats(): Promise<SubgraphStats[]> {
    return Promise.all(this.processes.map((p) => p.stats()));
  }
  async close() {
    // The first process holds (or created) the database: it goes last.
    for (const p of [...this.processes].reverse()) await p.close().catch(() => {});
  }
}

/** Busy share of one process between two samples: CPU time / wall time, and event-loop utilization (1 − idle). */
function load(a: ProcessLoad, b: ProcessLoad, wallMs: number) {
  const cpuMs = (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1000;
  const elu = performance.eventLoopUtilization(b.elu, a.elu);
  return { cpuMs: Math.round(cpuMs), cpuShare: Math.round((cpuMs / wallMs) * 100) / 100, eventLoopUtilization: Math.round(elu.utilization * 100) / 100 };
}
const ownLoad = (): ProcessLoad => ({ cpu: process.cpuUsage(), elu: performance.eventLoopUtilization() });
class GatewayProcess {
  private pending: ((s: GatewayStats) => void)[] = [];
  private closing = false;
  /** Set when the gateway process exited before we closed it. */
  exited?: { code: number | null; signal: string | null; at: string };
  constructor(readonly child: ChildProcess, readonly url: string) {
    child.on('exit', (code, signal) => {
      if (this.closing) return;
      this.exited = { code, signal, at: new Date().toISOString() };
      console.error(`[bench] the gateway process exited (code ${code}, signal ${signal})`);
    });
    child.on('error', (e) => console.error(`[bench] gateway process: ${e.message}`));
    child.on('message', (m: { type: string } & GatewayStats) => {
      if (m.type === 'stats') this.pending.shift()?.(m);
    });
  }
  static async start(env: Record<string, string>): Promise<GatewayProcess> {
    const child = fork(path.join(here, 'gateway-child.js'), [], { execArgv: childExecArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
      child.on('message', (m: { type: string; url?: string }) => m.type === 'ready' && resolve(m.url!));
    });
    return new GatewayProcess(child, url);
  }
  /** Memory and subscription counts of the gateway (rejects after 10 s: a stalled gateway is a finding, not a hang). */
  stats(opts: { fds?: boolean } = {}): Promise<GatewayStats> {
    return new Promise((resolve, reject) => {
      if (!this.child.connected) return reject(new Error('the gateway process is gone'));
      const timer = setTimeout(() => {
        const i = this.pending.indexOf(done);
        if (i >= 0) this.pending.splice(i, 1);
        reject(new Error('the gateway did not answer stats within 10 s'));
      }, 10_000);
      const done = (s: GatewayStats) => {
        clearTimeout(timer);
        resolve(s);
      };
      this.pending.push(done);
      this.child.send({ type: 'stats', fds: opts.fds });
    });
  }
  async close() {
    this.closing = true;
    if (!this.child.connected) return;
    this.child.send({ type: 'close' });
    await new Promise((r) => this.child.once('exit', r));
  }
}

// ---------- helpers ----------
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql(url: string, query: string, variables: Record<string, unknown>, token: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Open loop: starts fn for the next item every 1000/rate ms, whether or not earlier ones finished. */
function paced<T>(items: T[], rate: number) {
  return async (fn: (t: T) => Promise<void>) => {
    const started = performance.now();
    const running: Promise<void>[] = [];
    for (let i = 0; i < items.length; i++) {
      const due = started + (i * 1000) / rate - performance.now();
      if (due > 0) await sleep(due);
      running.push(fn(items[i]!));
    }
    await Promise.all(running);
  };
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (i < items.length) await fn(items[i++]!);
  }));
}

// ---------- main ----------
const loadAtStart = loadavg()[0]!;
const world = buildWorld();
// Orders awaiting their supplier must be accepted before their deadline: a clock at the earliest order.
const awaiting = world.orders.filter((o) => o.status === 'AWAITING_SUPPLIER');
// Warm-up orders go through the same rounds first, unmeasured: connections, JIT and caches are warm
// when the measured changes begin (their subscribers are counted among the N).
const warm = awaiting.slice(0, WARMUP);
const changing = awaiting.slice(WARMUP, WARMUP + CHANGES);
const driven = [...warm, ...changing];
const warmIds = new Set(warm.map((o) => o.id));
let subgraphs: SubgraphGroup | undefined;
let gateway: GatewayProcess | undefined;
const clients: Client[] = [];
let closing = false;
try {
  const groups = args['subgraph-processes'] === 'one' ? [['people', 'programs', 'catalog', 'orders', 'finance']] : [['people'], ['programs'], ['catalog'], ['orders'], ['finance']];
  subgraphs = await SubgraphGroup.start(Math.min(...driven.map((o) => o.createdAt.getTime())), groups);
  const db = { kind: subgraphs.ready.kind, url: subgraphs.ready.dbUrl };
  log(`database: ${db.kind}; subgraphs migrated and seeded in their own process`);
  gateway = await GatewayProcess.start({
    BENCH_SUPERGRAPH: process.env.SUPERGRAPH ?? SUPERGRAPH_PATH,
    BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphs.ready.urls),
    BENCH_DATABASE_URL: db.url,
    ...(args['callers-window-ms'] !== undefined ? { BENCH_CALLERS_WINDOW_MS: args['callers-window-ms'] } : {}),
  });
  const wsUrl = gateway.url.replace(/^http/, 'ws');
  await sleep(500);
  const baseline = await gateway.stats();
  log(`gateway at ${gateway.url}: rss ${mb(baseline.rss)} MB, heap ${mb(baseline.heapUsed)} MB before subscribers`);

  // Watched orders: the ones that will change (FANOUT subscribers each), then quiet ones for the rest.
  const changingIds = new Set(driven.map((o) => o.id));
  const quiet: DemoOrder[] = world.orders.filter((o) => !changingIds.has(o.id));
  const orders: DemoOrder[] = [...driven, ...quiet];
  if (changing.length < CHANGES) log(`only ${changing.length} orders can change (asked for ${CHANGES})`);
  if (driven.length * FANOUT > N) throw new Error(`${driven.length} changing orders (${warm.length} of them warm-up) × fanout ${FANOUT} need more than ${N} subscribers`);
  /** Subscriber i: which order it watches and as which of the three roles (quiet orders take the rest in turn). */
  const assignment = (i: number): { order: DemoOrder; role: number } => {
    if (i < driven.length * FANOUT) return { order: driven[i % driven.length]!, role: Math.floor(i / driven.length) % 3 };
    const k = i - driven.length * FANOUT;
    return { order: quiet[k % quiet.length]!, role: Math.floor(k / quiet.length) % 3 };
  };

  const identities = new Map<string, { recipient: Identity; supplier: Identity; department: Identity }>();
  for (const o of orders) {
    const represents = world.representations.filter((r) => r.representativeId === o.personId).map((r) => r.principalId);
    const staff = world.staff.find((s) => s.supplierId === o.supplierId)!;
    const dept = world.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode === o.regionCode)!;
    identities.set(o.id, {
      recipient: { sub: o.personId, role: Role.RECIPIENT, personId: o.personId, represents, scopes: [] },
      supplier: { sub: staff.id, role: Role.SUPPLIER, supplierId: o.supplierId, represents: [], scopes: [] },
      department: { sub: dept.id, role: Role.EMPLOYMENT_DEPARTMENT, regionCode: o.regionCode, represents: [], scopes: [] },
    });
  }

  const roles = ['recipient', 'supplier', 'department'] as const;
  const received: { cursors: Set<string>; expected: number }[] = [];
  const latencies: number[] = [];
  let duplicates = 0;
  let warmDeliveries = 0;
  /** Latencies by the status the event recorded (one per round; handover ends in HANDED_OVER). */
  const byStatus: Record<string, number[]> = {};
  const errors: string[] = [];
  const watchers = new Map<string, number>();
  /** Subscriber connections closed before the end, by close code. */
  const closes = new Map<string, number>();
  const tokenCache = new Map<string, string>();
  log(`opening ${N} subscribers: ${FANOUT} on each of ${changing.length} orders that change (and of ${warm.length} warm-up orders), the rest on ${quiet.length} quiet orders (${args['share-tokens'] ? 'shared' : 'distinct'} tokens)`);
  const t0 = Date.now();
  for (let start = 0; start < N; start += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, N - start) }, async (_, k) => {
        const i = start + k;
        const { order, role: r } = assignment(i);
        const role = roles[r]!;
        const base = identities.get(order.id)![role];
        const identity = args['share-tokens'] ? base : { ...base, sub: `${base.sub}#bench${i}` };
        const cacheKey = `${order.id}:${role}:${args['share-tokens'] ? '' : i}`;
        const token = tokenCache.get(cacheKey) ?? (await signToken(identity));
        tokenCache.set(cacheKey, token);
        let acked: () => void = () => {};
        const ack = new Promise<void>((resolve) => (acked = resolve));
        const client = createClient({
          url: wsUrl,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          retryAttempts: 0,
          on: {
            connected: () => acked(),
            closed: (e) => {
              acked();
              if (closing) return;
              const key = String((e as { code?: number }).code ?? 'unknown');
              closes.set(key, (closes.get(key) ?? 0) + 1);
              if (closes.size === 1 && closes.get(key) === 1) log(`first subscriber connection closed: ${key} ${(e as { reason?: string }).reason ?? ''}`);
            },
          },
        });
        clients.push(client);
        const mine = { cursors: new Set<string>(), expected: 0 };
        received[i] = mine;
        watchers.set(order.id, (watchers.get(order.id) ?? 0) + 1);
        client.subscribe(
          { query: SUBSCRIPTION, variables: { id: order.id } },
          {
            next: (r) => {
              const at = Date.now();
              if (r.errors) {
                errors.push(JSON.stringify(r.errors).slice(0, 300));
                return;
              }
              const e = (r.data as any).orderStatusChanged;
              if (mine.cursors.has(e.cursor)) duplicates++;
              mine.cursors.add(e.cursor);
              if (warmIds.has(e.order.id)) {
                warmDeliveries++;
                return;
              }
              latencies.push(at - Date.parse(e.occurredAt));
              (byStatus[e.status] ??= []).push(at - Date.parse(e.occurredAt));
            },
            error: (e) => errors.push(String((e as Error)?.message ?? JSON.stringify(e)).slice(0, 300)),
            complete: () => {},
          },
        );
        // A ramp, not a stampede: the next batch starts once this one is connected (or after 30 s).
        await Promise.race([ack, sleep(30_000)]);
      }),
    );
  }
  log(`${N} subscribers connected in ${Date.now() - t0} ms (${[...closes].map(([k, v]) => `${v} closed with ${k}`).join(', ') || 'none closed'})`);
  // Wait (at most 120 s) until the gateway holds every subscription, then give the subgraph a moment to register them.
  for (const until = Date.now() + 120_000; Date.now() < until; ) {
    const s = await gateway.stats();
    if (s.subscriptions >= N) break;
    log(`gateway holds ${s.subscriptions} subscriptions (${s.upstreamSubscriptions} upstream), rss ${mb(s.rss)} MB`);
    await sleep(1_000);
  }
  await sleep(2_000);
  const subscribed = await gateway.stats({ fds: true });
  log(`subscribed in ${Date.now() - t0} ms: ${subscribed.subscriptions} subscriptions, ${subscribed.upstreamSubscriptions} upstream subscriptions on ${subscribed.upstreamConnections} upstream connections, ${subscribed.fds} open files; rss ${mb(subscribed.rss)} MB, heap ${mb(subscribed.heapUsed)} MB`);

  // Status changes through the real mutations: accept, ready, then handover confirmed by both sides.
  const tokens = new Map<string, { supplier: string; recipient: string }>();
  for (const o of driven) {
    const ids = identities.get(o.id)!;
    tokens.set(o.id, { supplier: await signToken(ids.supplier), recipient: await signToken(ids.recipient) });
  }
  const version = new Map(driven.map((o) => [o.id, 1]));
  const rounds: { name: string; steps: { mutation: string; as: 'supplier' | 'recipient' }[] }[] = [
    { name: 'accept', steps: [{ mutation: 'acceptOrder', as: 'supplier' }] },
    { name: 'ready', steps: [{ mutation: 'markOrderReady', as: 'supplier' }] },
    { name: 'handover', steps: [{ mutation: 'confirmHandover', as: 'supplier' }, { mutation: 'confirmHandover', as: 'recipient' }] },
  ];
  const mutationErrors: string[] = [];
  const mutationMs: number[] = [];
  let events = 0;
  const roundStats: { name: string; events: number; ms: number }[] = [];
  /** The three rounds over `list`; only measured ones count events, rounds and mutation times. */
  const drive = async (list: DemoOrder[], measured: boolean) => {
    const delivered = () => (measured ? latencies.length : warmDeliveries);
    for (const round of rounds) {
      const before = delivered();
      const started = Date.now();
      let changed = 0;
      await (RATE ? paced(list, RATE) : (fn: (o: DemoOrder) => Promise<void>) => pool(list, CONCURRENCY, fn))(async (o) => {
        for (const step of round.steps) {
          const m0 = Date.now();
          const token = tokens.get(o.id)![step.as];
          const vars = { id: o.id, v: version.get(o.id)! };
          // Acceptance carries the supplier's EDS (development organization key of the seeded supplier).
          const r = step.mutation === 'acceptOrder'
            ? await gql(gateway!.url, `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { version status } }`, await supplierSigned(gateway!.url, token, 'ACCEPT', vars), token)
            : await gql(gateway!.url, `mutation($id: ID!, $v: Int!) { ${step.mutation}(id: $id, version: $v) { version status } }`, vars, token);
          if (r.errors) {
            mutationErrors.push(`${step.mutation}: ${r.errors[0]!.message}`);
            return;
          }
          if (measured) mutationMs.push(Date.now() - m0);
          version.set(o.id, r.data[step.mutation].version);
        }
        changed++;
      });
      if (!measured) continue;
      events += changed;
      const want = before + list.reduce((n, o) => n + (watchers.get(o.id) ?? 0), 0) * (changed / list.length);
      while (delivered() < want && Date.now() - started < ROUND_TIMEOUT) await sleep(50);
      roundStats.push({ name: round.name, events: changed, ms: Date.now() - started });
      if (gateway!.exited) log(`the gateway process exited during round ${round.name}: ${JSON.stringify(gateway!.exited)}`);
      log(`round ${round.name}: ${changed} status changes, ${delivered() - before} deliveries in ${Date.now() - started} ms`);
    }
  };
  if (warm.length) {
    await drive(warm, false);
    // Until the warm-up's deliveries are in (at most 30 s), so they do not overlap the measured rounds.
    for (const until = Date.now() + 30_000; warmDeliveries < warm.length * FANOUT * 3 && Date.now() < until; ) await sleep(50);
    log(`warm-up: ${warm.length} orders through the three rounds, ${warmDeliveries} deliveries (not measured)`);
  }
  let peak = subscribed;
  const beforeRounds = await gateway.stats();
  const loadBefore = { at: Date.now(), gateway: beforeRounds as ProcessLoad, subgraphs: await subgraphs.stats(), runner: ownLoad() };
  const sampler = setInterval(() => {
    gateway!.stats().then(
      (s) => {
        if (s.rss > peak.rss) peak = s;
      },
      () => {},
    );
  }, 250);
  await drive(changing, true);
  const wallMs = Date.now() - loadBefore.at;
  const runnerAfter = ownLoad();
  const [gatewayAfter, subgraphsAfter] = await Promise.all([gateway.stats(), subgraphs.stats()]);
  const busy = {
    wallMs,
    gateway: load(loadBefore.gateway, gatewayAfter, wallMs),
    /** Per subgraph process (one, or one per subgraph): its subgraphs, CPU share and event-loop utilization. */
    subgraphs: subgraphsAfter.map((after, i) => ({ subgraphs: subgraphs!.names[i]!.join(','), ...load(loadBefore.subgraphs[i]!, after, wallMs) })),
    runner: load(loadBefore.runner, runnerAfter, wallMs),
    gatewaySubgraphRequests: gatewayAfter.subgraphRequests - beforeRounds.subgraphRequests,
    gatewaySubgraphConnections: gatewayAfter.subgraphConnections - beforeRounds.subgraphConnections,
    eventFetches: (gatewayAfter.eventFetches ?? 0) - (beforeRounds.eventFetches ?? 0),
    eventFetchesShared: (gatewayAfter.eventFetchesShared ?? 0) - (beforeRounds.eventFetchesShared ?? 0),
    /** Per-event fetches that went to their subgraph together with other subscribers' (callers batches), and those batches. */
    eventFetchesBatched: (gatewayAfter.eventFetchesBatched ?? 0) - (beforeRounds.eventFetchesBatched ?? 0),
    eventFetchBatches: (gatewayAfter.eventFetchBatches ?? 0) - (beforeRounds.eventFetchBatches ?? 0),
  };
  log(`over the rounds (${wallMs} ms): event-loop utilization / CPU share: gateway ${busy.gateway.eventLoopUtilization} / ${busy.gateway.cpuShare}, ${busy.subgraphs.map((p) => `${p.subgraphs} ${p.eventLoopUtilization} / ${p.cpuShare}`).join(', ')}, runner ${busy.runner.eventLoopUtilization} / ${busy.runner.cpuShare}`);
  await sleep(500);
  clearInterval(sampler);
  const after = await gateway.stats({ fds: true }).catch(() => peak);
  if (after.rss > peak.rss) peak = after;

  const expected = changing.reduce((n, o) => n + (watchers.get(o.id) ?? 0), 0) * 3;
  const sorted = [...latencies].sort((a, b) => a - b);
  const result = {
    at: new Date().toISOString(),
    database: db.kind,
    subscribers: N,
    watchedOrders: orders.length,
    changedOrders: changing.length,
    warmupOrders: warm.length,
    fanout: FANOUT,
    callersWindowMs: args['callers-window-ms'] === undefined ? 'default' : Number(args['callers-window-ms']),
    /** Closed-loop (concurrency) or open-loop (changes per second). */
    drive: RATE ? { rate: RATE } : { concurrency: CONCURRENCY },
    sharedTokens: Boolean(args['share-tokens']),
    statusChanges: events,
    deliveries: { expected, received: latencies.length, duplicates, errors: errors.length },
    latencyMs: { p50: pct(sorted, 50), p90: pct(sorted, 90), p99: pct(sorted, 99), max: sorted[sorted.length - 1] ?? NaN },
    latencyMsByStatus: Object.fromEntries(Object.entries(byStatus).map(([status, l]) => {
      const o = [...l].sort((a, b) => a - b);
      return [status, { deliveries: o.length, p50: pct(o, 50), p99: pct(o, 99), max: o[o.length - 1] }];
    })),
    gatewayMemoryMB: {
      baselineRss: mb(baseline.rss),
      subscribedRss: mb(subscribed.rss),
      peakRss: mb(peak.rss),
      subscribedHeap: mb(subscribed.heapUsed),
      peakHeap: mb(peak.heapUsed),
    },
    gateway: { upstreamSubscriptions: subscribed.upstreamSubscriptions, upstreamConnections: subscribed.upstreamConnections, openFiles: subscribed.fds, openFilesAfter: after.fds },
    rounds: roundStats,
    /** Per process over the rounds: CPU time / wall time (1 = one core) and event-loop utilization (1 − idle). */
    processes: busy,
    subgraphProcessRssMB: subgraphsAfter.map((s) => mb(s.rss)),
    mutationMs: (() => { const m = [...mutationMs].sort((a, b) => a - b); return { p50: pct(m, 50), p99: pct(m, 99) }; })(),
    mutationErrors: mutationErrors.slice(0, 5),
    subscriberCloses: Object.fromEntries(closes),
    gatewayExited: gateway.exited ?? null,
    sampleErrors: errors.slice(0, 5),
    node: process.version,
    /** 1-minute load average of the machine (2 cores, shared): at start and at the end of the rounds. */
    loadAverage: { start: Math.round(loadAtStart * 10) / 10, end: Math.round(loadavg()[0]! * 10) / 10 },
  };
  console.log(JSON.stringify(result, null, 2));
  log(`p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms; gateway rss ${result.gatewayMemoryMB.subscribedRss} MB with ${N} subscribers (peak ${result.gatewayMemoryMB.peakRss} MB); ${latencies.length}/${expected} delivered, ${duplicates} duplicates`);
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `subscriptions-${N}-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`written ${path.relative(ROOT, file)}`);
} finally {
  closing = true;
  await Promise.all(clients.map((c) => Promise.resolve(c.dispose()).catch(() => {})));
  await gateway?.close().catch(() => {});
  await subgraphs?.close().catch(() => {});
}
process.exit(0);
