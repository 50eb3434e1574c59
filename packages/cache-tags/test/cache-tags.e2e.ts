/**
 * `extensions.cache` on the subgraphs' own answers (@aleumet/cache-tags): what a query read, as table and
 * row tags, or noStore. Requests go straight to the subgraphs over HTTP, as the gateway sends them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DependenceTable, ReadTracker, equalityKey, newRequestReads, readScope, recordStatement, tablesRead } from '@aleumet/cache-tags';
import { MAX_ROW_TAGS_PER_TABLE } from '@aleumet/protocol';
import { callSubgraph, serviceIdentity } from '@aleumet/runtime';
import { usePlatform } from '@aleumet/platform/testing';
import { adminIdentity, gatewaySignature, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

const ctx = usePlatform();
const url = (name: 'people' | 'programs' | 'orders') => ctx.platform.subgraphs[name].url;

/** As the gateway sends it (signed): only the gateway and other subgraphs are answered. */
async function post(target: string, body: unknown, token: string) {
  const text = JSON.stringify(body);
  const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...gatewaySignature(target, text) }, body: text });
  return (await res.json()) as any;
}

/** A seeded order and a token of its recipient. */
async function anOrder() {
  const w = world();
  const order = w.orders.find((o) => w.orders.filter((x) => x.measureId === o.measureId).length === 1)!;
  return { order, token: await tokenFor(recipientIdentity(w.persons.findIndex((p) => p.id === order.personId))) };
}

