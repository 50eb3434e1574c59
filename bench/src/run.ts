/**
 * Benchmarks (not tests): `node bench/dist/run.js [--smoke] [options]` — see bench/README.md.
 * Every comparison is measured in one run, interleaved round by round, on loopback, for bounded time;
 * the report (markdown + JSON) goes to bench/results/.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Role, signToken, type Identity } from '@aleumet/core';
import { GATEWAY_NODE_OPTIONS } from '@aleumet/gateway';
import { DASHBOARD, INCOMING_ORDERS, REGION_MEASURES, dashboardChain, post } from './queries.js';
import { cannon, closedLoop, combine, type LoadResult } from './load.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BENCH = path.resolve(HERE, '..');

// ---------------------------------------------------------------- arguments
interface Args {
  smoke: boolean; databaseUrl: string; seconds: number; rounds: number; connections: number; profile: boolean; auditAb: boolean;
  cacheAb: boolean; callersAb: boolean; recipients: number; newCallers: number; churn: number; only: Set<string>; scaleSmall?: string; scaleLarge?: string; out: string;
}
function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const smoke = argv.includes('--smoke');
  const databaseUrl = get('database-url') ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('bench: set DATABASE_URL (or --database-url) to a seeded database, e.g. after `npm run seed -- --scale 10000`');
    process.exit(2);
  }
  return {
    smoke,
    databaseUrl,
    seconds: Number(get('seconds') ?? (smoke ? 2 : 5)),
    rounds: Number(get('rounds') ?? (smoke ? 1 : 3)),
    connections: Number(get('connections') ?? (smoke ? 4 : 16)),
    profile: argv.includes('--profile'),
    // A third gateway, ours with every audit row in its own INSERT (before group commit), in the same interleaved rounds.
    auditAb: argv.includes('--audit-ab'),
    // A third gateway, ours with the entity cache off, in the same interleaved rounds (what the cache adds).
    cacheAb: !smoke && !argv.includes('--no-cache-ab'),
    callersAb: argv.includes('--callers-ab'),
    // How many recipients (and a quarter as many supplier staff) the load cycles through: more means fewer cache hits.
    recipients: Number(get('recipients') ?? (smoke ? 20 : 200)),
    // The new-callers section (`--only newcallers`): how many recipients it cycles, each visited about once.
    newCallers: Number(get('new-callers') ?? (smoke ? 20 : 5000)),
    // Row changes per second made during the gateway rounds (orders and offerings, values unchanged), so the
    // entity cache is measured while its entries are being invalidated, not only on a read-only database.
    churn: Number(get('churn') ?? 0),
    only: new Set((get('only') ?? 'gateway,chain,sql,scale').split(',')),
    scaleSmall: get('scale-small'),
    scaleLarge: get('scale-large'),
    out: get('out') ?? (smoke ? path.join(os.tmpdir(), 'aleumet-bench-smoke') : path.join(BENCH, 'results')),
  };
}

// ---------------------------------------------------------------- child processes
class Child {
  private seq = 0;
  private readonly waiting = new Map<number, (v: unknown) => void>();
  private constructor(readonly proc: ChildProcess, readonly ready: { url?: string; urls?: Record<string, string> }) {
    proc.on('message', (m: any) => {
      if (m.type === 'reply') this.waiting.get(m.id)?.(m.value);
    });
  }
  static start(role: string, args: string[], execArgv: string[] = []): Promise<Child> {
    // Our gateway as deployed (compose.yaml, deploy/k8s): with its node options; vanilla with Node's defaults.
    const options = role === 'ours' ? [GATEWAY_NODE_OPTIONS, ...execArgv] : execArgv;
    // Request logs as in production (JSON lines), not the development format.
    const env = { ...process.env, LOG_FORMAT: 'json' };
    const proc = fork(path.join(HERE, 'serve.js'), [role, ...args], { execArgv: options, env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
      proc.on('message', (m: any) => {
        if (m.type === 'ready') resolve(new Child(proc, m));
      });
    });
  }
  call<T = unknown>(cmd: string, payload: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (v: unknown) => void);
      this.proc.send({ ...payload, cmd, id });
    });
  }
  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      this.proc.once('exit', () => resolve());
      this.proc.send({ cmd: 'exit' });
      setTimeout(() => this.proc.kill('SIGKILL'), 15_000).unref();
    });
  }
}

// ---------------------------------------------------------------- data to ask for
interface Sample { recipients: string[]; recipientTokens: string[]; supplierTokens: string[]; departmentToken: string; busiestRecipientToken: string; busiestSupplierToken: string; persons: number }

async function sample(databaseUrl: string, n: number): Promise<Sample> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const q = async (sql: string) => (await db.query(sql)).rows;
    const persons = Number((await q('select count(*)::int as n from people.person'))[0].n);
    // Recipients with a program, spread over the whole table (hash order), so caches do not flatter the big database.
    const recipients = (await q(`select person_id as id from programs.rehabilitation_program order by md5(person_id::text) limit ${n}`)).map((r) => r.id as string);
    const suppliers = await q(`select id, supplier_id from people.staff_user where role = 'SUPPLIER' order by md5(id::text) limit ${Math.max(5, Math.floor(n / 4))}`);
    const region = (await q(`select region_code from programs.measure group by 1 order by count(*) desc limit 1`))[0].region_code as string;
    const dept = (await q(`select id from people.staff_user where role = 'EMPLOYMENT_DEPARTMENT' and region_code = '${region}' limit 1`))[0].id as string;
    const busiest = (await q(`select person_id from programs.measure group by 1 order by count(*) desc, person_id limit 1`))[0].person_id as string;
    const busiestSupplier = (await q(`select supplier_id from orders."order" group by 1 order by count(*) desc limit 1`))[0].supplier_id as string;
    const busiestStaff = (await q(`select id from people.staff_user where supplier_id = '${busiestSupplier}' limit 1`))[0].id as string;
    const recipient = (id: string): Identity => ({ sub: id, role: Role.RECIPIENT, personId: id, represents: [], scopes: [] });
    const supplier = (staff: string, supplierId: string): Identity => ({ sub: staff, role: Role.SUPPLIER, supplierId, represents: [], scopes: [] });
    return {
      persons,
      recipients,
      recipientTokens: await Promise.all(recipients.map((id) => signToken(recipient(id)))),
      supplierTokens: await Promise.all(suppliers.map((s) => signToken(supplier(s.id, s.supplier_id)))),
      departmentToken: await signToken({ sub: dept, role: Role.EMPLOYMENT_DEPARTMENT, regionCode: region, represents: [], scopes: [] }),
      busiestRecipientToken: await signToken(recipient(busiest)),
      busiestSupplierToken: await signToken(supplier(busiestStaff, busiestSupplier)),
    };
  } finally {
    await db.end();
  }
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
/** JSON with sorted keys: two answers are the same data whatever the key order. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as any)[k])}`).join(',')}}` : JSON.stringify(v);

/** Rewrites random orders (and every tenth time an offering) with their own values, `perSecond` times a second. */
function startChurn(databaseUrl: string, perSecond: number) {
  const db = new pg.Client({ connectionString: databaseUrl });
  const state = { done: 0, stopped: false };
  const loop = (async () => {
    await db.connect();
    const pick = async (table: string) => (await db.query(`select id from ${table} tablesample system (1) limit 50`)).rows.map((r) => r.id as string);
    const [orders, offerings] = [await pick('orders."order"'), await pick('catalog.offering')];
    while (!state.stopped) {
      const t = performance.now();
      const offering = state.done % 10 === 9;
      const ids = offering ? offerings : orders;
      const id = ids[Math.floor(Math.random() * ids.length)];
      if (id) await db.query(offering ? 'update catalog.offering set stock = stock where id = $1' : 'update orders."order" set status = status where id = $1', [id]);
      state.done++;
      const wait = 1000 / perSecond - (performance.now() - t);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await db.end();
  })();
  return {
    get done() {
      return state.done;
    },
    stop: async () => {
      state.stopped = true;
      await loop;
    },
  };
}

// ---------------------------------------------------------------- report
const lines: string[] = [];
const failures: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const row = (name: string, r: LoadResult) => `| ${name} | ${f1(r.rps)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.requests} | ${r.errors} |`;
const HEAD = '| target | RPS | p50 ms | p99 ms | requests | errors |\n|---|---:|---:|---:|---:|---:|';

/** Runs targets round-robin (order rotating each round) and combines each target's rounds. */
async function interleaved(targets: { name: string; run: () => Promise<LoadResult> }[], rounds: number): Promise<Record<string, LoadResult>> {
  const got: Record<string, LoadResult[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...targets].reverse() : targets;
    for (const t of order) got[t.name]!.push(await t.run());
  }
  return Object.fromEntries(Object.entries(got).map(([k, v]) => [k, combine(v)]));
}

