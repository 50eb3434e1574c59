import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { codes, gql, world } from '@aleumet/testkit';
import { startTestPlatform } from '@aleumet/platform/testing';
import { departmentToken, supplierToken } from './helpers.js';

/** Order lists newest first, and the console search by order number, IIN (who may) or supplier BIN. */
const LIST = `query($order: ListOrder, $search: String, $first: Int, $after: String) {
  orders(order: $order, search: $search, first: $first, after: $after) { nodes { id number personId: recipient { id } } pageInfo { hasNextPage endCursor } } }`;

let platform: Platform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.close());

async function all(token: string, vars: Record<string, unknown>, first = 50) {
  const out: { id: string; number: string; personId: { id: string } }[] = [];
  for (let after: string | null = null; ;) {
    const r = await gql(platform.gateway.url, LIST, { ...vars, first, after }, token);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    out.push(...r.data.orders.nodes);
    if (!r.data.orders.pageInfo.hasNextPage) return out;
    after = r.data.orders.pageInfo.endCursor;
  }
}

describe('order lists', () => {
  it("a supplier's list newest first: the reverse of the default, across pages", async () => {
    const w = world();
    // Suppliers 0–9 keep their seeded orders (no other file orders from them).
    const supplier = w.suppliers.slice(0, 10).find((s) => w.orders.filter((o) => o.supplierId === s.id).length > 5)!;
    const token = await supplierToken(supplier.id);
    const oldest = await all(token, {}, 200);
    expect(oldest.length).toBeGreaterThan(5);
    const newest = await all(token, { order: 'NEWEST_FIRST' }, 3);
    expect(newest.map((o) => o.id)).toEqual(oldest.map((o) => o.id).reverse());
  });

  it('the console searches by number, by IIN for a department of its region, by BIN; others find nothing by IIN', async () => {
    const w = world();
    const order = w.orders[5]!;
    const person = w.persons.find((p) => p.id === order.personId)!;
    const department = await departmentToken(order.regionCode);
    const byNumber = await all(department, { search: order.number.slice(-5) });
    expect(byNumber.map((o) => o.id)).toContain(order.id);
    expect(byNumber.every((o) => o.number.includes(order.number.slice(-5)))).toBe(true);

    const byIin = await all(department, { search: person.iin });
    expect(byIin.map((o) => o.id).sort()).toEqual(w.orders.filter((o) => o.personId === person.id).map((o) => o.id).sort());
    const otherRegion = w.persons.find((p) => p.regionCode !== order.regionCode)!.regionCode;
    expect(await all(await departmentToken(otherRegion), { search: person.iin })).toEqual([]);
    expect(await all(await supplierToken(order.supplierId), { search: person.iin })).toEqual([]);

    const supplier = w.suppliers.find((s) => s.id === order.supplierId)!;
    const byBin = await all(department, { search: supplier.bin });
    expect(byBin.map((o) => o.id).sort()).toEqual(w.orders.filter((o) => o.supplierId === supplier.id && o.regionCode === order.regionCode).map((o) => o.id).sort());

    expect(codes(await gql(platform.gateway.url, LIST, { search: "x' or 1=1" }, department))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(platform.gateway.url, LIST, { search: 'x'.repeat(65) }, department))).toEqual(['BAD_USER_INPUT']);
  });
});
