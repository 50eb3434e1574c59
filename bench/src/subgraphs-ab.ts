/**
 * Subgraph CPU per dashboard, two builds in one run: `node bench/dist/subgraphs-ab.js --baseline <checkout>
 * --database-url <url> [--recipients 5000] [--connections 4] [--seconds 6] [--rounds 4]`. The baseline is
 * another checkout of the repository, built (`npx tsc --build`), e.g. the commit before a change. Each build's
 * five subgraphs run one per process; the recipient dashboard is fetched from them directly (the direct chain of
 * queries.ts: me, then _entities at programs, orders, catalog ×2, finance), each round a fresh stretch of
 * recipients, the builds interleaved round by round. Reported: CPU ms per dashboard of each subgraph process,
 * net of its background use, and SQL statements per dashboard. CPU per dashboard, unlike RPS, stays comparable
 * on a machine loaded by other work, as long as both builds run in the same rounds.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Role, signToken } from '@aleumet/core';
import { dashboardChain } from './queries.js';
import { closedLoop } from './load.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BENCH = path.resolve(HERE, '..');
const ROOT = path.resolve(BENCH, '..');
const NAMES = ['people', 'programs', 'catalog', 'orders', 'finance'] as const;

const argv = process.argv.slice(2);
const get = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const databaseUrl = get('database-url') ?? process.env.DATABASE_URL;
const baseline = get('baseline');
if (!databaseUrl || !baseline) {
  console.error('usage: subgraphs-ab.js --baseline <built checkout> --database-url <seeded database> [--recipients N] [--connections N] [--seconds S] [--rounds R] [--label <commit>]');
  process.exit(2);
}
const recipients = Number(get('recipients') ?? 5000);
const connections = Number(get('connections') ?? 4);
const seconds = Number(get('seconds') ?? 6);
const rounds = Number(get('rounds') ?? 4);
const out = get('out') ?? path.join(BENCH, 'results');
// What the baseline is (a commit), for the report: its path is this machine's business.
const label = get('label') ?? 'the baseline checkout';

/** One subgraph in a child process of the given checkout (its bench/dist/serve.js). */
class Sub {
  private seq = 0;
  private readonly waiting = new Map<number, (v: unknown) => void>();
  private constructor(readonly proc: ChildProcess, readonly url: string) {
    proc.on('message', (m: any) => m.type === 'reply' && this.waiting.get(m.id)?.(m.value));
  }
  static start(checkout: string, name: string): Promise<Sub> {
    const proc = fork(path.join(checkout, 'bench/dist/serve.js'), ['subgraphs', databaseUrl!, name], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`${name} (${checkout}) exited with ${code}`)));
      proc.on('message', (m: any) => m.type === 'ready' && resolve(new Sub(proc, m.urls[name])));
    });
  }
  call<T>(cmd: string, payload: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (v: unknown) => void);
      this.proc.send({ ...payload, cmd, id });
    });
  }
}

async function startBuild(checkout: string) {
  const subs: Sub[] = [];
  for (const name of NAMES) subs.push(await Sub.start(checkout, name));
  const urls = Object.fromEntries(NAMES.map((n, i) => [n, subs[i]!.url]));
  await Promise.all(subs.map((s) => s.call('peers', { urls })));
  return { checkout, subs, urls };
}
type Build = Awaited<ReturnType<typeof startBuild>>;

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const ids = (await db.query(`select person_id as id from programs.rehabilitation_program order by md5(person_id::text) limit ${recipients}`)).rows.map((r) => r.id as string);
await db.end();
const tokens = await Promise.all(ids.map((id) => signToken({ sub: id, role: Role.RECIPIENT, personId: id, represents: [], scopes: [] })));

const started = new Date();
const builds = { before: await startBuild(path.resolve(baseline)), after: await startBuild(ROOT) };
let k = 0;
const run = (b: Build, s: number) => closedLoop(() => dashboardChain(b.urls, tokens[k++ % tokens.length]!, 10), { connections, seconds: s });
const cpu = (b: Build) => Promise.all(b.subs.map((s) => s.call<number>('cpu')));