describe('extensions.cache of queries', () => {
  it('a loader read by id: a row tag per requested id, found or not', async () => {
    const { order, token } = await anOrder();
    const r = await post(url('orders'), { query: 'query($id: ID!) { order(id: $id) { id status } }', variables: { id: order.id } }, token);
    expect(r.data.order.id).toBe(order.id);
    expect(r.extensions.cache).toEqual({ tags: [`orders.order:id=${order.id}`] });
    // Not found: the answer changes when that row is inserted, so it carries the same kind of tag.
    const missing = '01900000-0000-7000-8000-000000000000';
    const nf = await post(url('orders'), { query: 'query($id: ID!) { order(id: $id) { id } }', variables: { id: missing } }, token);
    expect(nf.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(nf.extensions.cache).toEqual({ tags: [`orders.order:id=${missing}`] });
  });

  it('_entities: a group loader gives row tags on its foreign key column (orders of a measure)', async () => {
    const { order, token } = await anOrder();
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Measure { orders { nodes { id } } } } }';
    const r = await post(url('orders'), { query, variables: { r: [{ __typename: 'Measure', id: order.measureId }] } }, token);
    expect(r.data._entities[0].orders.nodes).toEqual([{ id: order.id }]);
    expect(r.extensions.cache).toEqual({ tags: [`orders.order:measure_id=${order.measureId}`] });
  });

  it('loaders chained over two tables: a row tag on each', async () => {
    const w = world();
    const measure = w.measures[0]!;
    const token = await tokenFor(adminIdentity());
    const r = await post(url('programs'), { query: 'query($id: ID!) { measure(id: $id) { id program { number } } }', variables: { id: measure.id } }, token);
    expect(r.data.measure.id).toBe(measure.id);
    expect(r.extensions.cache).toEqual({ tags: [`programs.measure:id=${measure.id}`, `programs.rehabilitation_program:id=${measure.programId}`] });
  });

  it('an answer of fields declared public is public (catalog offerings); one that authorized the caller is not', async () => {
    const offering = world().offerings[0]!;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offering { id title supplier { name } } } }';
    const variables = { r: [{ __typename: 'Offering', id: offering.id }] };
    const catalog = ctx.platform.subgraphs.catalog.url;
    const a = await post(catalog, { query, variables }, await tokenFor(recipientIdentity(0)));
    const b = await post(catalog, { query, variables }, await tokenFor(adminIdentity()));
    expect(a.data._entities[0].id).toBe(offering.id);
    expect(a.extensions.cache.public).toBe(true);
    expect(b).toEqual(a);
    const { token, order } = await anOrder();
    const own = await post(url('orders'), { query: 'query($id: ID!) { order(id: $id) { id } }', variables: { id: order.id } }, token);
    expect(own.extensions.cache).not.toHaveProperty('public');
  });

  it('a field of a public type declared the caller\'s own (a supplier\'s bank details) makes the answer private', async () => {
    const supplier = world().suppliers[0]!;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier { id name bankDetails { bik } } } }';
    const r = await post(ctx.platform.subgraphs.catalog.url, { query, variables: { r: [{ __typename: 'Supplier', id: supplier.id }] } }, await tokenFor(adminIdentity()));
    expect(r.data._entities[0].id).toBe(supplier.id);
    expect(r.extensions.cache.tags).toEqual([`catalog.supplier:id=${supplier.id}`]);
    expect(r.extensions.cache).not.toHaveProperty('public');
  });

  it('a page of one supplier\'s (one person\'s) rows: row tags on that column, not the table tag', async () => {
    const order = world().orders[0]!;
    const supplier = await tokenFor(supplierIdentity(order.supplierId));
    const r = await post(url('orders'), { query: '{ orders(first: 3) { nodes { id } } }' }, supplier);
    expect(r.data.orders.nodes.length).toBeGreaterThan(0);
    expect(r.extensions.cache).toEqual({ tags: [`orders.order:supplier_id=${order.supplierId}`] });
    const { token } = await anOrder();
    const own = await post(url('orders'), { query: '{ orders(first: 3) { nodes { id } } }' }, token);
    expect(own.extensions.cache.tags).toHaveLength(1);
    expect(own.extensions.cache.tags[0]).toMatch(/^orders\.order:person_id=/);
  });

  it('a page query: the table tag', async () => {
    const token = await tokenFor(adminIdentity());
    const r = await post(url('orders'), { query: '{ orders(first: 3) { nodes { id } } }' }, token);
    expect(r.data.orders.nodes).toHaveLength(3);
    expect(r.extensions.cache).toEqual({ tags: ['orders.order'] });
  });

  it('a field computed from the clock: noStore (programs Measure.daysLeftToChoose, people complaints)', async () => {
    // The field asks the clock only while a supplier can still be chosen.
    const measure = world().measures.find((m) => m.status === 'PUBLISHED' || m.status === 'AWAITING_CHOICE')!;
    const token = await tokenFor(adminIdentity());
    const r = await post(url('programs'), { query: 'query($id: ID!) { measure(id: $id) { id daysLeftToChoose } }', variables: { id: measure.id } }, token);
    expect(r.data.measure.id).toBe(measure.id);
    expect(r.extensions.cache).toEqual({ noStore: true });
    const c = await post(url('people'), { query: '{ complaints(first: 1) { nodes { id } } }' }, token);
    expect(c.errors).toBeUndefined();
    expect(c.extensions.cache).toEqual({ noStore: true });
  });

  it('a mutation carries no cache extension (even refused)', async () => {
    const { token } = await anOrder();
    const r = await post(url('orders'), { query: 'mutation { acceptOrder(id: "not-a-uuid", version: 1, signature: "unsigned") { id } }' }, token);
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.extensions?.cache).toBeUndefined();
  });

  it('a callers batch (callers share the reads): each answer carries what the batch had read, its own rows included', async () => {
    const w = world();
    const [a, b] = w.orders.filter((o, i, all) => all.findIndex((x) => x.personId === o.personId) === i).slice(0, 2);
    const token = (personId: string) => tokenFor(recipientIdentity(w.persons.findIndex((p) => p.id === personId)));
    const query = 'query($id: ID!) { order(id: $id) { id } }';
    const callers = [{ authorization: `Bearer ${await token(a!.personId)}`, variables: { id: a!.id } }, { authorization: `Bearer ${await token(b!.personId)}`, variables: { id: b!.id } }];
    const r = await post(url('orders'), { query, extensions: { callers } }, await token(a!.personId));
    expect(r.results.map((one: any) => one.data.order.id)).toEqual([a!.id, b!.id]);
    for (const [i, one] of r.results.entries()) {
      const own = `orders.order:id=${[a, b][i]!.id}`;
      expect(one.extensions.cache.tags).toContain(own);
      expect(one.extensions.cache.noStore).toBeUndefined();
      // A guarded type: private to its caller, in a batch as alone.
      expect(one.extensions.cache.public).toBeUndefined();
    }
    // What the first answer says includes everything its lone request says.
    const alone = await post(url('orders'), { query, variables: { id: a!.id } }, await token(a!.personId));
    for (const tag of alone.extensions.cache.tags) expect(r.results[0].extensions.cache.tags).toContain(tag);
  });

  it('a query that calls another subgraph: noStore (orders orderDocument asks programs and catalog)', async () => {
    const w = world();
    const measure = w.measures.find((m) => m.status === 'AWAITING_CHOICE' || m.status === 'PUBLISHED')!;
    const token = await tokenFor(recipientIdentity(w.persons.findIndex((p) => p.id === measure.personId)));
    const query = 'query($m: ID!, $o: ID!) { orderDocument(measureId: $m, offeringId: $o, idempotencyKey: "cache-tags") }';
    const r = await post(url('orders'), { query, variables: { m: measure.id, o: w.offerings[0]!.id } }, token);
    // Whether or not this offering suits the measure, the answer was built on the other subgraphs' answers.
    expect(r.extensions.cache).toEqual({ noStore: true });
  });

  it('callSubgraph within a request scope marks it noStore', async () => {
    const measure = world().measures[0]!;
    const scope = newRequestReads();
    const data = await readScope.run(scope, () =>
      callSubgraph(url('programs'), serviceIdentity('orders', ['programs:read']), 'query($id: ID!) { measure(id: $id) { id } }', { id: measure.id }),
    );
    expect(data.measure.id).toBe(measure.id);
    expect(scope.reads.extension()).toEqual({ noStore: true });
  });
});

