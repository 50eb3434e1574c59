/**
 * Subgraphs of the subscription benchmark in their own process, so the load generator and the
 * client sockets (run.ts) do not share an event loop with them: BENCH_ONLY names which (default: all
 * five). The first process creates the database (and holds the embedded one); the others get its URL
 * in BENCH_DB_URL. Started by run.ts with BENCH_CLOCK_START (ms); answers `stats`, `peers` (the URLs
 * of the subgraphs in other processes, for commands between subgraphs) and `close` messages over IPC.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildWorld } from '@aleumet/demo-data';
import { startEmbeddedPostgres } from '@aleumet/embedded-pg';
import { TestClock, createRuntime } from '@aleumet/runtime';
import { seedSubgraph, startSubgraph, type RunningSubgraph } from '@aleumet/subgraph-kit';
import { SUBGRAPHS } from '@aleumet/platform';

async function database(): Promise<{ url: string; drop(): Promise<void>; kind: string }> {
  const given = process.env.BENCH_DB_URL;
  if (given) return { url: given, drop: async () => {}, kind: 'shared with the first subgraph process' };
  const server = process.env.DATABASE_URL;
  if (!server) {
    const e = await startEmbeddedPostgres();
    return { url: e.url, drop: () => e.stop(), kind: 'embedded PostgreSQL (PGlite, in the subgraph process)' };
  }
  const name = `aleumet_bench_subs_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'PostgreSQL server',
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

const world = buildWorld();
const db = await database();
// Orders awaiting their supplier must be accepted before their deadline: run.ts passes a clock at the earliest changing order.
const runtime = createRuntime(new TestClock(new Date(Number(process.env.BENCH_CLOCK_START))));
const subgraphs: RunningSubgraph[] = [];
let closing: Promise<void> | undefined;
const close = () =>
  (closing ??= (async () => {
    for (const s of subgraphs.reverse()) await s.close().catch(() => {});
    await db.drop().catch(() => {});
  })());
try {
  const only = process.env.BENCH_ONLY?.split(',');
  for (const def of SUBGRAPHS.filter((d) => !only || only.includes(d.name))) {
    const sub = await startSubgraph(def, { databaseUrl: db.url, migrate: true, port: 0, runtime });
    subgraphs.push(sub);
    runtime.peers.set(def.name, sub.url);
    await seedSubgraph(def, sub.orm, world);
  }
} catch (e) {
  console.error('[bench subgraphs]', e);
  await close();
  process.exit(1);
}

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'stats') {
    const m = process.memoryUsage();
    process.send!({ type: 'stats', rss: m.rss, heapUsed: m.heapUsed, cpu: process.cpuUsage(), elu: performance.eventLoopUtilization() });
  }
  if (msg.type === 'peers') for (const [name, url] of Object.entries((msg as unknown as { urls: Record<string, string> }).urls)) runtime.peers.set(name as Parameters<typeof runtime.peers.set>[0], url);
  if (msg.type === 'close') void close().then(() => process.exit(0));
});
process.on('disconnect', () => void close().then(() => process.exit(0)));
process.send!({ type: 'ready', dbUrl: db.url, kind: db.kind, urls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])) });
