import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/index.js';

// The socket server queues wire-protocol messages one at a time across connections; an extended query is
// several messages (Parse, Bind, Describe, Execute, Sync), and another connection's Parse between them
// replaced the unnamed statement: "bind message supplies N parameters", or rows of someone else's query.
describe('embedded PostgreSQL under concurrent connections', () => {
  let db: EmbeddedPostgres;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startEmbeddedPostgres();
    pool = new pg.Pool({ connectionString: db.url, max: 8 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.stop();
  });

  it('answers every parameterized query with its own rows', async () => {
    const queries = Array.from({ length: 400 }, (_, i) =>
      i % 3 === 0
        ? pool.query('select $1::int as a', [i]).then((r) => expect(r.rows).toEqual([{ a: i }]))
        : i % 3 === 1
          ? pool.query('select $1::int as a, $2::text as b', [i, `t${i}`]).then((r) => expect(r.rows).toEqual([{ a: i, b: `t${i}` }]))
          : pool.query('select g from generate_series(1, $1::int) g', [i % 7]).then((r) => expect(r.rows.length).toBe(i % 7)),
    );
    await Promise.all(queries);
  });

  it('does not mix a large statement, whose Bind arrives in several TCP chunks, with other connections', async () => {
    const big = 'x'.repeat(400_000);
    const queries = Array.from({ length: 120 }, (_, i) =>
      i % 4 === 0
        ? pool.query('select length($1::text) as n, $2::int as i', [big, i]).then((r) => expect(r.rows).toEqual([{ n: big.length, i }]))
        : pool.query('select $1::int as a', [i]).then((r) => expect(r.rows).toEqual([{ a: i }])),
    );
    await Promise.all(queries);
  });

  it('keeps serving after a connection leaves in the middle of its work', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const pending = client.query('select pg_sleep(0.05), $1::int as a', [1]).catch(() => null);
    client.end().catch(() => null);
    await pending;
    const r = await pool.query('select $1::int as a', [42]);
    expect(r.rows).toEqual([{ a: 42 }]);
  });
});