describe('declared hints', () => {
  it('refuse coordinates the schema does not have, public types with an entity policy, and caller fields outside public types', () => {
    const schema = buildASTSchema(parse(readFileSync(path.join(import.meta.dirname, '../../../schema/catalog.graphql'), 'utf8')), { assumeValidSDL: true });
    expect(() => new DependenceTable({ public: ['Offering.titel'] }).check(schema)).toThrow('no field Offering.titel');
    expect(() => new DependenceTable({ time: ['Offerings'] }).check(schema)).toThrow('no object type Offerings');
    expect(() => new DependenceTable({ public: ['Offering'] }).check(schema, ['Offering'])).toThrow('has an entity policy');
    expect(() => new DependenceTable({ caller: ['Region.nameEn'] }).check(schema)).toThrow('not of a public type');
    expect(() => new DependenceTable({ public: ['Offering', 'Query.offering'], caller: ['Offering.stock'] }).check(schema)).not.toThrow();
  });

  it('judge each resolved field: declared public, the caller\'s (the default), time-dependent, or passing on its parent\'s value', () => {
    const t = new DependenceTable({ public: ['Offering', 'Query.offering'], caller: ['Offering.stock'], time: ['Measure.daysLeftToChoose'] });
    expect(t.of('Offering', 'title')).toBe('none');
    expect(t.of('Offering', 'stock')).toBe('caller');
    expect(t.of('Query', 'offering')).toBe('none');
    expect(t.of('Query', 'offerings')).toBe('caller');
    expect(t.of('Order', 'status')).toBe('caller');
    expect(t.of('Measure', 'daysLeftToChoose')).toBe('time');
    expect(t.of('OfferingConnection', 'nodes')).toBe('none');
    expect(t.of('PageInfo', 'hasNextPage')).toBe('none');
    expect(t.of('Query', '_entities')).toBe('none');
    expect(t.of('Order', '__typename')).toBe('none');
  });
});

