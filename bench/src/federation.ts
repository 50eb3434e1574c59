/**
 * Our gateway on a supergraph it did not write: four small subgraphs that know nothing of our entity cache
 * (users → reviews → products → inventory, with a `@requires`), one nested operation, many concurrent clients.
 *
 *   node bench/dist/federation.js [--pin] [--connections 50] [--seconds 8] [--rounds 3]
 *
 * Plain @apollo/gateway (also started with our node option, to show what that does for it), ours with shared
 * executions off, and ours as it starts by default (identical concurrent anonymous queries share one execution)
 * run interleaved round by round in one run; answers are checked equal first. Printed and written to bench/results/<timestamp>-federation.md: RPS and p99 ratios against plain,
 * subgraph requests per operation, gateway CPU per request.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GATEWAY_NODE_OPTIONS } from '@aleumet/gateway';
import { cannon, combine, type LoadResult } from './load.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

class Child {
  private seq = 0;
  private readonly waiting = new Map<number, (v: unknown) => void>();
  private constructor(readonly proc: ChildProcess, readonly ready: { url?: string; urls?: Record<string, string>; supergraph?: string }) {
    proc.on('message', (m: any) => m.type === 'reply' && this.waiting.get(m.id)?.(m.value));
  }
  static start(role: string, args: string[], execArgv: string[] = []): Promise<Child> {
    // Request logs as in production (JSON lines), not the development format.
    const env = { ...process.env, LOG_FORMAT: 'json' };
    const proc = fork(path.join(HERE, 'federation-serve.js'), [role, ...args], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv, env });
    return new Promise((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
      proc.on('message', (m: any) => m.type === 'ready' && resolve(new Child(proc, m)));
    });
  }
  call<T>(cmd: string): Promise<T> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (v: unknown) => void);
      this.proc.send({ cmd, id });
    });
  }
  /** Asks the child to exit (a profiled child writes its profile on exit), then ends it. */
  async stop() {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.proc.send({ cmd: 'exit', id: 0 });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (this.proc.exitCode === null) this.proc.kill('SIGTERM');
  }
}

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' }, seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' },
    // Directory for CPU profiles (`--cpu-prof`) of every gateway child.
    profile: { type: 'string' },
    // Comma-separated subset of the targets; the first is the one ratios compare against.
    targets: { type: 'string' },
    // Also ours with the execution levers added one by one.
    levers: { type: 'boolean', default: false },
    // The gateways on the last CPU, every other process of the run (subgraphs, load generator) on the others
    // (`taskset`, Linux): each gateway measured on one core of its own.
    pin: { type: 'boolean', default: false },
    // Each round sends this many requests per gateway instead of running for --seconds: on a machine too busy
    // for many requests to finish in a round, every request counted completes and CPU per request is exact.
    requests: { type: 'string' },
  },
});
const connections = Number(args.connections);
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);

const lines: string[] = [];
const say = (s = '') => (console.log(s), lines.push(s));

