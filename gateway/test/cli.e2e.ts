import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signToken, Role } from '@aleumet/core';
import {
  CLI, ROOT, compose, link, post, replaceSupergraph, startCliGateway, startSubgraphs, tempDir, waitForSupergraph, writeSupergraph,
  type CliGateway, type RunningSubgraphs, type TestSubgraph,
} from './federation/harness.js';

// Every test starts the gateway as its own process: on a loaded machine that takes a while.
const SLOW = { timeout: 180_000 };

/**
 * The gateway CLI as a separate process (`node gateway/dist/main.js …`): health contract,
 * GET queries, auth modes, configuration sources, drain on SIGTERM, hot reload of the supergraph.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolvers can tell the test when a slow request has reached them. */
let slowStarted: () => void = () => {};
const whenSlowStarts = () => new Promise<void>((resolve) => (slowStarted = resolve));

const base: TestSubgraph = {
  name: 'base',
  typeDefs: link('@key') + /* GraphQL */ `
    type Query {
      hello: String!
      slow(ms: Int!): String!
      deep: Node
      "the authorization header the subgraph received"
      seenAuthorization: String
      seenHeader(name: String!): String
    }
    type Mutation { touch: Int! }
    type Node { child: Node value: Int! }
  `,
  resolvers: {
    Query: {
      hello: () => 'world',
      slow: async (_: unknown, { ms }: { ms: number }) => {
        slowStarted();
        await sleep(ms);
        return `slept ${ms}`;
      },
      deep: () => ({ value: 1 }),
      seenAuthorization: (_: unknown, __: unknown, ctx: { headers: Record<string, string> }) => ctx.headers.authorization ?? null,
      seenHeader: (_: unknown, { name }: { name: string }, ctx: { headers: Record<string, string> }) => ctx.headers[name.toLowerCase()] ?? null,
    },
    Mutation: { touch: () => 1 },
    Node: { child: (n: { value: number }) => ({ value: n.value + 1 }) },
  },
};
const extra: TestSubgraph = {
  name: 'extra',
  typeDefs: link('@key') + 'type Query { extra: String! }',
  resolvers: { Query: { extra: () => 'added by hot reload' } },
};

let subgraphs: RunningSubgraphs;
let v1: string; // base only
let v2: string; // base + extra
const running: CliGateway[] = [];
const start = async (...args: Parameters<typeof startCliGateway>) => {
  const gw = await startCliGateway(...args);
  running.push(gw);
  return gw;
};
/** One `--auth none` gateway shared by the tests that do not stop or reload it. */
let shared: CliGateway;
let sharedFile: string;

beforeAll(async () => {
  subgraphs = await startSubgraphs([base, extra]);
  v1 = compose([{ ...base, url: subgraphs.urls.base! }]);
  v2 = subgraphs.supergraphSdl;
  sharedFile = writeSupergraph(tempDir(), v1);
  shared = await start(sharedFile, { args: ['--auth', 'none', '--forward-header', 'x-request-id'] });
}, 180_000);
afterAll(async () => {
  await Promise.all(running.map((g) => g.close()));
  await subgraphs?.close();
});

/** `/health/supergraph`: the health status plus which supergraph is served. */
const health = async (gw: CliGateway) => {
  const res = await fetch(`${gw.base}/health/supergraph`);
  return { status: res.status, body: (await res.json()) as { status: string; loaded: boolean; hash?: string; reloads: number; lastError?: string } };
};

