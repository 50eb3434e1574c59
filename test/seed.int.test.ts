import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANONYMIZED_PERSON_ID, ITEM_TYPES, REGIONS, SPECIAL_SOCIAL_SERVICE_TYPES } from '@aleumet/core';

/**
 * The demo data `npm start` seeds (the global setup seeds the run's database with the same
 * `startPlatform({ seed: true })`). Counted in the database itself, per subgraph schema, not in the
 * in-memory world: ≥ 1,000 recipients with programs and measures of all six kinds, ≥ 50 suppliers
 * with offerings in several regions, orders in every status with claims and payments.
 * Other test files only add rows, so lower bounds and "contains" hold whatever ran before.
 */
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(() => db?.end());

const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
const column = async (sql: string) => (await db.query<{ v: string }>(sql)).rows.map((r) => r.v).sort();

// The six kinds of the service standards and special social services (SSS).
const KINDS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'];

describe('demo data seeded by npm start', () => {
  it('≥ 1,000 recipients, each with a program and measures, of every service kind', async () => {
    expect(await count(`select count(*) as n from people.person where category <> 'NONE'`)).toBeGreaterThanOrEqual(1000);
    // recipients (people) that own a program (programs) with at least one measure
    expect(await count(`select count(distinct p.person_id) as n from programs.rehabilitation_program p join programs.measure m on m.program_id = p.id`))
      .toBeGreaterThanOrEqual(1000);
    expect(await column(`select distinct kind as v from programs.measure`)).toEqual(KINDS);
    // a measure's person exists in the people schema (the seeders agree across subgraphs); retention leaves the placeholder
    expect(await count(`select count(*) as n from programs.rehabilitation_program p where p.person_id <> '${ANONYMIZED_PERSON_ID}' and not exists (select 1 from people.person x where x.id = p.person_id)`)).toBe(0);
  });

  it('GSP recipients (002 ¶1, the Rules ¶7): seeded persons with entitlements in every status, some acting through a legal representative', async () => {
    expect(await count(`select count(distinct person_id) as n from programs.gsp_entitlement`)).toBeGreaterThanOrEqual(6);
    expect(await column(`select distinct status as v from programs.gsp_entitlement`)).toEqual(expect.arrayContaining(['ASSIGNED', 'BEING_PROVIDED', 'PROVIDED', 'STOPPED']));
    expect(await count(`select count(*) as n from programs.gsp_entitlement g where not exists (select 1 from people.person x where x.id = g.person_id and x.region_code = g.region_code)`)).toBe(0);
    expect(await count(`select count(distinct g.person_id) as n from programs.gsp_entitlement g join people.representation r on r.principal_id = g.person_id where r.kind = 'LEGAL_REPRESENTATIVE'`)).toBeGreaterThanOrEqual(1);
  });

  it('representatives of both kinds, and staff users of suppliers, departments and the portal', async () => {
    expect(await column(`select distinct kind as v from people.representation`)).toEqual(['LEGAL_REPRESENTATIVE', 'PROXY']);
    expect(await column(`select distinct role as v from people.staff_user`)).toEqual(['ADMIN', 'EMPLOYMENT_DEPARTMENT', 'SUPPLIER']);
  });

  it('≥ 50 verified suppliers with offerings, offered in several regions, for every kind', async () => {
    expect(await count(`select count(distinct s.id) as n from catalog.supplier s join catalog.offering o on o.supplier_id = s.id where s.status = 'VERIFIED' and o.active`))
      .toBeGreaterThanOrEqual(50);
    const regions = await column(`select distinct r as v from catalog.offering o, unnest(o.region_codes) r`);
    expect(regions.length).toBeGreaterThanOrEqual(10);
    expect(regions.every((r) => REGIONS.some((x) => x.code === r))).toBe(true);
    expect(await column(`select distinct kind as v from catalog.offering`)).toEqual(KINDS);
  });

  it('the 55 aid types, the three services and the special social services, with guaranteed sums for each', async () => {
    const all = ITEM_TYPES.length + SPECIAL_SOCIAL_SERVICE_TYPES.length;
    expect(await count(`select count(*) as n from catalog.item_type where kind in ('S4', 'S5', 'S6')`)).toBe(55);
    expect(await count(`select count(*) as n from catalog.item_type`)).toBe(all);
    expect(ITEM_TYPES).toHaveLength(58);
    expect(SPECIAL_SOCIAL_SERVICE_TYPES).toHaveLength(2);
    const year = new Date().getUTCFullYear();
    expect(await count(`select count(distinct item_type_code) as n from finance.guaranteed_sum where year = $1`, [year])).toBe(all);
  });

  it('orders in every status, with claims and payments', async () => {
    expect(await column(`select distinct status as v from orders."order"`)).toEqual(
      ['ACCEPTED', 'AWAITING_SUPPLIER', 'CANCELLED', 'EXPIRED', 'HANDED_OVER', 'READY', 'REFUSED'],
    );
    // every order status the schema knows (the enum in the orders table's check constraint or GraphQL) is covered above
    expect(await count(`select count(*) as n from finance.reimbursement_claim`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from finance.payment`)).toBeGreaterThan(0);
    // a claim points at an order that exists in the orders schema
    expect(await count(`select count(*) as n from finance.reimbursement_claim c where not exists (select 1 from orders."order" o where o.id = c.order_id)`)).toBe(0);
  });
});