// ---------------------------------------------------------------- main
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  // Paths in the results are relative to the repository, so they mean the same on every checkout.
  const results: Record<string, unknown> = { started: started.toISOString(), args: { ...args, only: [...args.only], databaseUrl: undefined, out: path.relative(path.resolve(BENCH, '..'), args.out) } };
  const load = { connections: args.connections, seconds: args.seconds };
  const warm = { connections: args.connections, seconds: args.smoke ? 0.5 : 2 };

  say(`# Benchmark run ${started.toISOString()}${args.smoke ? ' (smoke)' : ''}`);
  say();
  say(`Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} at start (shared machine).`);
  say(`Load: ${args.connections} connections, ${args.seconds} s per round, ${args.rounds} round(s) per target, interleaved; loopback only.`);

  const s = await sample(args.databaseUrl, args.recipients);
  say(`Database: ${s.persons} persons.`);
  say();

  const profileDir = path.join(args.out, 'profiles', started.toISOString().replace(/[:.]/g, '-'));
  if (['gateway', 'chain', 'sql'].some((x) => args.only.has(x))) await mainSections(args, s, profileDir, results, load, warm);
  if (args.only.has('newcallers')) await newCallersSection(args, profileDir, results, load, warm);
  await scaleSection(args, results, load, warm);
  finish(args, started, results, profileDir);
}