const { QUERY } = await import('./federation-serve.js');
const body = JSON.stringify({ query: QUERY, operationName: 'Feed' });
const dir = mkdtempSync(path.join(os.tmpdir(), 'aleumet-bench-federation-'));
const profiled = (name: string) => (args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(args.profile, name)}`] : []);
const cpus = os.cpus().length;
/** Pins a process and all its threads to these CPUs. */
const pin = (pid: number, list: string) => execFileSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
if (args.pin && cpus < 2) throw new Error('--pin needs at least 2 CPUs');
if (args.pin) pin(process.pid, `0-${cpus - 2}`);
const subgraphs = await Child.start('subgraphs', [dir], profiled('subgraphs'));
if (args.pin) pin(subgraphs.proc.pid!, `0-${cpus - 2}`);
const supergraph = subgraphs.ready.supergraph!;
/** Every execution lever off (each on by default). */
const LEVERS_OFF = { execution: { compiledShaping: false, mergeFetches: false, leanExecutor: false }, transport: { cheapCopies: false, batchEntities: false } };
/** How the gateway process is started (compose.yaml, deploy/k8s, the package bin): ours runs with it. */
const AS_DEPLOYED = [GATEWAY_NODE_OPTIONS];
const TARGETS: Record<string, { label: string; role: string; args: string[]; node?: string[] }> = {
  plain: { label: 'plain @apollo/gateway', role: 'plain', args: [] },
  // Our node option given to plain as well: what it does for plain.
  'plain-tuned': { label: `plain @apollo/gateway started with our node option (${GATEWAY_NODE_OPTIONS})`, role: 'plain', args: [], node: AS_DEPLOYED },
  unshared: { label: 'ours, shared executions off (every lever on; in `--levers`: … + node option)', role: 'ours', args: ['off'], node: AS_DEPLOYED },
  ours: { label: 'ours (default: identical anonymous queries share)', role: 'ours', args: ['anonymous'], node: AS_DEPLOYED },
  // Shared executions off, levers added one at a time (`--levers`): what each gave.
  'no-levers': { label: 'ours, shared executions off, no execution levers, Node defaults', role: 'ours', args: ['off', JSON.stringify(LEVERS_OFF)] },
  '+shaping': { label: '… + compiled result shaping', role: 'ours', args: ['off', JSON.stringify({ ...LEVERS_OFF, execution: { ...LEVERS_OFF.execution, compiledShaping: true } })] },
  '+copies': {
    label: '… + cheap copies of shared subgraph answers', role: 'ours',
    args: ['off', JSON.stringify({ ...LEVERS_OFF, execution: { ...LEVERS_OFF.execution, compiledShaping: true }, transport: { ...LEVERS_OFF.transport, cheapCopies: true } })],
  },
  '+merge': {
    label: '… + merged fetches', role: 'ours',
    args: ['off', JSON.stringify({ execution: { ...LEVERS_OFF.execution, compiledShaping: true, mergeFetches: true }, transport: { cheapCopies: true, batchEntities: true } })],
  },
  '+lean': { label: '… + lean executor (apollo-internals.ts)', role: 'ours', args: ['off'] },
  // + the node option: every lever on, i.e. `unshared`.
};
const chosen = (args.targets ?? (args.levers ? 'plain,no-levers,+shaping,+copies,+merge,+lean,unshared,ours' : 'plain,plain-tuned,unshared,ours')).split(',');
if (chosen.some((n) => !TARGETS[n])) throw new Error(`--targets: one of ${Object.keys(TARGETS).join(', ')}`);
const targets: Record<string, Child> = {};
for (const n of chosen) {
  targets[n] = await Child.start(TARGETS[n]!.role, [supergraph, ...TARGETS[n]!.args], [...(TARGETS[n]!.node ?? []), ...profiled(n)]);
  if (args.pin) pin(targets[n].proc.pid!, String(cpus - 1));
}
type Name = string;
const label = (n: Name) => TARGETS[n]!.label;
const base = chosen[0]!;

try {
  // Same answer everywhere before measuring.
  const answers: Record<string, string> = {};
  const perOperation: Record<string, Record<string, number>> = {};
  for (const [name, child] of Object.entries(targets)) {
    await subgraphs.call('reset');
    const res = await fetch(child.ready.url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    answers[name] = await res.text();
    perOperation[name] = await subgraphs.call<Record<string, number>>('counts');
  }
  if (new Set(Object.values(answers)).size !== 1 || answers[base]!.includes('"errors"')) {
    throw new Error(`answers differ or fail:\n${Object.entries(answers).map(([k, v]) => `${k}: ${v.slice(0, 300)}`).join('\n')}`);
  }
  say(`# Gateway on a foreign supergraph (${new Date().toISOString()})`);
  say();
  say(`Machine: ${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} at start (shared machine: compare ratios, not absolute numbers).`);
  say(`Operation: users → reviews → product (+ inventory with @requires) → product reviews → author; answer ${(answers[base]!.length / 1024).toFixed(1)} KiB; ${connections} connections, ${rounds} rounds × ${args.requests ? `${args.requests} requests` : `${seconds} s`} each, gateways interleaved${args.pin ? `; each gateway pinned to CPU ${cpus - 1}, everything else to ${cpus === 2 ? 'CPU 0' : `CPUs 0–${cpus - 2}`}` : ''}.`);
  say();

  const results: Record<Name, LoadResult[]> = Object.fromEntries(chosen.map((n) => [n, []]));
  const cpu: Record<Name, number> = Object.fromEntries(chosen.map((n) => [n, 0]));
  // The load generator's own CPU (this process): near a core means it, not the gateway, limits the RPS.
  const loader: Record<Name, number> = Object.fromEntries(chosen.map((n) => [n, 0]));
  const subgraphCalls: Record<Name, number> = Object.fromEntries(chosen.map((n) => [n, 0]));
  for (let r = 0; r < rounds; r++) {
    for (const name of Object.keys(targets) as Name[]) {
      const child = targets[name];
      await subgraphs.call('reset');
      const c0 = await child.call<number>('cpu');
      const l0 = process.cpuUsage();
      results[name].push(await cannon(child.ready.url!, [body], [], { connections, seconds, amount: args.requests ? Number(args.requests) : undefined }));
      cpu[name] += (await child.call<number>('cpu')) - c0;
      const l1 = process.cpuUsage(l0);
      loader[name] += (l1.user + l1.system) / 1000;
      subgraphCalls[name] += Object.values(await subgraphs.call<Record<string, number>>('counts')).reduce((a, b) => a + b, 0);
    }
  }
  const total = Object.fromEntries((Object.keys(targets) as Name[]).map((n) => [n, combine(results[n])])) as Record<Name, LoadResult>;
  say('| gateway | RPS | ratio | p50 ms | p99 ms | p99 vs plain | subgraph requests per operation (one request alone) | subgraph requests per client request (under load) | gateway CPU ms per request | CPU ratio (plain / this) | load generator CPU, share of a core | errors |');
  say('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of Object.keys(targets) as Name[]) {
    const t = total[n]!;
    const alone = Object.values(perOperation[n]!).reduce((a, b) => a + b, 0);
    say(`| ${label(n)} | ${t.rps.toFixed(0)} | ${(t.rps / total[base]!.rps).toFixed(2)}× | ${t.p50} | ${t.p99} | ${(t.p99 / total[base]!.p99).toFixed(2)}× | ${alone} | ${(subgraphCalls[n] / Math.max(1, t.requests)).toFixed(2)} | ${(cpu[n] / Math.max(1, t.requests)).toFixed(2)} | ${(cpu[base]! / Math.max(1, total[base]!.requests) / (cpu[n] / Math.max(1, t.requests))).toFixed(2)}× | ${(loader[n]! / (t.seconds * 1000)).toFixed(2)} | ${t.errors} |`);
  }
  say();
  say(`Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}. "CPU ratio": requests per CPU-second of the gateway process against the first row, i.e. the ratio on a gateway given one core of its own when it is the bottleneck.`);
  say('Ratios are within this run (the gateways take turns on the same machine). "Subgraph requests per client request" below 1 means requests shared one execution.');
  const out = path.join(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}-federation.md`);
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`\nwritten: ${path.relative(ROOT, file)}`);
} finally {
  await Promise.all([subgraphs, ...Object.values(targets)].map((t) => t.stop()));
}
