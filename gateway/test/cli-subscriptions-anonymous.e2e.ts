import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import {
  compose, startCliGateway, startSubgraphs, tempDir, writeSupergraph,
  type CliGateway, type RunningSubgraphs,
} from './federation/harness.js';
import { clockSubgraph, mathSubgraph } from './federation/ticks.js';

/**
 * `--auth none` on a supergraph we did not write: graphql-ws connections need no credentials, as
 * HTTP requests do not (an `authorization` is forwarded unverified); the limits still apply.
 */

const clock = clockSubgraph(7);
const math = mathSubgraph;

let subgraphs: RunningSubgraphs;
let gw: CliGateway;

beforeAll(async () => {
  subgraphs = await startSubgraphs([clock, math]);
  const file = writeSupergraph(tempDir(), compose([{ ...clock, url: subgraphs.urls.clock! }, { ...math, url: subgraphs.urls.math! }]));
  gw = await startCliGateway(file, { args: ['--auth', 'none', '--no-watch'] });
}, 180_000);
afterAll(async () => {
  await gw?.close();
  await subgraphs?.close();
});

function run(connectionParams: Record<string, unknown> | undefined, query: string) {
  const client = createClient({ url: gw.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
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
});
