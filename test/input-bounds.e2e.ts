import { describe, expect, it } from 'vitest';
import { LIMITS } from '@aleumet/core';
import { usePlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, integratorIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

/** The attacks that found the missing bounds, each refused with BAD_USER_INPUT naming the argument, and nothing stored. */
const t = usePlatform();
const w = world();
// The second-last supplier of the services and aids (the special social service providers come after them).
const supplier = w.suppliers.filter((s) => !s.directions.includes('SSS')).at(-2)!;
const offering = w.offerings.find((o) => o.supplierId === supplier.id)!;
const kindOf = new Map(w.offerings.map((o) => [o.id, o.kind]));
const s1Order = w.orders.find((o) => o.status === 'ACCEPTED' && kindOf.get(o.offeringId) === 'S1')!;

const UPDATE = `mutation($id: ID!, $input: OfferingUpdate!) { updateOffering(id: $id, input: $input) { id price description } }`;
const READ = `query($id: ID!) { offering(id: $id) { price description } }`;
const LOG = `mutation($o: ID!, $in: JournalEntryInput!) { logServiceHours(orderId: $o, input: $in) { id } }`;
const JOURNAL = `query($id: ID!) { order(id: $id) { journal(first: 100) { nodes { id } } } }`;
const PUBLISH = `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { created } }`;

const field = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.field;

describe('every text and number has a bound', () => {
  it('a 900,000-character offering description is refused and not stored', async () => {
    const token = await tokenFor(supplierIdentity(supplier.id));
    const res = await gql(t.url, UPDATE, { id: offering.id, input: { description: 'x'.repeat(900_000) } }, token);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(field(res)).toBe('description');
    const read = await gql(t.url, READ, { id: offering.id });
    expect(read.data.offering.description).toBe(offering.description);
    // At the bound it is accepted (and put back afterwards).
    const atBound = await gql(t.url, UPDATE, { id: offering.id, input: { description: 'y'.repeat(LIMITS.text) } }, token);
    expect(atBound.errors).toBeUndefined();
    expect((await gql(t.url, UPDATE, { id: offering.id, input: { description: offering.description } }, token)).errors).toBeUndefined();
  });

  it('800 KB of journal places are refused and nothing is logged', async () => {
    const token = await tokenFor(supplierIdentity(s1Order.supplierId));
    const entry = { date: '2026-12-01', startTime: '09:00', endTime: '10:00' };
    const journalBefore = (await gql(t.url, JOURNAL, { id: s1Order.id }, token)).data.order.journal.nodes;
    const many = await gql(t.url, LOG, { o: s1Order.id, in: { ...entry, places: Array.from({ length: 8000 }, () => 'p'.repeat(100)) } }, token);
    expect(codes(many)).toEqual(['BAD_USER_INPUT']);
    expect(field(many)).toBe('places');
    const long = await gql(t.url, LOG, { o: s1Order.id, in: { ...entry, places: ['p'.repeat(800_000)] } }, token);
    expect(codes(long)).toEqual(['BAD_USER_INPUT']);
    expect(field(long)).toBe('places.0');
    const journal = await gql(t.url, JOURNAL, { id: s1Order.id }, token);
    expect(journal.errors).toBeUndefined();
    expect(journal.data.order.journal.nodes).toEqual(journalBefore);
  });

  it('a price of 9,007,199,254,740,991 tiyn is refused; 10^12 is the bound', async () => {
    const token = await tokenFor(supplierIdentity(supplier.id));
    const res = await gql(t.url, UPDATE, { id: offering.id, input: { price: Number.MAX_SAFE_INTEGER } }, token);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(field(res)).toBe('price');
    expect(codes(await gql(t.url, UPDATE, { id: offering.id, input: { price: LIMITS.maxTiyn + 1 } }, token))).toEqual(['BAD_USER_INPUT']);
    expect((await gql(t.url, READ, { id: offering.id })).data.offering.price).toBe(offering.price);
  });

  it('impossible calendar dates are refused', async () => {
    const token = await tokenFor(integratorIdentity(['programs:write', 'programs:read', 'people:read']));
    const person = w.persons[3]!;
    const input = {
      personIin: person.iin, programNumber: 'IPR-BOUNDS-1', issuedOn: '2026-01-10', validUntil: '2027-12-31',
      measures: [{ sourceId: 'SPS-BOUNDS-1', kind: 'S5', itemTypeCode: 'S5-HEAR-BTE', quantity: 1, guaranteedSum: 100_000 }],
    };
    for (const [key, value] of [['issuedOn', '2026-11-31'], ['validUntil', '2026-13-45'], ['validUntil', '2027-02-29']] as const) {
      const res = await gql(t.url, PUBLISH, { input: { ...input, [key]: value } }, token);
      expect(codes(res), `${key} ${value}`).toEqual(['BAD_USER_INPUT']);
      expect(field(res)).toBe(key);
    }
    const supplierToken = await tokenFor(supplierIdentity(s1Order.supplierId));
    const log = await gql(t.url, LOG, { o: s1Order.id, in: { date: '2026-11-31', startTime: '09:00', endTime: '10:00', places: ['Polyclinic'] } }, supplierToken);
    expect(codes(log)).toEqual(['BAD_USER_INPUT']);
    expect(field(log)).toBe('date');
  });

  it('scalar values out of range or of the wrong type are BAD_USER_INPUT naming the variable, never an internal error', async () => {
    const token = await tokenFor(supplierIdentity(supplier.id));
    const huge = await gql(t.url, UPDATE, { id: offering.id, input: { price: 1e30 } }, token);
    expect(codes(huge)).toEqual(['BAD_USER_INPUT']);
    expect(field(huge)).toBe('input.price');
    expect(huge.status).toBe(400);
    const textForSafeInt = await gql(t.url, UPDATE, { id: offering.id, input: { price: '1000' } }, token);
    expect(codes(textForSafeInt)).toEqual(['BAD_USER_INPUT']);
    expect(field(textForSafeInt)).toBe('input.price');
    const textForInt = await gql(t.url, UPDATE, { id: offering.id, input: { stock: '1000' } }, token);
    expect(codes(textForInt)).toEqual(['BAD_USER_INPUT']);
    expect(field(textForInt)).toBe('input.stock');
    const topLevel = await gql(t.url, `mutation($id: ID!, $p: SafeInt) { updateOffering(id: $id, input: { price: $p }) { id } }`, { id: offering.id, p: 2 ** 53 }, token);
    expect(codes(topLevel)).toEqual(['BAD_USER_INPUT']);
    expect(field(topLevel)).toBe('p');
    const notAnObject = await gql(t.url, UPDATE, { id: offering.id, input: { characteristics: 'abc' } }, token);
    expect(codes(notAnObject)).toEqual(['BAD_USER_INPUT']);
    expect(field(notAnObject)).toBe('input.characteristics');
    const wrongType = await gql(t.url, `mutation($id: ID!, $r: String!) { rejectSupplier(id: $id, reason: $r) { id } }`, { id: supplier.id, r: 5 }, await tokenFor(adminIdentity()));
    expect(codes(wrongType)).toEqual(['BAD_USER_INPUT']);
    expect(field(wrongType)).toBe('r');
    // The subgraph itself answers the same way when called directly.
    const direct = await gql(t.platform.subgraphs.catalog.url, UPDATE, { id: offering.id, input: { price: 1e30 } }, token);
    expect(codes(direct)).toEqual(['BAD_USER_INPUT']);
    expect(field(direct)).toBe('input.price');
    // In the document itself, a SafeInt out of range fails validation like an Int does.
    const literal = await gql(t.url, `mutation { updateOffering(id: "${offering.id}", input: { price: 1000000000000000000000000000000 }) { id } }`, {}, token);
    expect(codes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await gql(t.url, READ, { id: offering.id })).data.offering.price).toBe(offering.price);
  });

  it('an unknown region code is an error, not an empty list', async () => {
    const suppliers = await gql(t.url, `{ suppliers(regionCode: "KZ-00") { nodes { id } } }`);
    expect(codes(suppliers)).toEqual(['BAD_USER_INPUT']);
    expect(field(suppliers)).toBe('regionCode');
    const persons = await gql(t.url, `{ persons(regionCode: "KZ-00") { nodes { id } } }`, {}, await tokenFor(adminIdentity()));
    expect(codes(persons)).toEqual(['BAD_USER_INPUT']);
    const offerings = await gql(t.url, `{ offerings(filter: { regionCode: "KZ-00" }) { nodes { id } } }`);
    expect(codes(offerings)).toEqual(['BAD_USER_INPUT']);
    const known = await gql(t.url, `{ suppliers(regionCode: "KZ-71", first: 1) { nodes { id } } }`);
    expect(known.errors).toBeUndefined();
  });
});
