/**
 * The change notifications the gateway's entity cache listens to (changes.ts), on a fresh database with
 * the orders subgraph migrated: one notification per statement that changed rows, with the key values
 * of the changed rows, or `all` for large statements and TRUNCATE.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { SUBGRAPHS } from '@aleumet/platform';
import { CHANGES_CHANNEL } from '@aleumet/protocol';
import { ensureChangeNotifications } from '@aleumet/change-feed';
import { migrateUp, openOrm } from '@aleumet/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@aleumet/testkit';
import { uuidv7 } from '@aleumet/core';

let db: TestDatabase;
let orm: MikroORM;
let listener: pg.Client;
let writer: pg.Client;
let heard: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase('changes');
  orm = await openOrm(SUBGRAPHS.find((d) => d.name === 'orders')!, { databaseUrl: db.url });
  await migrateUp(orm);
  listener = new pg.Client({ connectionString: db.url });
  await listener.connect();
  listener.on('notification', (n) => {
    if (n.channel === CHANGES_CHANNEL) heard.push(n.payload ?? '');
  });
  await listener.query(`listen ${CHANGES_CHANNEL}`);
  // Embedded PGlite runs one session for every connection and hands a notification to the connection that
  // sent it (the gateway's cache turns itself off there): the writer listens itself. On a server another
  // connection listens, as the gateway does.
  if (process.env.DATABASE_URL) {
    writer = new pg.Client({ connectionString: db.url });
    await writer.connect();
  } else writer = listener;
});
afterAll(async () => {
  if (writer !== listener) await writer?.end();
  await listener?.end();
  await orm?.close();
  await db?.drop();
});
beforeEach(() => {
  heard = [];
});

/** The notifications heard since the last call: they arrive after the commit, a short wait also shows that no others follow. */
async function notifications(): Promise<any[]> {
  await new Promise((r) => setTimeout(r, 150));
  const out = heard.map((p) => JSON.parse(p));
  heard = [];
  return out;
}

const sorted = (n: { t: string; k: string[] }) => ({ ...n, k: [...n.k].sort() });

function orderRow() {
  return { id: uuidv7(), measure: uuidv7(), offering: uuidv7(), person: uuidv7(), supplier: uuidv7() };
}
async function insertOrders(rows: ReturnType<typeof orderRow>[]) {
  await writer.query(
    `insert into orders."order" (id, created_at, updated_at, number, measure_id, offering_id, person_id, supplier_id, region_code, price, quantity, accept_deadline)
     select u.id, now(), now(), 'N-' || u.id, u.m, u.o, u.p, u.s, 'KZ-71', 1000, 1, now() from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) as u(id, m, o, p, s)`,
    [rows.map((r) => r.id), rows.map((r) => r.measure), rows.map((r) => r.offering), rows.map((r) => r.person), rows.map((r) => r.supplier)],
  );
}
const keysOf = (r: ReturnType<typeof orderRow>) => [`id=${r.id}`, `measure_id=${r.measure}`, `offering_id=${r.offering}`, `person_id=${r.person}`, `supplier_id=${r.supplier}`];

