import { describe, expect, it } from 'vitest';
import { splitPrice } from '@aleumet/core';
import { usePlatform } from '@aleumet/platform/testing';
import { gql, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
// The same dashboard the benchmarks measure, so the bench and this test cannot drift apart.
import { DASHBOARD } from '../../bench/src/queries.js';

const t = usePlatform();

describe('one query across all five subgraphs through the gateway', () => {
  it('returns recipient → program → measures → orders → offering → supplier → claim, field by field', async () => {
    const w = world();
    const person = w.persons[0]!;
    const res = await gql(t.url, DASHBOARD, { first: 10 }, await tokenFor(recipientIdentity(0)));
    expect(res.errors).toBeUndefined();
    const me = res.data.me;

    // people
    expect(me).toMatchObject({ id: person.id, iin: person.iin, regionCode: person.regionCode });
    expect(me.fullName).toBe([person.lastName, person.firstName, person.middleName].filter(Boolean).join(' '));

    // programs
    const program = w.programs.find((p) => p.personId === person.id)!;
    expect(me.program).toEqual(expect.objectContaining({ id: program.id, number: program.number, validUntil: program.validUntil }));
    const measures = w.measures.filter((m) => m.programId === program.id);
    expect(me.program.measures.nodes.map((m: any) => m.id)).toEqual(measures.map((m) => m.id));
    expect(new Set(me.program.measures.nodes.map((m: any) => m.kind))).toEqual(new Set(['S1', 'S2', 'S3', 'S4', 'S5', 'S6']));

    let ordersSeen = 0;
    for (const [i, node] of me.program.measures.nodes.entries()) {
      const measure = measures[i]!;
      expect(node).toMatchObject({ kind: measure.kind, itemTypeCode: measure.itemTypeCode, guaranteedSum: measure.guaranteedSum, status: measure.status });
      // catalog, reached from a programs entity
      expect(node.itemType.code).toBe(measure.itemTypeCode);
      expect(typeof node.itemType.nameEn).toBe('string');

      // orders, contributed to Measure
      const orders = w.orders.filter((o) => o.measureId === measure.id);
      expect(node.orders.nodes.map((o: any) => o.id)).toEqual(orders.map((o) => o.id));
      for (const [j, o] of node.orders.nodes.entries()) {
        ordersSeen++;
        const order = orders[j]!;
        const offering = w.offerings.find((x) => x.id === order.offeringId)!;
        const supplier = w.suppliers.find((s) => s.id === offering.supplierId)!;
        expect(o).toMatchObject({ number: order.number, status: order.status, price: order.price });
        // catalog
        expect(o.offering).toEqual({ id: offering.id, title: offering.title, price: offering.price, supplier: { id: supplier.id, name: supplier.name, bin: supplier.bin } });
        // finance: state pays min(price, guaranteed sum), the recipient the rest
        const split = splitPrice(order.price, measure.guaranteedSum);
        expect(o.claim).toMatchObject({ statePart: split.statePart, coPayment: split.coPayment });
        expect(o.claim.statePart + o.claim.coPayment).toBe(o.price);
      }
    }
    expect(ordersSeen).toBeGreaterThan(0);
  });

  it('serves the health endpoint', async () => {
    const res = await fetch(t.url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