describe('health contract', () => {
  it('answers 503 until the supergraph is loaded (waiting for the file), then 200', SLOW, async () => {
    const dir = tempDir();
    const file = path.join(dir, 'supergraph.graphql');
    const gw = await start(file, { args: ['--auth', 'none'], waitReady: false });

    const before = await fetch(`${gw.base}/health`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'loading' });
    expect((await health(gw)).body).toMatchObject({ status: 'loading', loaded: false });
    const early = await post(gw.url, '{ hello }');
    expect(early.status).toBe(503);
    expect(early.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

    // Appears atomically, as a deploy would put it there.
    writeFileSync(`${file}.tmp`, v1);
    renameSync(`${file}.tmp`, file);
    await waitForSupergraph(gw, v1, 120_000);
    const after = await fetch(`${gw.base}/health`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ok' });
    expect((await health(gw)).body).toMatchObject({ status: 'ok', loaded: true, reloads: 0 });
    expect((await post(gw.url, '{ hello }')).data).toEqual({ hello: 'world' });
  });

  it('without --watch a missing supergraph stops start-up with a clear message', SLOW, async () => {
    await expect(start(path.join(tempDir(), 'missing.graphql'), { args: ['--no-watch'] })).rejects.toThrow(/exited with 1[\s\S]*cannot be read|ENOENT/);
  });
});

describe('HTTP', () => {
  it('serves queries over GET /graphql and refuses mutations over GET', async () => {
    const gw = shared;
    const headers = { 'apollo-require-preflight': 'true' };
    const q = await fetch(`${gw.url}?query=${encodeURIComponent('query($n: Int!) { hello slow(ms: $n) }')}&variables=${encodeURIComponent('{"n":1}')}`, { headers });
    expect(q.status).toBe(200);
    expect(await q.json()).toEqual({ data: { hello: 'world', slow: 'slept 1' } });

    const m = await fetch(`${gw.url}?query=${encodeURIComponent('mutation { touch }')}`, { headers });
    expect(m.status).toBe(405);
    // Apollo's CSRF prevention stays on: a GET without a preflight-forcing header is refused.
    const bare = await fetch(`${gw.url}?query=${encodeURIComponent('{ hello }')}`);
    expect(bare.status).toBe(400);
  });

  it('--auth none forwards the authorization header unverified; jwt mode verifies it first', SLOW, async () => {
    const none = shared;
    const r1 = await post(none.url, '{ seenAuthorization seenHeader(name: "x-request-id") }', {}, { authorization: 'Opaque abc', 'x-request-id': 'r-1' });
    expect(r1.data).toEqual({ seenAuthorization: 'Opaque abc', seenHeader: 'r-1' });
    // Anonymous stays anonymous: no authorization is added on the way; the request id is the gateway's own.
    const anonymous = await post(none.url, '{ seenAuthorization seenHeader(name: "x-request-id") }');
    expect(anonymous).toMatchObject({ status: 200, data: { seenAuthorization: null, seenHeader: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(anonymous.errors).toBeUndefined();

    const jwt = await start(writeSupergraph(tempDir(), v1));
    subgraphs.resetCounts();
    const bad = await post(jwt.url, '{ seenAuthorization }', {}, { authorization: 'Bearer not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(subgraphs.counts.base).toBe(0);
    const token = await signToken({ sub: 'admin-1', role: Role.ADMIN, represents: [], scopes: [] });
    const good = await post(jwt.url, '{ seenAuthorization }', {}, { authorization: `Bearer ${token}` });
    expect(good.data).toEqual({ seenAuthorization: `Bearer ${token}` });

    // SIGINT ends it as cleanly as SIGTERM.
    jwt.proc.kill('SIGINT');
    expect(await jwt.exited).toBe(0);
  });
});

describe('configuration', () => {
  it('reads a config file (subgraph URL override, limits, timeout) and SUBGRAPH_<NAME>_URL; flags win over the file', SLOW, async () => {
    const dir = tempDir();
    // The supergraph points at dead addresses; the config file and the environment put the right ones.
    const dead = 'http://127.0.0.1:9/graphql';
    const file = writeSupergraph(dir, compose([{ ...base, url: dead }, { ...extra, url: dead }]));
    const config = path.join(dir, 'gateway.yaml');
    writeFileSync(
      config,
      [
        'supergraph: ./supergraph.graphql',
        'auth: none',
        'port: 1', // overridden by --port
        `subgraphs: { base: "${subgraphs.urls.base}" }`,
        'timeouts: { subgraphMs: 300, drainMs: 5000 }',
        'limits: { maxDepth: 4 }',
      ].join('\n'),
    );
    const gw = await start('flag-wins.graphql', { args: ['--config', config, '--supergraph', file], env: { SUBGRAPH_EXTRA_URL: subgraphs.urls.extra! } });
    expect((await post(gw.url, '{ hello extra }')).data).toEqual({ hello: 'world', extra: 'added by hot reload' });

    const tooDeep = await post(gw.url, '{ deep { child { child { child { child { value } } } } } }');
    expect(tooDeep.data).toBeUndefined();
    // The security layer gives limit violations their own stable code.
    expect(['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED']).toContain(tooDeep.errors?.[0]?.extensions?.code);
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth/i);
    expect((await post(gw.url, '{ deep { child { value } } }')).data).toEqual({ deep: { child: { value: 2 } } });

    const t0 = Date.now();
    const slow = await post(gw.url, '{ slow(ms: 3000) }');
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(slow.data).toBeNull();
    expect(slow.errors).toHaveLength(1);
  });

  it('refuses an invalid configuration with exit code 2 and the reason', SLOW, async () => {
    await expect(start(writeSupergraph(tempDir(), v1), { args: ['--auth', 'maybe'] })).rejects.toThrow(/exited with 2[\s\S]*auth/);
    await expect(start(writeSupergraph(tempDir(), v1), { args: ['--auth', 'none'], env: { NODE_ENV: 'production' } })).rejects.toThrow(
      /development only/,
    );
  });
});

describe('shutdown', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} stops taking requests, finishes the in-flight one, then exits 0`, SLOW, async () => {
      const gw = await start(writeSupergraph(tempDir(), v1), { args: ['--auth', 'none'] });
      const started = whenSlowStarts();
      const inFlight = post(gw.url, '{ slow(ms: 1500) }');
      await started;
      const t0 = Date.now();
      gw.proc.kill(signal);
      await sleep(200);
      // New work is refused (connection refused, or 503 on a kept-alive connection).
      const late = await fetch(`${gw.base}/health`, { headers: { connection: 'close' } }).then((r) => r.status, () => 0);
      expect([0, 503]).toContain(late);
      const lateQuery = await fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ query: '{ hello }' }),
      }).then((r) => r.status, () => 0);
      expect([0, 503]).toContain(lateQuery);

      const res = await inFlight;
      expect(res.data).toEqual({ slow: 'slept 1500' });
      expect(await gw.exited).toBe(0);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
      expect(gw.output()).toContain(`${signal}: draining`);
    });
  }
});

describe('package bin', () => {
  it('the built entry point has a shebang and the committed bin is executable', () => {
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const bin = path.join(ROOT, 'gateway', (JSON.parse(readFileSync(path.join(ROOT, 'gateway/package.json'), 'utf8')) as { bin: Record<string, string> }).bin['aleumet-gateway']!);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('the bin runs by itself (shebang) and exits 0 on SIGTERM', SLOW, async () => {
    const gw = await start(writeSupergraph(tempDir(), v1), { command: [path.join(ROOT, 'node_modules/.bin/aleumet-gateway')], args: ['--auth', 'none'] });
    expect((await post(gw.url, '{ hello }')).data).toEqual({ hello: 'world' });
    gw.proc.kill('SIGTERM');
    expect(await gw.exited).toBe(0);
    expect(gw.output()).toContain('SIGTERM: draining');
  });

  it('`npx aleumet-gateway` serves a supergraph; SIGTERM to its process group (a terminal\'s stop) ends the gateway cleanly', SLOW, async () => {
    const gw = await start(writeSupergraph(tempDir(), v1), { command: ['npx', '--no-install', 'aleumet-gateway'], args: ['--auth', 'none'], group: true });
    expect((await post(gw.url, '{ hello }')).data).toEqual({ hello: 'world' });
    // npm itself does not pass a SIGTERM sent to it alone on to the gateway (it exits and leaves it running):
    // stop the group, as a terminal or process manager does.
    process.kill(-gw.proc.pid!, 'SIGTERM');
    await gw.exited;
    let status = 200;
    for (let i = 0; i < 300 && status !== 0; i++) {
      await sleep(50);
      status = await fetch(`${gw.base}/health`, { headers: { connection: 'close' } }).then((r) => r.status, () => 0);
    }
    expect(status).toBe(0);
    expect(gw.output()).toContain('SIGTERM: draining');
  });
});

describe('hot reload', () => {
  it('swaps to a changed supergraph without dropping the in-flight request, and refuses a broken one', SLOW, async () => {
    const file = sharedFile;
    const gw = shared;
    const first = await health(gw);
    expect((await post(gw.url, '{ extra }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const started = whenSlowStarts();
    const inFlight = post(gw.url, '{ hello slow(ms: 1200) }');
    await started;
    replaceSupergraph(file, v2);
    await waitForSupergraph(gw, v2);
    let h = await health(gw);
    expect(h.body.reloads).toBe(1);
    expect(h.body.hash).not.toBe(first.body.hash);
    expect((await post(gw.url, '{ extra hello }')).data).toEqual({ extra: 'added by hot reload', hello: 'world' });
    expect(await inFlight).toMatchObject({ status: 200, data: { hello: 'world', slow: 'slept 1200' } });

    // A broken file is not applied: the last good supergraph keeps serving, health says why.
    writeFileSync(file, 'this is not a supergraph');
    for (let i = 0; i < 200 && !h.body.lastError; i++) {
      await sleep(50);
      h = await health(gw);
    }
    expect(h.status).toBe(200);
    expect(h.body.lastError).toBeTruthy();
    expect(h.body.reloads).toBe(1);
    expect((await post(gw.url, '{ extra }')).data).toEqual({ extra: 'added by hot reload' });
  });
});
