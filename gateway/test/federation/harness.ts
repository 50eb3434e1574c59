import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { handleGraphQL, listen, closeServer } from '@aleumet/http-kit';

/** Builds the `extend schema @link(...)` header every test subgraph starts with. */
export const link = (...directives: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${directives.map((d) => `"${d}"`).join(', ')}])\n`;

/** One small in-process subgraph: plain SDL and resolvers, the shape the federation repos use for fixtures. */
export interface TestSubgraph {
  name: string;
  typeDefs: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: Record<string, any>;
}

export interface RunningSubgraphs {
  urls: Record<string, string>;
  /** Requests received per subgraph name (reset with `resetCounts`). */
  counts: Record<string, number>;
  resetCounts(): void;
  supergraphSdl: string;
  close(): Promise<void>;
}

export function compose(subgraphs: { name: string; typeDefs: string; url: string }[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.typeDefs) })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.supergraphSdl;
}

/** Starts every subgraph over real HTTP (and graphql-ws on the same port), then composes them. */
export async function startSubgraphs(defs: TestSubgraph[]): Promise<RunningSubgraphs> {
  const counts: Record<string, number> = {};
  const stops: (() => Promise<void>)[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const def of defs) {
      const schema = buildSubgraphSchema([{ typeDefs: parse(def.typeDefs), resolvers: def.resolvers }]);
      const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
      await apollo.start();
      counts[def.name] = 0;
      const server = http.createServer((req, res) => {
        counts[def.name]! += 1;
        void handleGraphQL(apollo, req, res, async () => ({ headers: req.headers }));
      });
      const wss = new WebSocketServer({ server, path: '/graphql' });
      const ws = useServer({ schema }, wss);
      const base = await listen(server, 0);
      urls[def.name] = `${base}/graphql`;
      stops.push(async () => {
        await ws.dispose();
        server.closeAllConnections();
        await closeServer(server);
        await apollo.stop();
      });
    }
  } catch (e) {
    await Promise.all(stops.map((s) => s()));
    throw e;
  }
  return {
    urls,
    counts,
    resetCounts: () => Object.keys(counts).forEach((k) => (counts[k] = 0)),
    supergraphSdl: compose(defs.map((d) => ({ ...d, url: urls[d.name]! }))),
    close: async () => void (await Promise.all(stops.map((s) => s()))),
  };
}

export interface GatewayUnderTest {
  name: string;
  url: string;
  close(): Promise<void>;
}

/** Plain @apollo/gateway + @apollo/server, as the Apollo docs set it up: the reference we compare with. */
export async function startPlainGateway(supergraphSdl: string): Promise<GatewayUnderTest> {
  const apollo = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  await apollo.start();
  const server = http.createServer((req, res) => void handleGraphQL(apollo, req, res, async () => ({})));
  const base = await listen(server, 0);
  return {
    name: 'plain @apollo/gateway',
    url: `${base}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await closeServer(server);
      await apollo.stop();
    },
  };
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'gateway/dist/main.js');

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'aleumet-gw-'));
}

/** Asks the OS for a port nobody listens on (never 4000–4005). */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await listen(server, 0);
  const port = (server.address() as { port: number }).port;
  await closeServer(server);
  return port;
}

export interface CliGateway extends GatewayUnderTest {
  base: string;
  port: number;
  proc: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Runs our gateway as a separate process through its CLI:
 * `node gateway/dist/main.js --supergraph <file> --port <n>` (or `command`, e.g. `npx aleumet-gateway`).
 * Waits for `GET /health` to answer 200 unless `waitReady` is false.
 */
export async function startCliGateway(
  supergraphPath: string,
  {
    args = [], env = {}, waitReady = true, command = [process.execPath, CLI], group = false, readyWithinMs = 60_000,
  }: {
    args?: string[]; env?: Record<string, string>; waitReady?: boolean; command?: string[];
    /** How long the start may take (generous by default: the machine is shared). */
    readyWithinMs?: number;
    /** Own process group (as a terminal runs a command): `close` signals the whole group, wrapper (npx) and gateway. */
    group?: boolean;
  } = {},
): Promise<CliGateway> {
  const port = await freePort();
  const proc = spawn(command[0]!, [...command.slice(1), '--supergraph', supergraphPath, '--port', String(port), '--host', '127.0.0.1', ...args], {
    cwd: ROOT,
    detached: group,
    // Info level: the tests read the gateway's own lines (draining, reloads) from its output.
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const gw: CliGateway = {
    name: 'aleumet-gateway (CLI)',
    base,
    port,
    url: `${base}/graphql`,
    proc,
    output: () => out,
    exited,
    close: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        if (group) process.kill(-proc.pid!, 'SIGTERM');
        else proc.kill('SIGTERM');
      }
      await exited;
    },
  };
  // Wait until it listens (any answer), and for 200 if asked.
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`gateway exited with ${proc.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      await gw.close();
      throw new Error(`gateway did not become ${waitReady ? 'ready' : 'reachable'}:\n${out}`);
    }
    const status = await fetch(`${base}/health`).then((r) => r.status, () => 0);
    if (status === 200 || (!waitReady && status !== 0)) return gw;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function writeSupergraph(dir: string, sdl: string, name = 'supergraph.graphql'): string {
  const file = path.join(dir, name);
  writeFileSync(file, sdl);
  return file;
}

export interface Result {
  status: number;
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Result> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** Replaces the file in one step (write + rename), as a deploy would. */
export function replaceSupergraph(file: string, sdl: string) {
  writeFileSync(`${file}.next`, sdl);
  renameSync(`${file}.next`, file);
}

/** Waits until the gateway's /health reports it serves exactly this supergraph. */
export async function waitForSupergraph(gw: { base: string }, sdl: string, timeoutMs = 60_000) {
  const hash = createHash('sha256').update(sdl).digest('hex');
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const res = await fetch(`${gw.base}/health/supergraph`).catch(() => null);
    if (res) {
      last = await res.json();
      if (res.status === 200 && (last as { hash?: string }).hash === hash) return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gateway did not load the new supergraph; last health: ${JSON.stringify(last)}`);
}
