import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePlatform } from '@aleumet/platform/testing';
import { departmentIdentity, gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { DASHBOARD } from '../../bench/src/queries.js';
import { AUDIT_WRITE } from './security/helpers.js';

const t = usePlatform();
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: t.platform.databaseUrl });
  await db.connect();
  // The feed connects in the background (embedded database and PostgreSQL alike).
  await cache().feed.started;
  expect(cache().feed.connected).toBe(true);
});
afterAll(() => db?.end());

const cache = () => t.platform.gateway.entityCache!;
// What answering took: the audit trail's own INSERT (the gateway appends through the people subgraph) is not a read.
const statements = () => Object.values(t.platform.subgraphs).reduce((n, s) => n + s.sql.statements.filter((q) => !AUDIT_WRITE.test(q)).length, 0);
const resetCounts = () => Object.values(t.platform.subgraphs).forEach((s) => s.sql.reset());

/** A recipient (from the end of the demo world, which other files leave alone) whose dashboard shows an offering. */
async function recipientWithOffering() {
  for (let i = world().persons.length - 1; i > 800; i--) {
    const person = world().persons[i]!;
    if (!world().orders.some((o) => o.personId === person.id && o.status !== 'CANCELLED')) continue;
    const identity = recipientIdentity(i);
    const token = await tokenFor(identity);
    const res = await gql(t.url, DASHBOARD, { first: 50 }, token);
    const offering = res.data?.me?.program?.measures.nodes.flatMap((m: any) => m.orders.nodes).map((o: any) => o.offering).find(Boolean);
    if (offering) return { identity, token, offering, person };
  }
  throw new Error('no recipient with an order in the demo world');
}

const offeringTitle = (res: any, id: string) =>
  res.data.me.program.measures.nodes.flatMap((m: any) => m.orders.nodes).map((o: any) => o.offering).find((o: any) => o?.id === id)?.title;

