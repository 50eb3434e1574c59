/**
 * The gateway's upstream graphql-ws pool: one connection per subgraph shared by every caller when
 * the subgraph authorizes per operation (http-kit), one per caller token otherwise — and each
 * subscription always runs as its own caller. Regression: one upstream socket per subscriber
 * (plus its downstream socket) ran a 10,000-subscriber gateway out of file descriptors (EMFILE).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { createRequire } from 'node:module';
import type { GraphQLSchema } from 'graphql';
import { Role, bearerExpiresAt, signToken, verifyToken, type Identity } from '@aleumet/core';
import { listen, serveGraphQLWs, type WsServing } from '@aleumet/http-kit';
import { UpstreamPool } from '../src/subscriptions/upstream.js';

const SDL = 'type Query { ok: Boolean } type Subscription { whoami: String ticks: String }';
// The graphql instance graphql-ws loads (Node's require), not the test transform's copy: one realm for schemas.
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** `whoami` emits the caller's `sub` (the resolver sees the operation's own identity), then again 1 s later, and ends. */
function schemaFor(): GraphQLSchema {
  const schema = buildSchema(SDL);
  const field = schema.getSubscriptionType()!.getFields().whoami!;
  field.subscribe = async function* (_root: unknown, _args: unknown, ctx: { identity: Identity | null }) {
    yield { whoami: ctx.identity?.sub ?? 'anonymous' };
    await new Promise((r) => setTimeout(r, 1_000));
    yield { whoami: ctx.identity?.sub ?? 'anonymous' };
  };
  /** `ticks`: the caller's `sub` every 100 ms until unsubscribed. */
  schema.getSubscriptionType()!.getFields().ticks!.subscribe = async function* (_root: unknown, _args: unknown, ctx: { identity: Identity | null }) {
    for (;;) {
      yield { ticks: ctx.identity?.sub ?? 'anonymous' };
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return schema;
}

const identity = (sub: string): Identity => ({ sub, role: Role.RECIPIENT, personId: sub, represents: [], scopes: [] });
const bearer = async (sub: string) => `Bearer ${await signToken(identity(sub))}`;

function collect(pool: UpstreamPool, url: string, authorization: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const stop = pool.subscribe(url, authorization, { query: 'subscription { whoami }', variables: {} }, {
      next: (r) => resolve(r.errors ? r.errors : (r.data as { whoami: string }).whoami),
      error: reject,
      complete: () => stop(),
    });
  });
}

