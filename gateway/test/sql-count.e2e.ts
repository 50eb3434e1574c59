import { describe, expect, it } from 'vitest';
import { usePlatform } from '@aleumet/platform/testing';
import { departmentIdentity, gql, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { AUDIT_WRITE } from './security/helpers.js';

const t = usePlatform();

const MEASURES = /* GraphQL */ `
  query Measures($first: Int!) {
    measures(first: $first) {
      nodes {
        id kind status person { fullName }
        orders { nodes { id status offering { title price supplier { name } } claim { statePart } } }
      }
    }
  }`;

/** SQL statements per subgraph for one request through the gateway, with nothing in the entity cache. */
async function countStatements(query: string, variables: Record<string, unknown>, token: string) {
  t.platform.gateway.entityCache?.clear();
  const subs = Object.values(t.platform.subgraphs);
  subs.forEach((s) => s.sql.reset());
  const res = await gql(t.url, query, variables, token);
  expect(res.errors).toBeUndefined();
  // The audit trail's own INSERT (the gateway appends through the people subgraph) is not part of answering.
  const reads = (s: (typeof subs)[number]) => s.sql.statements.filter((q) => !AUDIT_WRITE.test(q)).length;
  return { res, perSubgraph: Object.fromEntries(subs.map((s) => [s.name, reads(s)])), total: subs.reduce((n, s) => n + reads(s), 0) };
}

describe('no N+1: statements per request do not grow with the page size', () => {
  // The region with the most measures, so a page of 50 is full.
  const region = () => {
    const counts = new Map<string, number>();
    for (const m of world().measures) counts.set(m.regionCode, (counts.get(m.regionCode) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  };

  it('fetches 50 measures with their orders, offerings, suppliers and claims in as many statements as 5', async () => {
    const token = await tokenFor(departmentIdentity(region()));
    const small = await countStatements(MEASURES, { first: 5 }, token);
    const large = await countStatements(MEASURES, { first: 50 }, token);
    expect(large.res.data.measures.nodes).toHaveLength(50);
    const orders = large.res.data.measures.nodes.flatMap((m: any) => m.orders.nodes);
    expect(orders.length).toBeGreaterThan(10);
    expect(large.perSubgraph).toEqual(small.perSubgraph);
    // one page query + one batched query per entity type reached
    expect(large.perSubgraph).toEqual({ people: 1, programs: 1, catalog: 2, orders: 1, finance: 1 });
  });

  it('keeps the recipient dashboard constant too', async () => {
    const q = `query($first: Int!) { me { program { measures(first: $first) { nodes { orders { nodes { offering { supplier { name } } claim { statePart } } } } } } } }`;
    const token = await tokenFor(recipientIdentity(0));
    const one = await countStatements(q, { first: 1 }, token);
    const all = await countStatements(q, { first: 6 }, token);
    expect(all.total).toBe(one.total);
  });
});