async function mainSections(args: Args, s: Sample, profileDir: string, results: Record<string, unknown>, load: { connections: number; seconds: number }, warm: { connections: number; seconds: number }) {
  const subgraphs = await Child.start('subgraphs', [args.databaseUrl]);
  const urls = subgraphs.ready.urls!;
  const [ours, vanilla, perRow, uncached] = await Promise.all([
    Child.start('ours', [JSON.stringify(urls), args.databaseUrl], args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    args.only.has('gateway') ? Child.start('vanilla', [JSON.stringify(urls)], args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}-vanilla`] : []) : null,
    args.only.has('gateway') && args.auditAb ? Child.start('ours', [JSON.stringify(urls), args.databaseUrl, 'per-row']) : null,
    (args.only.has('gateway') && args.cacheAb) || args.only.has('chain') ? Child.start('ours', [JSON.stringify(urls), args.databaseUrl, 'no-cache']) : null,
  ]);
  const oursUrl = ours.ready.url!;

  try {
    // ------------------------------------------------------------ gateway vs vanilla
    if (vanilla) {
      const cases = [
        { name: 'recipient dashboard', query: DASHBOARD, variables: { first: 10 }, tokens: s.recipientTokens },
        { name: "supplier's incoming orders (page of 20)", query: INCOMING_ORDERS, variables: { first: 20 }, tokens: s.supplierTokens },
      ];
      // The smoke run proves the machinery with one operation; the full run measures both.
      if (args.smoke) cases.splice(1);
      const gatewayResults: Record<string, unknown> = {};
      say('## Gateway vs plain @apollo/gateway + @apollo/server (same subgraphs, same autocannon load)');
      for (const c of cases) {
        let same = 0;
        for (const token of c.tokens.slice(0, 5)) {
          const [a, b] = await Promise.all([post(oursUrl, c.query, c.variables, token), post(vanilla.ready.url!, c.query, c.variables, token)]);
          if (canonical(a) === canonical(b)) same++;
          else failures.push(`${c.name}: ours and vanilla answered differently`);
        }
        const bodies = [body(c.query, c.variables)];
        await cannon(oursUrl, bodies, c.tokens, warm);
        await cannon(vanilla.ready.url!, bodies, c.tokens, warm);
        if (perRow) await cannon(perRow.ready.url!, bodies, c.tokens, warm);
        if (args.cacheAb) await cannon(uncached!.ready.url!, bodies, c.tokens, warm);
        await ours.call('reset-stats');
        await perRow?.call('reset-stats');
        const cpu = { ours: { gateway: 0, subgraphs: 0 }, vanilla: { gateway: 0, subgraphs: 0 }, perRow: { gateway: 0, subgraphs: 0 }, uncached: { gateway: 0, subgraphs: 0 } };
        const measured = (name: 'ours' | 'vanilla' | 'perRow' | 'uncached', gw: Child, url: string) => async () => {
          const [g0, s0] = await Promise.all([gw.call<number>('cpu'), subgraphs.call<number>('cpu')]);
          const res = await cannon(url, bodies, c.tokens, load);
          const [g1, s1] = await Promise.all([gw.call<number>('cpu'), subgraphs.call<number>('cpu')]);
          cpu[name].gateway += g1 - g0;
          cpu[name].subgraphs += s1 - s0;
          return res;
        };
        const churn = args.churn ? startChurn(args.databaseUrl, args.churn) : null;
        const r = await interleaved([
          { name: 'ours', run: measured('ours', ours, oursUrl) },
          { name: 'vanilla', run: measured('vanilla', vanilla, vanilla.ready.url!) },
          ...(perRow ? [{ name: 'perRow', run: measured('perRow', perRow, perRow.ready.url!) }] : []),
          ...(args.cacheAb ? [{ name: 'uncached', run: measured('uncached', uncached!, uncached!.ready.url!) }] : []),
        ], args.rounds).finally(() => churn?.stop());
        const perRequest = (name: 'ours' | 'vanilla' | 'perRow' | 'uncached') => ({ gateway: cpu[name].gateway / Math.max(1, r[name]!.requests), subgraphs: cpu[name].subgraphs / Math.max(1, r[name]!.requests) });
        const stats = await ours.call<any>('stats');
        const ratio = r.ours!.rps / r.vanilla!.rps;
        say();
        say(`### ${c.name}`);
        say(HEAD);
        say(row('ours', r.ours!));
        say(row('vanilla', r.vanilla!));
        if (perRow) say(row('ours, audit row by row (before group commit)', r.perRow!));
        if (args.cacheAb) say(row('ours, entity cache off', r.uncached!));
        say();
        if (churn) say(`Churn during the rounds: ${churn.done} row changes (${args.churn}/s asked; orders and offerings rewritten with the same values).`);
        say(`**RPS ratio ours/vanilla: ${f2(ratio)}×** (goal ≥ 2×); p99 ratio ours/vanilla: ${f2(r.ours!.p99 / r.vanilla!.p99)} (goal ≤ 1); same answers: ${same}/${Math.min(5, c.tokens.length)}.`);
        say(
          `Ours during the measured rounds: query-plan cache ${stats.planCache.hits} hits / ${stats.planCache.misses} misses ` +
            `(hit rate ${f1((100 * stats.planCache.hits) / Math.max(1, stats.planCache.hits + stats.planCache.misses))} %); ` +
            `${stats.subgraphRequests} subgraph calls over ${stats.connections} new TCP connections (keep-alive); ` +
            `${stats.entityCalls} batched _entities calls carrying ${stats.representations} representations, ${stats.representationsSent} sent after deduplication; ` +
            `audit: ${stats.audit?.rows ?? '–'} rows in ${stats.audit?.statements ?? '–'} INSERT statements (group commit).`,
        );
        if (stats.cache) {
          const k = stats.cache;
          say(
            `Entity cache during the measured rounds (${s.recipientTokens.length} recipients / ${s.supplierTokens.length} supplier staff cycled): ` +
              `${k.hits} hits / ${k.misses} misses (hit rate ${f1((100 * k.hits) / Math.max(1, k.hits + k.misses))} %), ${k.stores} stored, ` +
              `${k.uncacheable} answers not cacheable, ${k.raced} not kept (changed while fetched), ${k.invalidated} dropped by ${k.changes} table changes, ` +
              `${k.fences} requests synced by ${k.fencesSent} fences, ${k.bypassed} bypassed; ${k.answerHits ?? 0} whole answers served from the cache and ${k.answersStored ?? 0} kept; ${k.entries} entries at the end.`,
          );
        }
        if (args.cacheAb) {
          const pu = perRequest('uncached');
          say(
            `Cache A/B (same run): ours with / without the entity cache — RPS ${f2(r.ours!.rps / r.uncached!.rps)}×, p99 ${f2(r.ours!.p99 / r.uncached!.p99)}×; ` +
              `without it vs vanilla: RPS ${f2(r.uncached!.rps / r.vanilla!.rps)}×, p99 ${f2(r.uncached!.p99 / r.vanilla!.p99)}; ` +
              `CPU per request without it: gateway ${f1(pu.gateway)} ms, subgraphs ${f1(pu.subgraphs)} ms.`,
          );
        }
        const po = perRequest('ours');
        const pv = perRequest('vanilla');
        say(
          `CPU per request: gateway process ours ${f1(po.gateway)} ms vs vanilla ${f1(pv.gateway)} ms (ratio ${f2(po.gateway / pv.gateway)}); ` +
            `subgraphs process (all five) ${f1(po.subgraphs)} ms vs ${f1(pv.subgraphs)} ms (ratio ${f2(po.subgraphs / pv.subgraphs)}).`,
        );
        let ab: Record<string, unknown> | undefined;
        if (perRow) {
          const pr = perRequest('perRow');
          const prStats = await perRow.call<any>('stats');
          say(
            `Audit A/B (same run): group commit vs row by row — RPS ${f2(r.ours!.rps / r.perRow!.rps)}×, p99 ${f2(r.ours!.p99 / r.perRow!.p99)}×; ` +
              `audit INSERT statements ${stats.audit?.statements} for ${stats.audit?.rows} rows vs ${prStats.audit?.statements} for ${prStats.audit?.rows}; ` +
              `subgraphs process CPU per request ${f1(po.subgraphs)} vs ${f1(pr.subgraphs)} ms.`,
          );
          ab = { perRow: r.perRow, perRowStats: prStats, cpuPerRequestMs: pr };
        }
        if (r.ours!.errors || r.vanilla!.errors) failures.push(`${c.name}: errors under load (ours ${r.ours!.errors}, vanilla ${r.vanilla!.errors})`);
        gatewayResults[c.name] = { ...r, ratio, stats, cpuPerRequestMs: { ours: po, vanilla: pv, ...(args.cacheAb ? { uncached: perRequest('uncached') } : {}) }, auditAb: ab };
      }
      results.gateway = gatewayResults;
      say();
    }

    // ------------------------------------------------------------ direct chain
    if (args.only.has('chain')) {
      // Overhead of the gateway itself: the one without the entity cache, which does every call the chain does.
      say('## Gateway overhead: our gateway (entity cache off) vs the subgraphs called directly in sequence (same closed-loop client)');
      const oursUrl = uncached!.ready.url!;
      const token = s.recipientTokens[0]!;
      const [viaGateway, direct] = await Promise.all([post(oursUrl, DASHBOARD, { first: 10 }, token), dashboardChain(urls, token, 10)]);
      const same = canonical(viaGateway) === canonical(direct);
      if (!same) failures.push('direct chain and gateway answered differently');
      const tokens = s.recipientTokens;
      await closedLoop((i) => dashboardChain(urls, tokens[i % tokens.length]!, 10), warm);
      const r = await interleaved([
        { name: 'gateway', run: () => closedLoop((i) => post(oursUrl, DASHBOARD, { first: 10 }, tokens[i % tokens.length]!), load) },
        { name: 'direct', run: () => closedLoop((i) => dashboardChain(urls, tokens[i % tokens.length]!, 10), load) },
      ], args.rounds);
      say(HEAD);
      say(row('through our gateway', r.gateway!));
      say(row('direct chain (5–6 calls in sequence)', r.direct!));
      say();
      say(`**Gateway/direct RPS: ${f2(r.gateway!.rps / r.direct!.rps)}×; p50 ratio gateway/direct: ${f2(r.gateway!.p50 / r.direct!.p50)}** (same answer: ${same ? 'yes' : 'NO'}).`);
      say();
      results.chain = r;
    }

    // ------------------------------------------------------------ SQL per request
    if (args.only.has('sql')) {
      say('## SQL statements per request, by page size (through our gateway, entity cache emptied before each request)');
      const sizes = args.smoke ? [10, 50] : [10, 50, 200];
      const cases = [
        { name: 'recipient dashboard (recipient with the most measures)', query: DASHBOARD, token: s.busiestRecipientToken },
        { name: "department's measures page (full pages)", query: REGION_MEASURES, token: s.departmentToken },
        { name: "supplier's incoming orders (busiest supplier)", query: INCOMING_ORDERS, token: s.busiestSupplierToken },
      ];
      say(`| request | ${sizes.map((n) => `first: ${n}`).join(' | ')} | per subgraph (people/programs/catalog/orders/finance) |`);
      say(`|---|${sizes.map(() => '---:').join('|')}|---|`);
      const sql: Record<string, unknown> = {};
      for (const c of cases) {
        const counts: Record<string, number>[] = [];
        for (const n of sizes) {
          // Fewest of three tries per subgraph: background jobs (outbox relays) also send statements now and then.
          let best: Record<string, number> | undefined;
          for (let t = 0; t < 3; t++) {
            await ours.call('cache-clear');
            await subgraphs.call('sql-reset');
            await post(oursUrl, c.query, { first: n }, c.token);
            const got = await subgraphs.call<Record<string, number>>('sql-count');
            best = best ? Object.fromEntries(Object.entries(got).map(([k, v]) => [k, Math.min(v, best![k] ?? v)])) : got;
          }
          counts.push(best!);
        }
        const totals = counts.map((x) => Object.values(x).reduce((a, b) => a + b, 0));
        const perSub = counts.map((x) => [x.people, x.programs, x.catalog, x.orders, x.finance].join('/'));
        say(`| ${c.name} | ${totals.join(' | ')} | ${[...new Set(perSub)].join(' vs ')} |`);
        if (new Set(perSub).size !== 1) failures.push(`${c.name}: statements differ by page size (${perSub.join(', ')})`);
        sql[c.name] = { sizes, counts };
      }
      results.sql = sql;
      say();
    }
  } finally {
    await vanilla?.stop();
    await perRow?.stop();
    await uncached?.stop();
    await ours.stop();
    await subgraphs.stop();
  }
}

