import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { Role, signToken } from '@aleumet/core';
import {
  compose, link, post, replaceSupergraph, startCliGateway, startSubgraphs, tempDir, waitForSupergraph, writeSupergraph,
  type CliGateway, type RunningSubgraphs, type TestSubgraph,
} from './federation/harness.js';
import { clockSubgraph, mathSubgraph, sleep } from './federation/ticks.js';

/**
 * Subscriptions on a supergraph we did not write: the CLI gateway serves graphql-ws on /graphql,
 * opens the root subscription on the owning test subgraph and resolves the other subgraph's
 * fields per event; an open subscription survives a hot reload of the supergraph.
 */

const clock = clockSubgraph(0);
const math = mathSubgraph;
const extra: TestSubgraph = {
  name: 'extra',
  typeDefs: link('@key') + 'type Query { extra: String! }',
  resolvers: { Query: { extra: () => 'reloaded' } },
};

let subgraphs: RunningSubgraphs;
let gw: CliGateway;
let file: string;
let v1: string;
let v2: string;
let token: string;

beforeAll(async () => {
  subgraphs = await startSubgraphs([clock, math, extra]);
  v1 = compose([{ ...clock, url: subgraphs.urls.clock! }, { ...math, url: subgraphs.urls.math! }]);
  v2 = subgraphs.supergraphSdl;
  file = writeSupergraph(tempDir(), v1);
  gw = await startCliGateway(file);
  token = await signToken({ sub: 'admin-subscriber', role: Role.ADMIN, represents: [], scopes: [] });
}, 180_000);
afterAll(async () => {
  await gw?.close();
  await subgraphs?.close();
});

function subscribe(client: Client, query: string) {
  const events: unknown[] = [];
  let error: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe({ query }, { next: (v) => void events.push(v), error: (e) => ((error = e), resolve()), complete: resolve });
  });
  return { events, done, error: () => error };
}

describe('subscriptions through the CLI gateway', () => {
  it('serves a test subgraph subscription with fields of another subgraph per event, across a hot reload', { timeout: 120_000 }, async () => {
    const client = createClient({
      url: gw.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      const sub = subscribe(client, 'subscription { ticks(count: 6, everyMs: 400) { n square } }');
      while (sub.events.length < 2 && !sub.error()) await sleep(50);

      // Swap the supergraph while the subscription is open (its fields are unchanged).
      replaceSupergraph(file, v2);
      await waitForSupergraph(gw, v2);
      expect((await post(gw.url, '{ extra }', {}, { authorization: `Bearer ${token}` })).data).toEqual({ extra: 'reloaded' });

      await sub.done;
      expect(sub.error()).toBeUndefined();
      expect(sub.events).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ data: { ticks: { n, square: n * n } } })));
    } finally {
      await client.dispose();
    }
  });
});
