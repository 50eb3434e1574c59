import http from 'node:http';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../src/unavailable.js';

/** A port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

describe('isDatabaseUnavailable', () => {
  it('is true for a database that refuses connections, also wrapped by the ORM and GraphQL', async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/postgres` });
    const refused = await client.connect().then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    const wrapped = Object.assign(new Error('query failed'), { name: 'DriverException', previous: refused });
    expect(isDatabaseUnavailable({ message: 'x', originalError: wrapped })).toBe(true);
  });

  it('is true for the server shutting down or starting up, false for errors of the request', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Order 1 not found'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