async function scaleSection(args: Args, results: Record<string, unknown>, fullLoad: { connections: number; seconds: number }, warm: { connections: number; seconds: number }) {
  // Latency, not throughput: a light load (at most 4 connections) so p99 is not just queueing.
  const load = { ...fullLoad, connections: Math.min(4, fullLoad.connections) };
  if (args.only.has('scale') && args.scaleSmall && args.scaleLarge) {
    say(`## Scale flatness: recipient dashboard p99, small vs large database (our gateway with the entity cache off, interleaved, ${load.connections} connections)`);
    const sides = [] as { name: string; persons: number; tokens: string[]; subgraphs: Child; gateway: Child }[];
    try {
      for (const [name, url] of [['small', args.scaleSmall], ['large', args.scaleLarge]] as const) {
        const smp = await sample(url, args.smoke ? 20 : 300);
        const sg = await Child.start('subgraphs', [url]);
        // Entity cache off: this measures how the subgraphs' reads scale with the data, not cache hits.
        const gw = await Child.start('ours', [JSON.stringify(sg.ready.urls), url, 'no-cache']);
        sides.push({ name, persons: smp.persons, tokens: smp.recipientTokens, subgraphs: sg, gateway: gw });
      }
      const bodies = [body(DASHBOARD, { first: 10 })];
      for (const side of sides) {
        const t = performance.now();
        await post(side.gateway.ready.url!, DASHBOARD, { first: 10 }, side.tokens[0]!);
        say(`${side.persons} persons: first dashboard answered in ${f1(performance.now() - t)} ms.`);
      }
      for (const side of sides) await cannon(side.gateway.ready.url!, bodies, side.tokens, warm);
      const r = await interleaved(sides.map((side) => ({ name: side.name, run: () => cannon(side.gateway.ready.url!, bodies, side.tokens, load) })), args.rounds);
      say(HEAD);
      for (const side of sides) say(row(`${side.persons} persons`, r[side.name]!));
      say();
      say(`**p99 large/small: ${f2(r.large!.p99 / r.small!.p99)}×** (goal ≤ 1.2×); p50 large/small: ${f2(r.large!.p50 / r.small!.p50)}×; RPS large/small: ${f2(r.large!.rps / r.small!.rps)}×.`);
      say();
      results.scale = { persons: sides.map((x) => x.persons), ...r };
    } finally {
      for (const side of sides) {
        await side.gateway.stop();
        await side.subgraphs.stop();
      }
    }
  }

}

