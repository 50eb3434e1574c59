import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUPERGRAPH_PATH, type Platform } from '@aleumet/platform';
import { startGateway, type RunningGateway } from '@aleumet/gateway';
import { adminIdentity, gql, startTestPlatform, tokenFor, world } from '@aleumet/testkit';

/**
 * A dead or slow subgraph yields partial data with an error on the affected fields, and never a
 * hung request; what the caller sees of the failure is masked (no hosts, ports or stack traces).
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
  it('dead: partial data, an error on the affected field, masked', async () => {
    const url = await gatewayWith('http://127.0.0.1:9/graphql');
    const order = orderWithClaim();
    const res = await gql(url, orderQuery, { id: order.id }, await tokenFor(adminIdentity()));
    expect(res.data.order).toMatchObject({ id: order.id, number: order.number, claim: null });
    expect(res.errors!.length).toBeGreaterThan(0);
    const err = res.errors![0]!;
    expect(err.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(err.extensions!.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack|at [A-Za-z]+ \(/);
  });

  it('slow: the subgraph call times out, the request answers with what it has', async () => {
    const url = await gatewayWith(hangingUrl, 700);
    const order = orderWithClaim();
    const t0 = Date.now();
    const res = await gql(url, orderQuery, { id: order.id }, await tokenFor(adminIdentity()));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(res.data.order).toMatchObject({ id: order.id, claim: null });
    expect(res.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res.errors)).not.toMatch(/timeout at|127\.0\.0\.1/);
  });

  it('a public field of a healthy subgraph is unaffected', async () => {
    const url = await gatewayWith('http://127.0.0.1:9/graphql');
    const res = await gql(url, `{ regions(first: 2) { nodes { code } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.regions.nodes).toHaveLength(2);
  });
});
