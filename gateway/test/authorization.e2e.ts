import { describe, expect, it } from 'vitest';
import { usePlatform } from '@aleumet/platform/testing';
import { codes, departmentIdentity, gql, integratorIdentity, recipientIdentity, representativeIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

const t = usePlatform();

const w = () => world();
const programOf = (personIndex: number) => w().programs.find((p) => p.personId === w().persons[personIndex]!.id)!;
const noLeak = (res: { data?: any }, secret: string) => expect(JSON.stringify(res.data ?? null)).not.toContain(secret);

describe('recipients see only their own and represented persons', () => {
  it("refuses another person's program, person record and order", async () => {
    const token = await tokenFor(recipientIdentity(0));
    const other = w().persons[5]!;
    const program = programOf(5);
    const r1 = await gql(t.url, `query($id: ID!) { program(id: $id) { number measures { nodes { id } } } }`, { id: program.id }, token);
    expect(codes(r1)).toEqual(['FORBIDDEN']);
    noLeak(r1, program.number);

    const r2 = await gql(t.url, `query($id: ID!) { person(id: $id) { iin phone } }`, { id: other.id }, token);
    expect(codes(r2)).toEqual(['FORBIDDEN']);
    noLeak(r2, other.iin);

    const order = w().orders.find((o) => o.personId === other.id)!;
    const r3 = await gql(t.url, `query($id: ID!) { order(id: $id) { number } }`, { id: order.id }, token);
    expect(codes(r3)).toEqual(['FORBIDDEN']);
    noLeak(r3, order.number);
  });

  it('lists only own orders', async () => {
    const me = w().persons[0]!;
    const res = await gql(t.url, `{ orders(first: 200) { nodes { id recipient { id } } } }`, {}, await tokenFor(recipientIdentity(0)));
    expect(res.errors).toBeUndefined();
    // Other test files may add orders while this one runs: every order listed is mine, every seeded one is there.
    expect(res.data.orders.nodes.every((n: any) => n.recipient.id === me.id)).toBe(true);
    const seeded = w().orders.filter((o) => o.personId === me.id).map((o) => o.id);
    expect(res.data.orders.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(seeded));
  });

  it('lets a representative read the program of the person represented, and no one else', async () => {
    const identity = representativeIdentity(0);
    expect(identity.represents.length).toBeGreaterThan(0);
    const token = await tokenFor(identity);
    const principalIndex = w().persons.findIndex((p) => p.id === identity.represents[0]);
    const allowed = await gql(t.url, `query($id: ID!) { person(id: $id) { iin program { number } } }`, { id: identity.represents[0] }, token);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.person).toEqual({ iin: w().persons[principalIndex]!.iin, program: { number: programOf(principalIndex).number } });

    const stranger = w().persons[10]!;
    expect(identity.represents).not.toContain(stranger.id);
    const refused = await gql(t.url, `query($id: ID!) { person(id: $id) { iin } }`, { id: stranger.id }, token);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
  });
});

describe('suppliers see only their own orders', () => {
  const supplierWithOrders = () => w().suppliers.find((s) => w().orders.filter((o) => o.supplierId === s.id).length >= 2)!;

  it("refuses another supplier's order", async () => {
    const mine = supplierWithOrders();
    const foreign = w().orders.find((o) => o.supplierId !== mine.id)!;
    const res = await gql(t.url, `query($id: ID!) { order(id: $id) { number price } }`, { id: foreign.id }, await tokenFor(supplierIdentity(mine.id)));
    expect(codes(res)).toEqual(['FORBIDDEN']);
    noLeak(res, foreign.number);
  });

  it('lists its incoming orders only, with the recipient name but no personal data', async () => {
    const mine = supplierWithOrders();
    const token = await tokenFor(supplierIdentity(mine.id));
    const res = await gql(t.url, `{ orders(first: 200) { nodes { id supplier { id } recipient { fullName } } } }`, {}, token);
    expect(res.errors).toBeUndefined();
    const seeded = w().orders.filter((o) => o.supplierId === mine.id).map((o) => o.id);
    expect(res.data.orders.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(seeded));
    expect(res.data.orders.nodes.every((n: any) => n.supplier.id === mine.id && n.recipient.fullName)).toBe(true);

    const order = w().orders.find((o) => o.supplierId === mine.id)!;
    const person = w().persons.find((p) => p.id === order.personId)!;
    const personal = await gql(t.url, `query($id: ID!) { order(id: $id) { recipient { fullName iin phone } } }`, { id: order.id }, token);
    expect(codes(personal)).toContain('FORBIDDEN');
    noLeak(personal, person.iin);
  });
});

describe('departments and integrators', () => {
  it("a department reads its region's measures and not another region's", async () => {
    const person = w().persons[0]!;
    const own = await gql(t.url, `query($id: ID!) { program(id: $id) { number } }`, { id: programOf(0).id }, await tokenFor(departmentIdentity(person.regionCode)));
    expect(own.data?.program.number).toBe(programOf(0).number);
    const otherRegion = w().persons.findIndex((p) => p.regionCode !== person.regionCode);
    const other = await gql(t.url, `query($id: ID!) { program(id: $id) { number } }`, { id: programOf(otherRegion).id }, await tokenFor(departmentIdentity(person.regionCode)));
    expect(codes(other)).toEqual(['FORBIDDEN']);

    const list = await gql(t.url, `{ measures(first: 50) { nodes { regionCode } } }`, {}, await tokenFor(departmentIdentity(person.regionCode)));
    expect(list.data.measures.nodes.length).toBeGreaterThan(0);
    expect(list.data.measures.nodes.every((m: any) => m.regionCode === person.regionCode)).toBe(true);
  });

  it('an integrator needs the scope of what it reads', async () => {
    const q = `{ orders(first: 1) { nodes { id } } }`;
    const without = await gql(t.url, q, {}, await tokenFor(integratorIdentity(['people:read'])));
    expect(codes(without)).toEqual(['FORBIDDEN']);
    const withScope = await gql(t.url, q, {}, await tokenFor(integratorIdentity(['orders:read'])));
    expect(withScope.errors).toBeUndefined();
    expect(withScope.data.orders.nodes).toHaveLength(1);
  });
});

describe('authentication', () => {
  it('asks anonymous callers to sign in for personal data', async () => {
    const res = await gql(t.url, `{ me { id } }`);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a forged or malformed token with 401', async () => {
    const token = await tokenFor(recipientIdentity(0));
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    const res = await gql(t.url, `{ me { id } }`, {}, forged);
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    const malformed = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, body: '{"query":"{ me { id } }"}' });
    expect(malformed.status).toBe(401);
  });

  it('serves the public catalog without a token', async () => {
    const res = await gql(t.url, `{ offerings(first: 3) { nodes { title price supplier { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.offerings.nodes).toHaveLength(3);
  });
});