const SUBGRAPH_NAMES = ['people', 'programs', 'catalog', 'orders', 'finance'] as const;

/**
 * Mostly new callers: the dashboard for N recipients (default 5,000), each target continuing where its last round
 * stopped, so a recipient is seen about once and the entity cache serves only what callers share. Each subgraph
 * runs in its own process, so CPU per dashboard is reported per subgraph, with SQL statements per dashboard.
 */
async function newCallersSection(args: Args, profileDir: string, results: Record<string, unknown>, load: { connections: number; seconds: number }, warm: { connections: number; seconds: number }) {
  const s = await sample(args.databaseUrl, args.newCallers);
  const tokens = s.recipientTokens;
  say(`## New callers: the recipient dashboard for ${tokens.length} recipients cycled (ours with the entity cache on and off vs vanilla; one process per subgraph)`);
  // One after another: each start migrates its own schema and installs the change triggers.
  const subs: Child[] = [];
  for (const name of SUBGRAPH_NAMES) subs.push(await Child.start('subgraphs', [args.databaseUrl, name]));
  const urls: Record<string, string> = Object.assign({}, ...subs.map((c) => c.ready.urls));
  await Promise.all(subs.map((c) => c.call('peers', { urls })));
  const [ours, uncached, vanilla, unbatched] = await Promise.all([
    Child.start('ours', [JSON.stringify(urls), args.databaseUrl], args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}-new-callers-gateway`] : []),
    Child.start('ours', [JSON.stringify(urls), args.databaseUrl, 'no-cache'], args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}-new-callers-uncached`] : []),
    Child.start('vanilla', [JSON.stringify(urls)]),
    // --callers-ab: ours with the entity cache on and callers batches off (transport.ts `callersBatch`).
    args.callersAb ? Child.start('ours', [JSON.stringify(urls), args.databaseUrl, 'no-callers']) : null,
  ]);
  const gateways = { ours, uncached, vanilla, ...(unbatched ? { unbatched } : {}) } as Record<'ours' | 'uncached' | 'vanilla' | 'unbatched', Child>;
  type Name = keyof typeof gateways;
  try {
    const variables = { first: 10 };
    let same = 0;
    for (const token of tokens.slice(-5)) {
      const [a, b, c] = await Promise.all([ours, vanilla, uncached].map((g) => post(g.ready.url!, DASHBOARD, variables, token)));
      if (canonical(a) === canonical(b) && canonical(c) === canonical(b)) same++;
      else failures.push('new callers: the gateways answered differently');
    }
    const bodies = [body(DASHBOARD, variables)];
    // Each target goes on through the recipients from where it stopped: a caller comes back only after all the others.
    const cursor: Record<Name, number> = { ours: 0, uncached: 0, vanilla: 0, unbatched: 0 };
    const next = async (name: Name, opts: { connections: number; seconds: number }) => {
      const k = cursor[name] % tokens.length;
      const r = await cannon(gateways[name].ready.url!, bodies, [...tokens.slice(k), ...tokens.slice(0, k)], opts);
      cursor[name] += r.requests;
      return r;
    };
    for (const name of Object.keys(gateways) as Name[]) await next(name, warm);
    await ours.call('reset-stats');
    const zero = () => ({ gateway: 0, sql: 0, ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, 0])) }) as Record<string, number>;
    const used: Record<Name, Record<string, number>> = { ours: zero(), uncached: zero(), vanilla: zero(), unbatched: zero() };
    const cpuNow = (gw: Child) => Promise.all([gw.call<number>('cpu'), ...subs.map((c) => c.call<number>('cpu'))]);
    // What each process spends with no request at all (outbox relays, jobs, the change feed), per ms: on a loaded
    // machine rounds serve few dashboards, so this is taken off each round's CPU before dividing by its dashboards.
    const all = [...Object.values(gateways), ...subs];
    const idle0 = await Promise.all(all.map((c) => c.call<number>('cpu')));
    const idleStart = performance.now();
    await new Promise((r) => setTimeout(r, 3000));
    const idle1 = await Promise.all(all.map((c) => c.call<number>('cpu')));
    const idleMs = performance.now() - idleStart;
    const background = new Map(all.map((c, i) => [c, (idle1[i]! - idle0[i]!) / idleMs]));
    const measured = (name: Name) => async () => {
      await Promise.all(subs.map((c) => c.call('sql-reset')));
      const before = await cpuNow(gateways[name]);
      const t = performance.now();
      const res = await next(name, load);
      const after = await cpuNow(gateways[name]);
      const wall = performance.now() - t;
      const sql = await Promise.all(subs.map((c) => c.call<Record<string, number>>('sql-count')));
      const net = (c: Child, used: number) => Math.max(0, used - background.get(c)! * wall);
      used[name].gateway! += net(gateways[name], after[0]! - before[0]!);
      SUBGRAPH_NAMES.forEach((n, i) => (used[name][n]! += net(subs[i]!, after[i + 1]! - before[i + 1]!)));
      used[name].sql! += sql.reduce((a, x) => a + Object.values(x).reduce((p, q) => p + q, 0), 0);
      return res;
    };
    if (args.profile) await Promise.all(subs.map((c) => c.call('profile-start')));
    const r = await interleaved((Object.keys(gateways) as Name[]).map((name) => ({ name, run: measured(name) })), args.rounds);
    const profiles = args.profile
      ? await Promise.all(subs.map((c, i) => c.call<string>('profile-stop', { file: path.join(`${profileDir}-new-callers`, `${SUBGRAPH_NAMES[i]}.cpuprofile`) })))
      : [];
    const stats = await ours.call<any>('stats');
    const per = (name: Name) => {
      const n = Math.max(1, r[name]!.requests);
      const ms = Object.fromEntries(Object.entries(used[name]).map(([k, v]) => [k, v / n]));
      return { ...ms, subgraphs: SUBGRAPH_NAMES.reduce((a, k) => a + ms[k]!, 0) } as Record<string, number>;
    };
    say(`| target | RPS | ratio vs vanilla | p50 ms | p99 ms | requests | errors | gateway CPU ms | ${SUBGRAPH_NAMES.join(' | ')} | subgraphs CPU ms | SQL statements |`);
    say(`|---|${'---:|'.repeat(10 + SUBGRAPH_NAMES.length)}`);
    const label: Record<Name, string> = { ours: 'ours (entity cache on)', uncached: 'ours, entity cache off', vanilla: 'vanilla @apollo/gateway', unbatched: 'ours, callers batches off' };
    const perDashboard: Record<string, unknown> = {};
    for (const name of Object.keys(gateways) as Name[]) {
      const x = r[name]!;
      const p = per(name);
      perDashboard[name] = p;
      say(`| ${label[name]} | ${f1(x.rps)} | ${f2(x.rps / r.vanilla!.rps)}× | ${f1(x.p50)} | ${f1(x.p99)} | ${x.requests} | ${x.errors} | ${f2(p.gateway!)} | ${SUBGRAPH_NAMES.map((k) => f2(p[k]!)).join(' | ')} | ${f2(p.subgraphs!)} | ${f2(p.sql!)} |`);
      if (x.errors) failures.push(`new callers: ${x.errors} errors under load (${name})`);
      // A machine too loaded to serve the rounds (autocannon times out at 10 s): the figures would mean nothing.
      if (x.requests < 30) say(`(${label[name]}: only ${x.requests} dashboards in the measured rounds, too few for these figures to mean anything.)`);
    }
    say();
    say(`CPU ms and SQL statements are per dashboard, over the measured rounds; CPU net of each process's background use with no requests (measured for ${f1(idleMs / 1000)} s before the rounds: ${all.map((c) => f2(background.get(c)!)).join(' / ')} ms per ms for ${[...Object.keys(gateways), ...SUBGRAPH_NAMES].join(' / ')}).`);
    const visits = r.ours!.requests / tokens.length;
    const k = stats.cache;
    say(
      `**Dashboard RPS ratio ours/vanilla with mostly new callers: ${f2(r.ours!.rps / r.vanilla!.rps)}×** (goal ≥ 3×); cache off: ${f2(r.uncached!.rps / r.vanilla!.rps)}×; ` +
        `same answers: ${same}/5; ours served ${f2(visits)} dashboards per recipient over the measured rounds.`,
    );
    if (k) say(`Entity cache (ours): ${k.hits} hits / ${k.misses} misses (hit rate ${f1((100 * k.hits) / Math.max(1, k.hits + k.misses))} %), ${k.stores} stored, ${k.uncacheable} not cacheable, ${k.fences} requests synced by ${k.fencesSent} fences.`);
    // A callers batch is one HTTP request for the fetches it carries (each counted in subgraphRequests).
    const httpRequests = stats.subgraphRequests - stats.callersBatched + stats.callersBatches;
    say(`Subgraph fetches (ours, measured rounds): ${stats.subgraphRequests} in ${httpRequests} HTTP requests; ${stats.callersBatches} callers batches carried ${stats.callersBatched} fetches of different callers.`);
    say();
    if (profiles.length) {
      for (const [i, file] of profiles.entries()) {
        say(`### CPU profile of the ${SUBGRAPH_NAMES[i]} subgraph over the measured rounds (self time)`);
        say(summarizeProfile(path.dirname(file), path.basename(file)));
        say();
      }
    }
    results.newCallers = { recipients: tokens.length, ...r, perDashboard, backgroundCpuPerMs: all.map((c) => background.get(c)), cacheStats: stats.cache, same, visitsPerRecipient: visits, profiles: profiles.map((f) => path.relative(path.resolve(BENCH, '..'), f)) };
  } finally {
    for (const g of Object.values(gateways)) await g.stop();
    for (const c of subs) await c.stop();
  }
}

