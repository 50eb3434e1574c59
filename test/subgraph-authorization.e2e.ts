import { describe, expect, it } from 'vitest';
import type { SubgraphName } from '@aleumet/runtime';
import { usePlatform } from '@aleumet/platform/testing';
import { codes, departmentIdentity, gql, integratorIdentity, recipientIdentity, supplierIdentity, tokenFor, world, type GraphQLResponse } from '@aleumet/testkit';

/**
 * The subgraphs authorize every read and write themselves, never only at the gateway.
 * These requests go straight to each subgraph's own /graphql, bypassing the gateway, the way the
 * gateway itself reaches them: root fields and `_entities` (entity references and the fields other
 * subgraphs contribute: Person.program, Measure.orders, Order.claim). Every refusal has a positive
 * control with the owner's token, so a refusal for any other reason (a wrong id, a broken query)
 * fails the test.
 */
const t = usePlatform();
const at = (name: SubgraphName) => t.platform.subgraphs[name].url;
const noLeak = (res: GraphQLResponse, secret: string) => expect(JSON.stringify(res.data ?? null)).not.toContain(secret);

/** P: a recipient (not person 0) with an order that has a claim; person 0 is the stranger asking for P's data. */
function fixture() {
  const w = world();
  const stranger = w.persons[0]!;
  for (const [index, person] of w.persons.entries()) {
    if (index === 0 || person.category === 'NONE') continue;
    const order = w.orders.find((o) => o.personId === person.id && w.claims.some((c) => c.orderId === o.id));
    if (!order) continue;
    const claim = w.claims.find((c) => c.orderId === order.id)!;
    const measure = w.measures.find((m) => m.id === order.measureId)!;
    const program = w.programs.find((p) => p.id === measure.programId)!;
    const otherSupplier = w.suppliers.find((s) => s.id !== order.supplierId && w.staff.some((x) => x.supplierId === s.id))!;
    const foreignOffering = w.offerings.find((o) => o.supplierId === order.supplierId)!;
    const otherRegion = w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode !== person.regionCode)!.regionCode!;
    expect(recipientIdentity(0).represents).not.toContain(person.id);
    return { index, person, stranger, order, claim, measure, program, otherSupplier, foreignOffering, otherRegion };
  }
  throw new Error('no recipient with a claimed order in the demo world');
}

