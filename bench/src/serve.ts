/**
 * One benchmark server per child process, so the load generator, the gateways and the subgraphs do
 * not share an event loop: `node bench/dist/serve.js subgraphs <databaseUrl>`, `… ours <urls-json> <databaseUrl>`,
 * `… vanilla <urls-json>`. Each reports `{ type: 'ready', url | urls }` over IPC and answers a few commands.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { internalHeaders } from '@aleumet/core';
import { createRuntime } from '@aleumet/runtime';
import { startSubgraph, type RunningSubgraph } from '@aleumet/subgraph-kit';
import { SUBGRAPHS, SUPERGRAPH_PATH } from '@aleumet/platform';
import { startGateway } from '@aleumet/gateway';

type Message = { cmd: string; [k: string]: unknown };
const send = (m: unknown) => process.send?.(m);
const on = (handler: (m: Message) => unknown) =>
  process.on('message', async (m: Message) => {
    if (m.cmd === 'exit') process.exit(0);
    // CPU time this process has used (ms): per-request CPU is steadier than RPS on a shared machine.
    if (m.cmd === 'cpu') {
      const u = process.cpuUsage();
      return send({ type: 'reply', id: m.id, value: (u.user + u.system) / 1000 });
    }
    // A CPU profile of the measured rounds only (not start-up): `profile-start`, then `profile-stop` with `file`.
    if (m.cmd === 'profile-start') {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      return send({ type: 'reply', id: m.id, value: null });
    }
    if (m.cmd === 'profile-stop') {
      const { profile } = await profiler!.post('Profiler.stop');
      profiler!.disconnect();
      mkdirSync(path.dirname(m.file as string), { recursive: true });
      writeFileSync(m.file as string, JSON.stringify(profile));
      return send({ type: 'reply', id: m.id, value: m.file });
    }
    send({ type: 'reply', id: m.id, value: await handler(m) });
  });
let profiler: Session | undefined;

// Never outlive the benchmark that started us.
process.on('disconnect', () => process.exit(0));

const [role, arg1, arg2, arg3] = process.argv.slice(2);

if (role === 'subgraphs') {
  const runtime = createRuntime();
  const running: RunningSubgraph[] = [];
  // An optional comma-separated list starts only those subgraphs (one process per subgraph: CPU per subgraph).
  const only = arg2?.split(',');
  for (const def of SUBGRAPHS.filter((d) => !only || only.includes(d.name))) {
    const sub = await startSubgraph(def, { databaseUrl: arg1!, migrate: true, port: 0, runtime });
    running.push(sub);
    runtime.peers.set(def.name, sub.url);
  }
  on((m) => {
    if (m.cmd === 'sql-reset') running.forEach((s) => s.sql.reset());
    if (m.cmd === 'sql-count') return Object.fromEntries(running.map((s) => [s.name, s.sql.count]));
    // The URLs of the subgraphs in other processes, for calls between subgraphs.
    if (m.cmd === 'peers') for (const [name, url] of Object.entries(m.urls as Record<string, string>)) if (!running.some((s) => s.name === name)) runtime.peers.set(name as never, url);
    return null;
  });
  send({ type: 'ready', urls: Object.fromEntries(running.map((s) => [s.name, s.url])) });
} else if (role === 'ours') {
  const gateway = await startGateway({
    supergraphPath: SUPERGRAPH_PATH,
    port: 0,
    subgraphUrls: JSON.parse(arg1!),
    // As the platform starts it, without rate limits: the load generator is one client sending thousands of requests.
    // A third argument `per-row` writes each audit row in its own INSERT (before group commit), for the A/B in run.ts;
    // `no-cache` turns the entity cache off, `no-callers` the callers batches (the same gateway otherwise).
    security: { databaseUrl: arg2, rateLimit: false, ...(arg3 === 'per-row' ? { auditBatchRows: 1 } : {}) },
    entityCache: arg3 === 'no-cache' ? false : { databaseUrl: arg2 },
    ...(arg3 === 'no-callers' ? { transport: { callersBatch: false } } : {}),
  } as Parameters<typeof startGateway>[0]);
  // Audit group commit: rows and INSERT statements since the last reset.
  const audit = () => ({ rows: gateway.auditStats?.rows ?? 0, statements: gateway.auditStats?.statements ?? 0 });
  let auditBase = audit();
  let fenceBase = 0;
  on((m) => {
    if (m.cmd === 'stats') {
      const now = audit();
      const c = gateway.entityCache;
      const cache = c ? { ...c.stats, entries: c.size, fencesSent: c.feed.fencesSent - fenceBase } : null;
      return { ...gateway.transport.stats, audit: { rows: now.rows - auditBase.rows, statements: now.statements - auditBase.statements }, cache };
    }
    if (m.cmd === 'cache-clear') gateway.entityCache?.clear();
    if (m.cmd === 'reset-stats') {
      gateway.transport.resetStats();
      gateway.entityCache?.resetStats();
      fenceBase = gateway.entityCache?.feed.fencesSent ?? 0;
      auditBase = audit();
    }
    return null;
  });
  send({ type: 'ready', url: gateway.url });
} else if (role === 'vanilla') {
  // What the @apollo/gateway documentation shows: a RemoteGraphQLDataSource forwarding the caller's token, and @apollo/server.
  const urls = JSON.parse(arg1!) as Record<string, string>;
  class Forwarding extends RemoteGraphQLDataSource<{ authorization?: string }> {
    override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<{ authorization?: string }>) {
      if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    }
  }
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) => {
      const ds = new Forwarding({ url: urls[name] ?? url });
      // Our subgraphs answer only requests signed with the internal secret: the one change to the documented setup.
      const fetcher = ds.fetcher;
      ds.fetcher = ((input: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
        fetcher(input, { ...init, headers: { ...init.headers, ...internalHeaders(String(input), init.body ?? '') } } as never)) as unknown as typeof fetcher;
      return ds;
    },
  });
  const server = new ApolloServer<{ authorization?: string }>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  on(() => null);
  send({ type: 'ready', url: url.replace(/\/$/, '') + '/' });
} else {
  console.error('usage: serve.js subgraphs|ours|vanilla …');
  process.exit(2);
}