try {
  for (const b of Object.values(builds)) await run(b, 2);
  // Background use (outbox relays, jobs) per ms of each process, taken off each round.
  const all = [...builds.before.subs, ...builds.after.subs];
  const i0 = await Promise.all(all.map((s) => s.call<number>('cpu')));
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, 3000));
  const i1 = await Promise.all(all.map((s) => s.call<number>('cpu')));
  const background = new Map(all.map((s, i) => [s, (i1[i]! - i0[i]!) / (performance.now() - t0)]));

  const total = { before: { n: 0, sql: 0, cpu: NAMES.map(() => 0) }, after: { n: 0, sql: 0, cpu: NAMES.map(() => 0) } };
  const perRound: { round: number; build: string; dashboards: number; cpuMs: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const name of (r % 2 ? ['after', 'before'] : ['before', 'after']) as ('before' | 'after')[]) {
      const b = builds[name];
      await Promise.all(b.subs.map((s) => s.call('sql-reset')));
      const c0 = await cpu(b);
      const t = performance.now();
      const res = await run(b, seconds);
      const c1 = await cpu(b);
      const wall = performance.now() - t;
      const sql = await Promise.all(b.subs.map((s) => s.call<Record<string, number>>('sql-count')));
      const used = b.subs.map((s, i) => Math.max(0, c1[i]! - c0[i]! - background.get(s)! * wall));
      total[name].n += res.requests;
      total[name].sql += sql.reduce((a, x) => a + Object.values(x).reduce((p, q) => p + q, 0), 0);
      used.forEach((u, i) => (total[name].cpu[i]! += u));
      const ms = used.reduce((a, x) => a + x, 0) / Math.max(1, res.requests);
      perRound.push({ round: r, build: name, dashboards: res.requests, cpuMs: ms });
      console.log(`round ${r + 1} ${name}: ${res.requests} dashboards, ${ms.toFixed(2)} ms of subgraph CPU each`);
    }
  }
  const per = (t: (typeof total)['before']) => {
    const n = Math.max(1, t.n);
    const bySubgraph = Object.fromEntries(NAMES.map((x, i) => [x, t.cpu[i]! / n]));
    return { dashboards: t.n, cpuMs: t.cpu.reduce((a, x) => a + x, 0) / n, bySubgraph, sql: t.sql / n };
  };
  const before = per(total.before);
  const after = per(total.after);
  const f = (x: number) => x.toFixed(2);
  const lines = [
    `# Subgraph CPU per dashboard, two builds in one run (${started.toISOString()})`,
    '',
    `Machine: ${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end (shared machine).`,
    `${tokens.length} recipients, ${connections} connections, ${seconds} s per round, ${rounds} rounds per build, interleaved; the direct chain (no gateway), one process per subgraph.`,
    `Before: ${label} (another checkout); after: this checkout.`,
    '',
    `| build | dashboards | subgraph CPU ms per dashboard | ${NAMES.join(' | ')} | SQL statements |`,
    `|---|---:|---:|${NAMES.map(() => '---:|').join('')}---:|`,
    ...([['before', before], ['after', after]] as const).map(([name, x]) => `| ${name} | ${x.dashboards} | ${f(x.cpuMs)} | ${NAMES.map((n) => f(x.bySubgraph[n]!)).join(' | ')} | ${f(x.sql)} |`),
    '',
    `**after/before: ${f(after.cpuMs / before.cpuMs)}× subgraph CPU per dashboard**; by round: ${perRound.map((p) => `${p.build} ${f(p.cpuMs)}`).join(', ')}.`,
  ];
  console.log(lines.join('\n'));
  mkdirSync(out, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  writeFileSync(path.join(out, `${stamp}-subgraphs-ab.md`), lines.join('\n') + '\n');
  writeFileSync(path.join(out, `${stamp}-subgraphs-ab.json`), JSON.stringify({ started, recipients: tokens.length, connections, seconds, rounds, before, after, perRound, loadAverage: os.loadavg() }, null, 2));
} finally {
  for (const s of [...builds.before.subs, ...builds.after.subs]) s.proc.kill();
}
process.exit(0);