it('INSERT: one notification with the id, *_id and code values of the new rows, deduplicated', async () => {
  const a = orderRow();
  const b = { ...orderRow(), person: a.person };
  await insertOrders([a, b]);
  const [n, ...more] = await notifications();
  expect(more).toEqual([]);
  // region_code, item_type_code: only `code` itself is a key column; null columns are left out.
  expect(sorted(n)).toEqual({ t: 'orders.order', k: [...new Set([...keysOf(a), ...keysOf(b)])].sort() });
  expect(JSON.stringify(n)).toMatch(/^\{"t":"orders.order","k":\["/);
});

it('UPDATE: the keys of the old and the new rows; no notification when no row changed', async () => {
  const a = orderRow();
  await insertOrders([a]);
  await notifications();
  const measure = uuidv7();
  await writer.query(`update orders."order" set measure_id = $2, status = 'ACCEPTED' where id = $1`, [a.id, measure]);
  expect((await notifications()).map(sorted)).toEqual([{ t: 'orders.order', k: [...keysOf(a), `measure_id=${measure}`].sort() }]);
  await writer.query(`update orders."order" set status = 'ACCEPTED' where id = $1`, [uuidv7()]);
  expect(await notifications()).toEqual([]);
});

it('DELETE: the keys of the deleted rows', async () => {
  const a = orderRow();
  await insertOrders([a]);
  await notifications();
  await writer.query(`delete from orders."order" where id = $1`, [a.id]);
  expect((await notifications()).map(sorted)).toEqual([{ t: 'orders.order', k: keysOf(a).sort() }]);
  await writer.query(`delete from orders."order" where id = $1`, [a.id]);
  expect(await notifications()).toEqual([]);
});

it('more than 100 rows in one statement: `all` (and 100 rows still their keys)', async () => {
  await insertOrders(Array.from({ length: 150 }, orderRow));
  await new Promise((r) => setTimeout(r, 150));
  expect(heard).toEqual(['{"t":"orders.order","all":true}']);
  heard = [];
  // 100 rows × 5 keys would exceed 7,000 bytes: `all` as well.
  await insertOrders(Array.from({ length: 100 }, orderRow));
  expect(await notifications()).toEqual([{ t: 'orders.order', all: true }]);
  await writer.query(`insert into orders.processed_command (id, processed_at) select gen_random_uuid(), now() from generate_series(1, 100)`);
  const [n] = await notifications();
  expect(n.t).toBe('orders.processed_command');
  expect(n.k).toHaveLength(100);
});

it('TRUNCATE: `all`', async () => {
  await writer.query('truncate orders.processed_command');
  expect(await notifications()).toEqual([{ t: 'orders.processed_command', all: true }]);
});

it('a statement rolled back sends nothing; one transaction sends one notification per statement at commit', async () => {
  await writer.query('begin');
  await insertOrders([orderRow()]);
  await writer.query('rollback');
  expect(await notifications()).toEqual([]);
  const a = orderRow();
  const b = orderRow();
  await writer.query('begin');
  await insertOrders([a]);
  await insertOrders([b]);
  await new Promise((r) => setTimeout(r, 150));
  expect(heard).toEqual([]);
  await writer.query('commit');
  expect((await notifications()).map(sorted)).toEqual([{ t: 'orders.order', k: keysOf(a).sort() }, { t: 'orders.order', k: keysOf(b).sort() }]);
});

it('a table created later gets the triggers when called again; calling it again adds no duplicates', async () => {
  await writer.query(`create table orders.cache_probe (id int primary key, code text, owner_id uuid, label text)`);
  try {
    await writer.query(`insert into orders.cache_probe values (1, 'A', null, 'x')`);
    expect(await notifications()).toEqual([]);
    await ensureChangeNotifications(orm);
    await ensureChangeNotifications(orm);
    const owner = uuidv7();
    await writer.query(`insert into orders.cache_probe values (2, 'B', $1, 'y'), (3, 'B', null, 'z')`, [owner]);
    expect((await notifications()).map(sorted)).toEqual([{ t: 'orders.cache_probe', k: ['code=B', 'id=2', 'id=3', `owner_id=${owner}`].sort() }]);
    const { rows } = await writer.query(`select tgname from pg_trigger where tgrelid = 'orders.cache_probe'::regclass order by 1`);
    expect(rows.map((r) => r.tgname)).toEqual(['aleumet_changes_delete_v1', 'aleumet_changes_insert_v1', 'aleumet_changes_truncate_v1', 'aleumet_changes_update_v1']);
    // The migrations table is the migrator's own bookkeeping.
    const m = await writer.query(`select count(*)::int as n from pg_trigger where tgrelid = 'orders.mikro_orm_migrations'::regclass and not tgisinternal`);
    expect(m.rows[0].n).toBe(0);
  } finally {
    await writer.query('drop table orders.cache_probe');
  }
});
