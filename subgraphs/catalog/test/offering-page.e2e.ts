import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { codes, gql, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { startTestPlatform } from '@aleumet/platform/testing';

/** One offering's page data, and the catalog sorted by price or lead time in stable pages. */
const PAGE = `query($id: ID!) { offering(id: $id) {
  id title description characteristics price leadTimeDays deliveryMode stock regionCodes kind
  itemType { code kind } documents { id kind title }
  supplier { id name actualAddress phone email regionCodes directions } } }`;
const LIST = `query($f: OfferingFilter, $sort: OfferingSort, $first: Int, $after: String) {
  offerings(filter: $f, sort: $sort, first: $first, after: $after) { nodes { id price leadTimeDays } pageInfo { hasNextPage endCursor } } }`;

let platform: Platform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.close());

async function all(vars: Record<string, unknown>, pageSize: number) {
  const out: { id: string; price: number; leadTimeDays: number }[] = [];
  for (let after: string | null = null; ;) {
    const r = await gql(platform.gateway.url, LIST, { ...vars, first: pageSize, after });
    expect(r.errors).toBeUndefined();
    out.push(...r.data.offerings.nodes);
    if (!r.data.offerings.pageInfo.hasNextPage) return out;
    after = r.data.offerings.pageInfo.endCursor;
  }
}

describe('offering page and sorted catalog', () => {
  it('one offering: description, characteristics, supplier card, regions, delivery, lead time; a service has no stock or pickup', async () => {
    const w = world();
    const aid = w.offerings.find((o) => o.kind === 'S6')!;
    const r = await gql(platform.gateway.url, PAGE, { id: aid.id });
    expect(r.errors).toBeUndefined();
    const supplier = w.suppliers.find((s) => s.id === aid.supplierId)!;
    expect(r.data.offering).toMatchObject({
      id: aid.id, title: aid.title, description: aid.description, price: aid.price, leadTimeDays: aid.leadTimeDays,
      deliveryMode: aid.deliveryMode, stock: aid.stock, regionCodes: aid.regionCodes, documents: [],
      supplier: { id: supplier.id, name: supplier.name },
    });
    const service = w.offerings.find((o) => o.kind === 'S1')!;
    const s = await gql(platform.gateway.url, PAGE, { id: service.id });
    expect(s.data.offering).toMatchObject({ kind: 'S1', stock: null, deliveryMode: null });
  });

  it('a service offering is published without stock or delivery mode, and refused with them', async () => {
    // The last seeded supplier of the services and aids (the special social service providers come after them).
    const supplier = world().suppliers.filter((s) => !s.directions.includes('SSS')).at(-1)!;
    expect(supplier.directions).toContain('S2');
    const token = await tokenFor(supplierIdentity(supplier.id));
    const CREATE = `mutation($input: OfferingInput!) { createOffering(input: $input) { id stock deliveryMode } }`;
    const input = { itemTypeCode: 'S2-SIGN', title: 'Сурдоперевод', titleKk: 'Ымдау тілі', description: 'Онлайн или на дому', descriptionKk: 'Онлайн немесе үйде', price: 150_000_00, leadTimeDays: 2, regionCodes: [supplier.regionCodes[0]] };
    const bad = await gql(platform.gateway.url, CREATE, { input: { ...input, deliveryMode: 'PICKUP' } }, token);
    expect([codes(bad)[0], bad.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'deliveryMode']);
    expect(codes(await gql(platform.gateway.url, CREATE, { input: { ...input, stock: 1000 } }, token))).toEqual(['BAD_USER_INPUT']);
    const ok = await gql(platform.gateway.url, CREATE, { input }, token);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createOffering).toMatchObject({ stock: null, deliveryMode: null });
  });

  it('sorts by price (both ways) and by lead time, ties in creation order, the same across page sizes', async () => {
    const f = { kind: 'S6' };
    const byPrice = await all({ f, sort: 'PRICE_ASC' }, 7);
    expect(byPrice.length).toBeGreaterThan(10);
    const sorted = [...byPrice].sort((a, b) => a.price - b.price || (a.id < b.id ? -1 : 1));
    expect(byPrice).toEqual(sorted);
    expect(await all({ f, sort: 'PRICE_ASC' }, 200)).toEqual(byPrice);
    const desc = await all({ f, sort: 'PRICE_DESC' }, 5);
    expect(desc).toEqual([...byPrice].sort((a, b) => b.price - a.price || (a.id < b.id ? 1 : -1)));
    const lead = await all({ f, sort: 'LEAD_TIME_ASC' }, 4);
    expect(lead).toEqual([...byPrice].sort((a, b) => a.leadTimeDays - b.leadTimeDays || (a.id < b.id ? -1 : 1)));
    // A cursor of another order is not a price cursor.
    const plain = await gql(platform.gateway.url, LIST, { f, first: 1 });
    expect(codes(await gql(platform.gateway.url, LIST, { f, sort: 'PRICE_ASC', after: plain.data.offerings.pageInfo.endCursor }))).toEqual(['BAD_USER_INPUT']);
  });
});