describe('classifying statements', () => {
  it('names the schema-qualified tables of a SELECT, subqueries and joins included', () => {
    expect(tablesRead('select "o0".* from "orders"."order" as "o0" where "o0"."id" in ($1)')).toEqual(['orders.order']);
    expect(tablesRead('select "m0".* from "programs"."measure" as "m0" left join "programs"."rehabilitation_program" as "r1" on "m0"."program_id" = "r1"."id" where "m0"."id" in (select "f"."measure_id" from "programs"."fulfilment" as "f")').sort())
      .toEqual(['programs.fulfilment', 'programs.measure', 'programs.rehabilitation_program']);
    expect(tablesRead('select count(*) as "count" from (select 1 from "a"."b" as "x", "a"."c" "y") as "t"')!.sort()).toEqual(['a.b', 'a.c']);
    expect(tablesRead('select extract(epoch from "o0"."created_at") as "e" from "orders"."order" as "o0"')).toEqual(['orders.order']);
    expect(tablesRead('select 1')).toEqual([]);
    // Hand-written reports (finance) name their tables unquoted; unquoted names fold to lower case.
    expect(tablesRead('select coalesce(sum(debit), 0) as debit from Finance.ledger_entry where account_type = $1')).toEqual(['finance.ledger_entry']);
    expect(tablesRead('select "o0".* from "orders"."order" as "o0" where "o0"."id" = $1 for update')).toEqual(['orders.order']);
  });

  it('anything it cannot name, and every write, is unknown (null)', () => {
    expect(tablesRead('select * from ledger_entry')).toBeNull();
    expect(tablesRead('select * from "order"')).toBeNull();
    expect(tablesRead('with x as (select 1 from "a"."b") select * from x')).toBeNull();
    expect(tablesRead('select * from "a"."b" as "x", generate_series(1, 3)')).toBeNull();
    expect(tablesRead('select * from pg_catalog.generate_series(1, 3)')).toBeNull();
    expect(tablesRead('with u as (update a.b set x = 1 returning *) select * from "a"."b"')).toBeNull();
    expect(tablesRead('insert into "orders"."order" ("id") values ($1)')).toBeNull();
    expect(tablesRead('update "orders"."order" set "status" = $1')).toBeNull();
    expect(tablesRead('with d as (delete from "a"."b" returning *) select * from d')).toBeNull();
    expect(tablesRead('begin')).toBeNull();
    expect(tablesRead('select "o0".* from "orders"."order" as "o0" where "o0"."accept_deadline" < now()')).toBeNull();
    expect(tablesRead('select current_date')).toBeNull();
  });

  it('a precise read tags the requested keys; other tables of the same find get table tags; writes and unknown reads give noStore', () => {
    const scope = newRequestReads();
    const precise = { ...scope, precise: { table: 'orders.order', column: 'measure_id', values: ['m1', 'm2'] } };
    recordStatement(precise, 'select "o0".* from "orders"."order" as "o0" where "o0"."measure_id" in ($1, $2)');
    recordStatement(precise, 'select "j0".* from "orders"."journal_entry" as "j0" where "j0"."order_id" in ($1)');
    recordStatement(scope, 'select "o0".* from "orders"."order" as "o0" where "o0"."id" in ($1)');
    // No field was resolved here, so nothing made the answer the caller's own (see the catalog case above).
    expect(scope.reads.extension()).toEqual({ tags: ['orders.journal_entry', 'orders.order'], public: true });
    const other = newRequestReads();
    recordStatement({ ...other, precise: precise.precise }, 'select "o0".* from "orders"."order" as "o0" where "o0"."measure_id" in ($1, $2)');
    other.reads.callerRead = true;
    expect(other.reads.extension()).toEqual({ tags: ['orders.order:measure_id=m1', 'orders.order:measure_id=m2'] });
    recordStatement(other, 'select * from somewhere');
    expect(other.reads.extension()).toEqual({ noStore: true });
    const writes = newRequestReads();
    recordStatement(writes, 'update "orders"."order" set "status" = $1 where "id" = $2');
    expect(writes.reads.extension()).toEqual({ noStore: true });
  });

  it('finds a top-level equality on a reported column in a where-clause, and nothing else', () => {
    const em = ctx.platform.subgraphs.orders.orm.em.fork();
    const Order = em.getMetadata().getAll();
    const order = Object.values(Order).find((m) => m.tableName === 'order')!.class;
    expect(equalityKey(em, order, { supplierId: 's1', status: 'ACCEPTED' })).toEqual({ field: 'supplierId', values: ['s1'] });
    expect(equalityKey(em, order, { personId: { $in: ['p1', 'p2'] } })).toEqual({ field: 'personId', values: ['p1', 'p2'] });
    expect(equalityKey(em, order, { regionCode: 'KZ-71' })).toBeNull();
    expect(equalityKey(em, order, { $or: [{ supplierId: 's1' }, { personId: 'p1' }] })).toBeNull();
    expect(equalityKey(em, order, { supplierId: { $ne: 's1' } })).toBeNull();
    expect(equalityKey(em, order, { personId: { $in: ['p1'], $nin: ['p2'] } })).toBeNull();
  });

  it('deduplicates, and replaces more than 2,000 row tags of one table by its table tag', () => {
    const t = new ReadTracker();
    t.addRows('orders.order', 'id', ['a', 'b', 'a']);
    t.addRows('orders.order', 'id', ['b']);
    expect(t.tags()).toEqual(['orders.order:id=a', 'orders.order:id=b']);
    t.addRows('orders.order', 'id', Array.from({ length: MAX_ROW_TAGS_PER_TABLE }, (_, i) => `k${i}`));
    t.addRows('orders.journal_entry', 'order_id', ['a']);
    expect(t.tags()).toEqual(['orders.journal_entry:order_id=a', 'orders.order']);
    t.addRows('orders.order', 'id', ['c']);
    expect(t.tags()).toEqual(['orders.journal_entry:order_id=a', 'orders.order']);
  });
});