describe('UpstreamPool', () => {
  let capable: { server: http.Server; ws: WsServing; url: string };
  let foreign: { server: http.Server; wss: WebSocketServer; url: string; connections: number };

  beforeAll(async () => {
    const server = http.createServer();
    const ws = serveGraphQLWs(server, { schema: schemaFor(), context: (id) => ({ identity: id }) });
    capable = { server, ws, url: `${await listen(server, 0)}/graphql` };

    // A graphql-ws server that knows nothing of per-operation tokens: identity from connection_init only.
    const fserver = http.createServer();
    const wss = new WebSocketServer({ server: fserver, path: '/graphql' });
    foreign = { server: fserver, wss, url: '', connections: 0 };
    useServer(
      {
        schema: schemaFor(),
        onConnect: () => {
          foreign.connections++;
          return true;
        },
        context: async (ctx) => ({ identity: await verifyToken(String(ctx.connectionParams?.authorization).replace(/^Bearer /, '')) }),
      },
      wss,
    );
    foreign.url = `${await listen(fserver, 0)}/graphql`;
  });
  afterAll(async () => {
    await capable.ws.dispose();
    capable.server.close();
    for (const c of foreign.wss.clients) c.terminate();
    foreign.wss.close();
    foreign.server.close();
  });

  it('shares one connection among callers of a subgraph that authorizes per operation; each runs as itself', async () => {
    const pool = new UpstreamPool();
    const subs = ['alice', 'bob', 'carol', 'dave', 'erin'];
    const tokens = await Promise.all(subs.map(bearer));
    // While the five subscriptions are open: one upstream connection.
    expect(await Promise.all(tokens.map((t) => collect(pool, capable.url, t)))).toEqual(subs);
    expect(pool.size).toBe(1);
    expect(capable.ws.wss.clients.size).toBe(1);
    // A bad token in one operation: that operation is anonymous, the shared connection goes on.
    expect(await collect(pool, capable.url, 'Bearer not-a-token')).toBe('anonymous');
    expect(await collect(pool, capable.url, tokens[1]!)).toBe('bob');
    await pool.close();
  });

  /**
   * Regression: after a reconnect, connection_init of the shared connection carried the newest open
   * subscription's token; once that token had expired (or was otherwise refused) the subgraph closed the
   * connection with 4403, which was not retried, and every caller's subscription on it failed.
   */
  it('reconnects a shared connection with a live token when the newest one has expired or is refused', async () => {
    const pool = new UpstreamPool({ retryAttempts: 5 });
    const ticks = (authorization: string) => {
      const got: unknown[] = [];
      const failed: unknown[] = [];
      const stop = pool.subscribe(capable.url, authorization, { query: 'subscription { ticks }', variables: {} }, {
        next: (r) => got.push(r.errors ? 'error' : (r.data as { ticks: string }).ticks),
        error: (e) => failed.push(e),
        complete: () => failed.push('complete'),
      });
      return { got, failed, stop };
    };
    const waitFor = async (what: () => boolean, ms = 10_000) => {
      for (const until = Date.now() + ms; !what(); ) {
        if (Date.now() > until) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const long = ticks(await bearer('ivan'));
    await waitFor(() => long.got.length > 0);
    // Newer subscriptions: one whose token expires in 2 s, one whose token the subgraph refuses (not a JWT).
    const short = `Bearer ${await signToken(identity('judy'), '2s')}`;
    expect(bearerExpiresAt(short)).toBeLessThan(Date.now() + 3_000);
    const expiring = ticks(short);
    await waitFor(() => expiring.got.includes('judy'));
    await new Promise((r) => setTimeout(r, 2_500));
    const bogus = ticks('Bearer not.a.token');
    await waitFor(() => bogus.got.includes('anonymous'));
    expect(pool.size).toBe(1);

    // The subgraph drops the connection (restart, network): the pool reconnects.
    for (const c of capable.ws.wss.clients) c.terminate();
    const before = long.got.length;
    await waitFor(() => long.got.length > before + 3);
    expect(long.failed).toEqual([]);
    expect(long.got.at(-1)).toBe('ivan');
    // The expired token's own operation now runs unauthenticated (its resolvers would refuse it); the connection goes on.
    const expiredBefore = expiring.got.length;
    await waitFor(() => expiring.got.length > expiredBefore);
    expect(expiring.got.at(-1)).toBe('anonymous');
    expect(capable.ws.wss.clients.size).toBe(1);
    for (const s of [long, expiring, bogus]) s.stop();
    await pool.close();
  });

  it('opens one connection per caller token to a subgraph that does not (never another caller identity)', async () => {
    const pool = new UpstreamPool();
    const subs = ['frank', 'grace', 'heidi'];
    const tokens = await Promise.all(subs.map(bearer));
    expect(await Promise.all(tokens.map((t) => collect(pool, foreign.url, t)))).toEqual(subs);
    expect(pool.size).toBe(3);
    await pool.close();
  });
});

describe('listen', () => {
  it('keeps a listening server alive through a server error (accept failing with EMFILE)', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    const url = await listen(server, 0);
    const emfile = Object.assign(new Error('accept EMFILE'), { code: 'EMFILE', syscall: 'accept' });
    expect(() => server.emit('error', emfile)).not.toThrow();
    expect(await (await fetch(url)).text()).toBe('ok');
    server.closeAllConnections();
    server.close();
  });
});
