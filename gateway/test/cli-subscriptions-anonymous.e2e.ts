import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import {
  compose, link, startCliGateway, startSubgraphs, tempDir, writeSupergraph,
  type CliGateway, type RunningSubgraphs, type TestSubgraph,
} from './federation/harness.js';
import { clockSubgraph, mathSubgraph } from './federation/ticks.js';

/**
 * `--auth none` on a supergraph we did not write: graphql-ws connections need no credentials, as
 * HTTP requests do not (an `authorization` is forwarded unverified); the limits still apply.
 */

const clock = clockSubgraph(7);
const math = mathSubgraph;
/** Tells which `x-request-id` each subgraph request carried: per-event fetches and queries alike. */
const echo: TestSubgraph = {
  name: 'echo',
  typeDefs: link('@key') + 'type Query { seenRequestId: String } type Tick @key(fields: "n") { n: Int! seenRequestId: String }',
  resolvers: {
    Query: { seenRequestId: (_: unknown, __: unknown, ctx: { headers: Record<string, string> }) => ctx.headers['x-request-id'] ?? null },
    Tick: {
      __resolveReference: (t: { n: number }) => t,
      seenRequestId: (_: unknown, __: unknown, ctx: { headers: Record<string, string> }) => ctx.headers['x-request-id'] ?? null,
    },
  },
};

let subgraphs: RunningSubgraphs;
let gw: CliGateway;

beforeAll(async () => {
  subgraphs = await startSubgraphs([clock, math, echo]);
  const file = writeSupergraph(tempDir(), subgraphs.supergraphSdl);
  gw = await startCliGateway(file, { args: ['--auth', 'none', '--no-watch', '--forward-header', 'x-request-id'] });
}, 180_000);
afterAll(async () => {
  await gw?.close();
  await subgraphs?.close();
});

/** `headers`: sent on the WebSocket upgrade request (Node clients can; browsers cannot). */
function run(connectionParams: Record<string, unknown> | undefined, query: string, headers?: Record<string, string>) {
  const webSocketImpl = headers
    ? class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      }
    : WebSocket;
  const client = createClient({ url: gw.url.replace(/^http/, 'ws'), webSocketImpl, connectionParams, retryAttempts: 0 });
  const events: unknown[] = [];
  let error: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe({ query }, { next: (v) => void events.push(v), error: (e) => ((error = e), resolve()), complete: resolve });
  });
  return { events, done: done.then(() => client.dispose()), error: () => error };
}

describe('graphql-ws with --auth none', () => {
  it('forwards anonymous connections: a subscription with another subgraph\'s field per event, and a query', { timeout: 60_000 }, async () => {
    const sub = run(undefined, 'subscription { ticks(count: 3, everyMs: 100) { n square } }');
    await sub.done;
    expect(sub.error()).toBeUndefined();
    expect(sub.events).toEqual([1, 2, 3].map((n) => ({ data: { ticks: { n, square: n * n } } })));

    const q = run(undefined, '{ now }');
    await q.done;
    expect(q.events).toEqual([{ data: { now: 7 } }]);
  });

  it('an authorization the gateway cannot verify is forwarded, not refused', { timeout: 60_000 }, async () => {
    const sub = run({ authorization: 'Custom not-a-platform-token' }, 'subscription { ticks(count: 1, everyMs: 10) { n } }');
    await sub.done;
    expect(sub.error()).toBeUndefined();
    expect(sub.events).toEqual([{ data: { ticks: { n: 1 } } }]);
  });

  it('limits still apply (aliases over the gateway default)', { timeout: 60_000 }, async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: n`).join(' ');
    const sub = run(undefined, `subscription { ticks(count: 1, everyMs: 10) { ${aliases} } }`);
    await sub.done;
    expect(sub.events).toEqual([]);
    expect((sub.error() as { extensions?: { code?: string } }[])?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('copies --forward-header headers of the upgrade request to subgraphs: per-event fetches and queries, per connection', { timeout: 60_000 }, async () => {
    // Two connections with different request ids on the same subscription: neither gets the other's header
    // (the upstream subscription and the per-event fetches are shared only between identical forwarded headers).
    const query = 'subscription { ticks(count: 3, everyMs: 150) { n seenRequestId } }';
    const a = run(undefined, query, { 'x-request-id': 'ws-a' });
    const b = run(undefined, query, { 'x-request-id': 'ws-b' });
    await Promise.all([a.done, b.done]);
    expect(a.error()).toBeUndefined();
    expect(b.error()).toBeUndefined();
    expect(a.events).toEqual([1, 2, 3].map((n) => ({ data: { ticks: { n, seenRequestId: 'ws-a' } } })));
    expect(b.events).toEqual([1, 2, 3].map((n) => ({ data: { ticks: { n, seenRequestId: 'ws-b' } } })));

    const q = run(undefined, '{ seenRequestId }', { 'x-request-id': 'ws-q' });
    await q.done;
    expect(q.events).toEqual([{ data: { seenRequestId: 'ws-q' } }]);

    // Without one, the subgraph gets the operation's own request id (the gateway's, as for HTTP).
    const none = run(undefined, '{ seenRequestId }');
    await none.done;
    expect(none.events).toEqual([{ data: { seenRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } }]);
  });
});