const ENTITIES = (fragment: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${fragment} } }`;
const ref = (typename: string, id: string) => ({ r: [{ __typename: typename, id }] });

describe('each subgraph authorizes on its own, with no gateway in front', () => {
  it('refuses anonymous callers and forged tokens at every subgraph', async () => {
    const f = fixture();
    const personal: Record<SubgraphName, [string, Record<string, unknown>]> = {
      people: [`query($id: ID!) { person(id: $id) { id } }`, { id: f.person.id }],
      programs: [`query($id: ID!) { program(id: $id) { id } }`, { id: f.program.id }],
      catalog: [`{ mySupplierRegistrations(first: 1) { nodes { id } } }`, {}],
      orders: [`query($id: ID!) { order(id: $id) { id } }`, { id: f.order.id }],
      finance: [`query($id: ID!) { claim(id: $id) { id } }`, { id: f.claim.id }],
    };
    const token = await tokenFor(recipientIdentity(f.index));
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    for (const [name, [query, vars]] of Object.entries(personal) as [SubgraphName, [string, Record<string, unknown>]][]) {
      const anonymous = await gql(at(name), query, vars);
      expect(codes(anonymous), `${name} anonymous`).toEqual(['UNAUTHENTICATED']);
      expect(anonymous.data ?? null, name).toBeNull();
      const bad = await gql(at(name), query, vars, forged);
      expect(codes(bad), `${name} forged`).toEqual(['UNAUTHENTICATED']);
      expect(bad.data ?? null, name).toBeNull();
    }
  });

  it("people: another person's record, by root field and by entity reference", async () => {
    const f = fixture();
    const stranger = await tokenFor(recipientIdentity(0));
    const own = await tokenFor(recipientIdentity(f.index));
    const byRef = ENTITIES(`... on Person { iin phone }`);

    const allowed = await gql(at('people'), byRef, ref('Person', f.person.id), own);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data._entities).toEqual([{ iin: f.person.iin, phone: expect.any(String) }]);

    const refused = await gql(at('people'), byRef, ref('Person', f.person.id), stranger);
    expect(codes(refused)).toContain('FORBIDDEN');
    noLeak(refused, f.person.iin);
    const root = await gql(at('people'), `query($id: ID!) { person(id: $id) { iin } }`, { id: f.person.id }, stranger);
    expect(codes(root)).toEqual(['FORBIDDEN']);
    noLeak(root, f.person.iin);
  });

  it("programs: another person's program and measure, and Person.program contributed to people's Person", async () => {
    const f = fixture();
    const stranger = await tokenFor(recipientIdentity(0));
    const own = await tokenFor(recipientIdentity(f.index));
    const cases: [string, { r: unknown[] }][] = [
      [ENTITIES(`... on RehabilitationProgram { number }`), ref('RehabilitationProgram', f.program.id)],
      [ENTITIES(`... on Measure { sourceId guaranteedSum }`), ref('Measure', f.measure.id)],
      [ENTITIES(`... on Person { program { number } }`), ref('Person', f.person.id)],
    ];
    for (const [query, vars] of cases) {
      const allowed = await gql(at('programs'), query, vars, own);
      expect(allowed.errors, query).toBeUndefined();
      expect(JSON.stringify(allowed.data)).toMatch(new RegExp(`${f.program.number}|${f.measure.sourceId}`));
      const refused = await gql(at('programs'), query, vars, stranger);
      expect(codes(refused), query).toContain('FORBIDDEN');
      noLeak(refused, f.program.number);
      noLeak(refused, f.measure.sourceId);
    }
    // a department of another region is refused too
    const otherRegion = await gql(at('programs'), `query($id: ID!) { program(id: $id) { number } }`, { id: f.program.id }, await tokenFor(departmentIdentity(f.otherRegion)));
    expect(codes(otherRegion)).toEqual(['FORBIDDEN']);
  });

  it("orders: another person's order, Measure.orders of another person's measure, and another supplier's order", async () => {
    const f = fixture();
    const stranger = await tokenFor(recipientIdentity(0));
    const own = await tokenFor(recipientIdentity(f.index));
    const byRef = ENTITIES(`... on Order { number price }`);

    expect((await gql(at('orders'), byRef, ref('Order', f.order.id), own)).data._entities).toEqual([{ number: f.order.number, price: f.order.price }]);
    const refused = await gql(at('orders'), byRef, ref('Order', f.order.id), stranger);
    expect(codes(refused)).toContain('FORBIDDEN');
    noLeak(refused, f.order.number);

    // Measure.orders, contributed by orders: the owner sees the order, a stranger nothing
    const measureOrders = ENTITIES(`... on Measure { orders { nodes { number } } }`);
    const mine = await gql(at('orders'), measureOrders, ref('Measure', f.measure.id), own);
    expect(mine.data._entities[0].orders.nodes.map((n: any) => n.number)).toContain(f.order.number);
    const theirs = await gql(at('orders'), measureOrders, ref('Measure', f.measure.id), stranger);
    expect(theirs.errors === undefined || codes(theirs).every((c) => c === 'FORBIDDEN')).toBe(true);
    noLeak(theirs, f.order.number);

    // suppliers: the order's own supplier reads it, another supplier is refused and lists only its own
    expect((await gql(at('orders'), byRef, ref('Order', f.order.id), await tokenFor(supplierIdentity(f.order.supplierId)))).data._entities[0].number).toBe(f.order.number);
    const other = await tokenFor(supplierIdentity(f.otherSupplier.id));
    const foreign = await gql(at('orders'), `query($id: ID!) { order(id: $id) { number } }`, { id: f.order.id }, other);
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    noLeak(foreign, f.order.number);
    const list = await gql(at('orders'), `{ orders(first: 200) { nodes { number supplier { id } } } }`, {}, other);
    expect(list.errors).toBeUndefined();
    expect(list.data.orders.nodes.length).toBeGreaterThan(0);
    expect(list.data.orders.nodes.every((n: any) => n.supplier.id === f.otherSupplier.id)).toBe(true);
  });

  it("finance: another person's claim, and Order.claim contributed to orders' Order", async () => {
    const f = fixture();
    const stranger = await tokenFor(recipientIdentity(0));
    const own = await tokenFor(recipientIdentity(f.index));
    const cases: [string, { r: unknown[] }][] = [
      [ENTITIES(`... on ReimbursementClaim { id statePart coPayment }`), ref('ReimbursementClaim', f.claim.id)],
      [ENTITIES(`... on Order { claim { id statePart coPayment } }`), ref('Order', f.order.id)],
    ];
    for (const [query, vars] of cases) {
      const allowed = await gql(at('finance'), query, vars, own);
      expect(allowed.errors, query).toBeUndefined();
      expect(JSON.stringify(allowed.data)).toContain(f.claim.id);
      const refused = await gql(at('finance'), query, vars, stranger);
      expect(codes(refused), query).toContain('FORBIDDEN');
      noLeak(refused, f.claim.id);
    }
  });

  it("a supplier sees of a recipient only what its own order needs: the ordered measure's kind and item and the name, never the program or other measures", async () => {
    const f = fixture();
    const w = world();
    const supplier = await tokenFor(supplierIdentity(f.order.supplierId));
    const otherMeasure = w.measures.find((m) => m.personId === f.person.id && m.id !== f.measure.id);
    // At the programs port: the ordered measure's limited view, nothing of its program.
    const limited = await gql(at('programs'), ENTITIES(`... on Measure { kind itemTypeCode status }`), ref('Measure', f.measure.id), supplier);
    expect(limited.errors).toBeUndefined();
    expect(limited.data._entities).toEqual([{ kind: f.measure.kind, itemTypeCode: f.measure.itemTypeCode, status: expect.any(String) }]);
    for (const fields of [`program { number measures { nodes { kind itemTypeCode guaranteedSum status } } }`, `guaranteedSum`, `sourceId`]) {
      const res = await gql(at('programs'), ENTITIES(`... on Measure { ${fields} }`), ref('Measure', f.measure.id), supplier);
      expect(codes(res), fields).toContain('FORBIDDEN');
      noLeak(res, f.program.number);
      noLeak(res, f.measure.sourceId);
    }
    // Another person's measure (or another measure of the same person) is refused outright.
    if (otherMeasure) {
      const other = await gql(at('programs'), ENTITIES(`... on Measure { kind program { number } }`), ref('Measure', otherMeasure.id), supplier);
      expect(codes(other)).toContain('FORBIDDEN');
      expect(JSON.stringify(other.data ?? null)).not.toContain(otherMeasure.itemTypeCode);
    }
    // Through the gateway: order → measure → program → measures shows the measure's kind and nothing of the program.
    const res = await gql(t.url, `query($id: ID!) { order(id: $id) { number measure { kind program { number measures(first: 50) { nodes { kind itemTypeCode } } } } } }`, { id: f.order.id }, supplier);
    expect(codes(res)).toContain('FORBIDDEN');
    noLeak(res, f.program.number);
    if (otherMeasure) noLeak(res, otherMeasure.itemTypeCode);
    const shown = await gql(t.url, `query($id: ID!) { order(id: $id) { measure { kind itemTypeCode } recipient { fullName } } }`, { id: f.order.id }, supplier);
    expect(shown.errors).toBeUndefined();
    expect(shown.data.order.measure).toEqual({ kind: f.measure.kind, itemTypeCode: f.measure.itemTypeCode });
    expect(shown.data.order.recipient.fullName).toContain(f.person.lastName);
  });

  it("a person's name and region: only to those who serve the person, not to any token holder", async () => {
    const f = fixture();
    const byRef = ENTITIES(`... on Person { fullName lastName regionCode }`);
    const refusedTo = {
      'a supplier without an order from the person': supplierIdentity(f.otherSupplier.id),
      "another region's department": departmentIdentity(f.otherRegion),
      'an integrator without people:read': integratorIdentity(['orders:read', 'programs:read', 'finance:read']),
      'another recipient': recipientIdentity(0),
    };
    for (const [who, identity] of Object.entries(refusedTo)) {
      const res = await gql(at('people'), byRef, ref('Person', f.person.id), await tokenFor(identity));
      expect(codes(res), who).toContain('FORBIDDEN');
      noLeak(res, f.person.lastName);
      noLeak(res, f.person.regionCode);
    }
    // The order's supplier: the name for the handover, not the region, IIN, address or phone.
    const supplier = await tokenFor(supplierIdentity(f.order.supplierId));
    const name = await gql(at('people'), ENTITIES(`... on Person { fullName }`), ref('Person', f.person.id), supplier);
    expect(name.data._entities[0].fullName).toContain(f.person.lastName);
    for (const field of ['regionCode', 'iin', 'address', 'phone', 'birthDate']) {
      const res = await gql(at('people'), ENTITIES(`... on Person { ${field} }`), ref('Person', f.person.id), supplier);
      expect(codes(res), field).toContain('FORBIDDEN');
      noLeak(res, f.person.iin);
    }
    // The region's department and an integrator with people:read see the person.
    for (const identity of [departmentIdentity(f.person.regionCode), integratorIdentity(['people:read'])]) {
      const res = await gql(at('people'), byRef, ref('Person', f.person.id), await tokenFor(identity));
      expect(res.errors).toBeUndefined();
      expect(res.data._entities[0]).toEqual({ fullName: expect.stringContaining(f.person.lastName), lastName: f.person.lastName, regionCode: f.person.regionCode });
    }
  });

  it("catalog: a supplier cannot change another supplier's offering", async () => {
    const f = fixture();
    const read = async () => (await gql(at('catalog'), `query($id: ID!) { offering(id: $id) { price } }`, { id: f.foreignOffering.id })).data.offering.price as number;
    const before = await read();
    const update = `mutation($id: ID!, $price: SafeInt!) { updateOffering(id: $id, input: { price: $price }) { price } }`;
    const res = await gql(at('catalog'), update, { id: f.foreignOffering.id, price: before + 100 }, await tokenFor(supplierIdentity(f.otherSupplier.id)));
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(await read()).toBe(before);
  });
});