function finish(args: Args, started: Date, results: Record<string, unknown>, profileDir: string) {
  // ------------------------------------------------------------ profile summary
  if (args.profile) {
    // Our gateway of the main sections (gateway, chain, sql) is the one profiled into profileDir.
    if (['gateway', 'chain', 'sql'].some((x) => args.only.has(x))) {
      say('## CPU profile of our gateway process (self time, top functions, whole run)');
      say(summarizeProfile(profileDir));
      say();
    }
    if (args.only.has('gateway')) {
      say('## CPU profile of the vanilla gateway process (self time, top functions, whole run)');
      say(summarizeProfile(`${profileDir}-vanilla`));
      say();
    }
    if (args.only.has('newcallers')) {
      say('## CPU profile of our gateway process in the new-callers section (entity cache on; self time, top functions, whole run)');
      say(summarizeProfile(`${profileDir}-new-callers-gateway`));
      say();
    }
  }

  if (failures.length) {
    say('## Problems');
    for (const f of failures) say(`- ${f}`);
  }
  mkdirSync(args.out, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const name = `${stamp}${args.smoke ? '-smoke' : ''}`;
  writeFileSync(path.join(args.out, `${name}.md`), lines.join('\n') + '\n');
  writeFileSync(path.join(args.out, `${name}.json`), JSON.stringify({ ...results, failures }, null, 2));
  console.log(`\nwritten: ${path.join(args.out, name)}.{md,json}`);
  process.exit(failures.length ? 1 : 0);
}

/** `packages/x` or `subgraphs/x` (or `gateway`) of one of our files, so the table says whose code it is. */
const ownModule = (url: string) => /\/(packages|subgraphs)\/([^/]+)\//.exec(url)?.slice(1).join('/') ?? (url.includes('/gateway/') ? 'gateway' : '');

/** Self time per function (and per package) from a V8 .cpuprofile: what the gateway spends its CPU on. */
function summarizeProfile(dir: string, only?: string): string {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return '(no profile written)';
  }
  files = files.filter((f) => f.endsWith('.cpuprofile') && (!only || f === only));
  if (!files.length) return '(no profile written)';
  const prof = JSON.parse(readFileSync(path.join(dir, files[0]!), 'utf8'));
  const byId = new Map<number, any>(prof.nodes.map((n: any) => [n.id, n]));
  const hits = new Map<number, number>();
  for (const id of prof.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = prof.samples.length;
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, n] of hits) {
    const frame = byId.get(id).callFrame;
    const url: string = frame.url ?? '';
    const where = url.includes('node_modules/') ? url.split('node_modules/').pop()!.split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/') : url.startsWith('node:') ? 'node core' : url ? `aleumet ${ownModule(url)}` : '(vm)';
    const key = `${frame.functionName || '(anonymous)'} — ${where}`;
    fn.set(key, (fn.get(key) ?? 0) + n);
    pkg.set(where, (pkg.get(where) ?? 0) + n);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, n]) => `| ${name} | ${((100 * n) / total).toFixed(1)} % |`).join('\n');
  return `| function — package | self |\n|---|---:|\n${top(fn, 15)}\n\n| package | self |\n|---|---:|\n${top(pkg, 10)}\n\n(${total} samples; profile: ${path.relative(path.resolve(BENCH, '..'), path.join(dir, files[0]!))})`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