describe('entity cache', () => {
  it('answers a repeated dashboard from the cache: same data, fewer subgraph statements', async () => {
    const { token } = await recipientWithOffering();
    cache().clear();
    resetCounts();
    const cold = await gql(t.url, DASHBOARD, { first: 50 }, token);
    const coldStatements = statements();
    const before = { ...cache().stats };
    resetCounts();
    const warm = await gql(t.url, DASHBOARD, { first: 50 }, token);
    expect(warm).toEqual(cold);
    expect(cold.errors).toBeUndefined();
    expect(coldStatements).toBeGreaterThan(3);
    // Answered whole: no plan run, no subgraph asked.
    expect(statements()).toBe(0);
    expect(cache().stats.hits).toBeGreaterThan(before.hits);
    expect(cache().stats.answerHits).toBe(before.answerHits + 1);
  });

  it('shows a row changed directly in the database on the very next request (no waiting)', async () => {
    const { token, offering } = await recipientWithOffering();
    await gql(t.url, DASHBOARD, { first: 50 }, token); // warm
    const whole = cache().stats.answerHits;
    await gql(t.url, DASHBOARD, { first: 50 }, token);
    expect(cache().stats.answerHits).toBe(whole + 1);
    const title = `${offering.title} · changed in SQL`;
    try {
      await db.query('update catalog.offering set title = $1 where id = $2', [title, offering.id]);
      const after = await gql(t.url, DASHBOARD, { first: 50 }, token);
      expect(offeringTitle(after, offering.id)).toBe(title);
    } finally {
      await db.query('update catalog.offering set title = $1 where id = $2', [offering.title, offering.id]);
    }
    const restored = await gql(t.url, DASHBOARD, { first: 50 }, token);
    expect(offeringTitle(restored, offering.id)).toBe(offering.title);
  });

  it('shows a mutation\'s change to every caller at once, and never answers a mutation from the cache', async () => {
    const { token, offering } = await recipientWithOffering();
    await gql(t.url, DASHBOARD, { first: 50 }, token); // warm
    const supplier = await tokenFor(supplierIdentity(offering.supplier.id));
    const UPDATE = `mutation($id: ID!, $input: OfferingUpdate!) { updateOffering(id: $id, input: $input) { id title supplier { name } } }`;
    const title = `${offering.title} · renamed`;
    try {
      const updated = await gql(t.url, UPDATE, { id: offering.id, input: { title } }, supplier);
      expect(updated.errors).toBeUndefined();
      expect(updated.data.updateOffering.title).toBe(title);
      expect(offeringTitle(await gql(t.url, DASHBOARD, { first: 50 }, token), offering.id)).toBe(title);
    } finally {
      await gql(t.url, UPDATE, { id: offering.id, input: { title: offering.title } }, supplier);
    }
    expect(offeringTitle(await gql(t.url, DASHBOARD, { first: 50 }, token), offering.id)).toBe(offering.title);
  });

  it('keeps callers apart: another caller never gets an entry read for someone else', async () => {
    const { token, person } = await recipientWithOffering();
    await gql(t.url, DASHBOARD, { first: 50 }, token); // warm for the recipient
    const staff = await tokenFor(departmentIdentity(person.regionCode));
    const PERSON = `query($id: ID!) { person(id: $id) { id fullName program { id measures(first: 50) { nodes { id status } } } } }`;
    const misses = cache().stats.misses;
    const byStaff = await gql(t.url, PERSON, { id: person.id }, staff);
    expect(byStaff.errors).toBeUndefined();
    expect(cache().stats.misses).toBeGreaterThan(misses);
    // A recipient asking for another person is still refused, cache or not.
    const other = world().persons.findIndex((p) => p.id !== person.id && p.regionCode === person.regionCode);
    const stranger = await gql(t.url, PERSON, { id: person.id }, await tokenFor(recipientIdentity(other)));
    expect(stranger.data?.person ?? null).toBeNull();
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shares what every caller reads alike (catalog offerings) between callers, and drops it for all on a change', async () => {
    const offering = world().offerings.at(-1)!;
    const Q = `query($id: ID!) { offering(id: $id) { id title supplier { name } } }`;
    const [a, b] = [await tokenFor(recipientIdentity(3)), await tokenFor(recipientIdentity(4))];
    cache().clear();
    const first = await gql(t.url, Q, { id: offering.id }, a);
    expect(first.errors).toBeUndefined();
    resetCounts();
    const hits = cache().stats.hits;
    const second = await gql(t.url, Q, { id: offering.id }, b);
    expect(second).toEqual(first);
    expect(statements()).toBe(0);
    expect(cache().stats.hits).toBeGreaterThan(hits);
    const title = `${first.data.offering.title} · shared`;
    try {
      await db.query('update catalog.offering set title = $1 where id = $2', [title, offering.id]);
      expect((await gql(t.url, Q, { id: offering.id }, a)).data.offering.title).toBe(title);
    } finally {
      await db.query('update catalog.offering set title = $1 where id = $2', [first.data.offering.title, offering.id]);
    }
    expect((await gql(t.url, Q, { id: offering.id }, b)).data.offering.title).toBe(first.data.offering.title);
  });

  it('keeps a supplier\'s orders page while other suppliers\' orders change, and drops it when one of its own does', async () => {
    const mine = world().orders.at(-1)!;
    const other = world().orders.find((o) => o.supplierId !== mine.supplierId)!;
    const token = await tokenFor(supplierIdentity(mine.supplierId));
    const Q = `{ orders(first: 5) { nodes { id number } } }`;
    cache().clear();
    const first = await gql(t.url, Q, {}, token);
    const own = first.data.orders.nodes[0];
    const numbers = await db.query(`select id, number from orders."order" where id = any($1)`, [[own.id, other.id]]);
    const restore = () => Promise.all(numbers.rows.map((r) => db.query(`update orders."order" set number = $1 where id = $2`, [r.number, r.id])));
    try {
      await db.query(`update orders."order" set number = number || '-x' where id = $1`, [other.id]);
      resetCounts();
      expect(await gql(t.url, Q, {}, token)).toEqual(first);
      expect(statements()).toBe(0);
      await db.query(`update orders."order" set number = number || '-y' where id = $1`, [own.id]);
      const after = await gql(t.url, Q, {}, token);
      expect(after.data.orders.nodes[0].number).toBe(`${own.number}-y`);
    } finally {
      await restore();
    }
  });

  it('still audits the persons an answer from the cache names, though no id was selected', async () => {
    const order = world().orders.find((o) => o.status !== 'CANCELLED')!;
    const identity = supplierIdentity(order.supplierId);
    const token = await tokenFor(identity);
    const QUERY = `query NamesOnly { orders(first: 5) { nodes { number recipient { fullName } } } }`;
    const audited = async () => {
      const res = await gql(t.url, QUERY, {}, token);
      expect(res.errors).toBeUndefined();
      const { rows } = await db.query(`select person_ids from people.audit_entry where actor_sub = $1 and operation_name = 'NamesOnly' order by at desc, id desc limit 1`, [identity.sub]);
      return [...(rows[0]?.person_ids ?? [])].sort();
    };
    cache().clear();
    const cold = await audited();
    const whole = cache().stats.answerHits;
    const warm = await audited();
    expect(cache().stats.answerHits).toBe(whole + 1);
    expect(cold.length).toBeGreaterThan(0);
    expect(warm).toEqual(cold);
  });
});
