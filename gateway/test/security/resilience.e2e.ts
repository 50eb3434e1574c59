import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBGRAPHS, SUPERGRAPH_PATH, type Platform } from '@aleumet/platform';
import { startSubgraph } from '@aleumet/subgraph-kit';
import { startGateway, type RunningGateway } from '@aleumet/gateway';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, gql, tokenFor, world } from '@aleumet/testkit';

/**
 * A dead or slow subgraph yields partial data with an error on each affected field (its `path`, code
 * SERVICE_UNAVAILABLE), and never a hung request; what the caller sees of the failure names no hosts,
 * ports or stack traces.
 */
let platform: Platform;
const extra: RunningGateway[] = [];
let hanging: http.Server;
let hangingUrl: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  // A "subgraph" that accepts the request and never answers.
  hanging = http.createServer(() => {});
  await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', () => r()));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  for (const g of extra) await g.close();
  hanging?.closeAllConnections();
  hanging?.close();
  await platform?.close();
});

async function gatewayWith(finance: string, subgraphTimeoutMs?: number) {
  const urls = Object.fromEntries(Object.values(platform.subgraphs).map((s) => [s.name, s.url]));
  const g = await startGateway({ supergraphPath: SUPERGRAPH_PATH, port: 0, subgraphUrls: { ...urls, finance }, subgraphTimeoutMs, drainTimeoutMs: 100 });
  extra.push(g);
  return g.url;
}

const orderQuery = `query($id: ID!) { order(id: $id) { id number claim { id statePart } } }`;
const orderWithClaim = () => world().orders.find((o) => o.status !== 'AWAITING_SUPPLIER') ?? world().orders[0]!;

describe('a failing subgraph', () => {
  it('dead: partial data, an error with the path of the affected field, SERVICE_UNAVAILABLE', async () => {
    const url = await gatewayWith('http://127.0.0.1:9/graphql');
    const order = orderWithClaim();
    const res = await gql(url, orderQuery, { id: order.id }, await tokenFor(adminIdentity()));
    expect(res.data.order).toMatchObject({ id: order.id, number: order.number, claim: null });
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['order', 'claim'], 'SERVICE_UNAVAILABLE']]);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack|at [A-Za-z]+ \(/);
  });

  it('slow: the subgraph call times out, the request answers with what it has', async () => {
    const url = await gatewayWith(hangingUrl, 700);
    const order = orderWithClaim();
    const t0 = Date.now();
    const res = await gql(url, orderQuery, { id: order.id }, await tokenFor(adminIdentity()));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(res.data.order).toMatchObject({ id: order.id, claim: null });
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['order', 'claim'], 'SERVICE_UNAVAILABLE']]);
    expect(JSON.stringify(res.errors)).not.toMatch(/timeout at|127\.0\.0\.1/);
  });

  it('a public field of a healthy subgraph is unaffected', async () => {
    const url = await gatewayWith('http://127.0.0.1:9/graphql');
    const res = await gql(url, `{ regions(first: 2) { nodes { code } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.regions.nodes).toHaveLength(2);
  });
});

describe('a subgraph of the platform stopped', () => {
  it("answers a cross-subgraph query with the other subgraphs' data and SERVICE_UNAVAILABLE on each field it could not fetch", async () => {
    // Its own finance subgraph (same database): the shared platform's keeps running for the other tests.
    const finance = await startSubgraph(SUBGRAPHS.find((d) => d.name === 'finance')!, { databaseUrl: platform.databaseUrl, host: '127.0.0.1' });
    let running = true;
    try {
      const url = await gatewayWith(finance.url);
      const admin = await tokenFor(adminIdentity());
      const list = `{ orders(first: 3) { nodes { id number claim { id statePart } } } }`;
      const before = await gql(url, list, {}, admin);
      expect(before.errors).toBeUndefined();
      expect(before.data.orders.nodes).toHaveLength(3);

      await finance.close();
      running = false;
      const after = await gql(url, list, {}, admin);
      expect(after.status).toBe(200);
      expect(after.data.orders.nodes.map((n: any) => [n.id, n.number, n.claim])).toEqual(before.data.orders.nodes.map((n: any) => [n.id, n.number, null]));
      // One error per field that could not be fetched, with its path in this response.
      expect(after.errors!.map((e) => e.path)).toEqual([0, 1, 2].map((i) => ['orders', 'nodes', i, 'claim']));
      expect(new Set(after.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      expect(after.errors![0]!.message).toMatch(/unavailable/i);
      expect(JSON.stringify(after.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack|correlationId/);

      // A root field of the stopped subgraph, beside one of a running subgraph.
      const root = await gql(url, `{ regions(first: 1) { nodes { code } } claims(first: 1) { nodes { id } } }`, {}, admin);
      expect(root.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['claims'], 'SERVICE_UNAVAILABLE']]);
    } finally {
      if (running) await finance.close();
    }
  });
});
