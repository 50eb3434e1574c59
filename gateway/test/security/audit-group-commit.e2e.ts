import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { usePlatform } from '@aleumet/platform/testing';
import { gql, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { eventually, sql } from './helpers.js';

const t = usePlatform();

describe('audit group commit through the real gateway', () => {
  it('records a row for every concurrent audited request, before its response, in fewer INSERT statements than requests', async () => {
    const stats = t.platform.gateway.auditStats!;
    expect(stats).toBeTruthy();
    const recipients = world().persons.filter((p) => p.isRecipient !== false).length;
    // Person indexes 40–49 (this file's own), each sending several requests at once.
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => tokenFor(recipientIdentity((40 + i) % Math.max(1, recipients)))));
    const tag = `GroupCommit${process.pid}x${Date.now()}`;
    const N = 60;
    const before = { ...stats };
    const missingAtResponse: number[] = [];
    await Promise.all(Array.from({ length: N }, async (_, i) => {
      const res = await gql(t.url, `query ${tag}_${i} { me { id } }`, {}, tokens[i % tokens.length]!);
      expect(res.errors).toBeUndefined();
      // The response left only after its row was committed: it is there now.
      const [row] = await sql(`select count(*)::int as n from people.audit_entry where operation_name = $1`, [`${tag}_${i}`]);
      if (row.n !== 1) missingAtResponse.push(i);
    }));
    expect(missingAtResponse).toEqual([]);
    const [all] = await sql(`select count(*)::int as n from people.audit_entry where operation_name like $1`, [`${tag}\\_%`]);
    expect(all.n).toBe(N);
    const statements = stats.statements - before.statements;
    expect(stats.rows - before.rows).toBe(N);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThan(N);
    console.log(`audit group commit: ${N} requests, ${statements} INSERT statements, largest batch ${stats.largestBatch}`);
  });

  // A lock on the table needs a PostgreSQL server (the embedded database runs every connection on one backend).
  it.skipIf(!process.env.DATABASE_URL)('holds every response while the INSERT cannot commit, then commits the queued rows together', async () => {
    const stats = t.platform.gateway.auditStats!;
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => tokenFor(recipientIdentity(50 + i))));
    const tag = `GroupLock${process.pid}x${Date.now()}`;
    const N = 40;
    const before = { ...stats };
    const locker = new pg.Client({ connectionString: inject('databaseUrl') });
    await locker.connect();
    let answered = 0;
    let requests: Promise<unknown>[] = [];
    try {
      await locker.query('begin');
      // SHARE conflicts with the ROW EXCLUSIVE lock an INSERT takes: every audit INSERT waits.
      await locker.query('lock table people.audit_entry in share mode');
      requests = Array.from({ length: N }, (_, i) =>
        gql(t.url, `query ${tag}_${i} { me { id } }`, {}, tokens[i % tokens.length]!).then((res) => {
          answered++;
          return res;
        }));
      // Every request has reached the audit step (its row queued or in the blocked INSERT) …
      await eventually(async () => stats.rows - before.rows, (n) => n === N, 20_000);
      await new Promise((r) => setTimeout(r, 300));
      // … and not one response has left before its row could be written.
      expect(answered).toBe(0);
    } finally {
      await locker.query('commit').catch(() => {});
      await locker.end();
    }
    const results = await Promise.all(requests);
    expect(results.every((r: any) => !r.errors)).toBe(true);
    const [all] = await sql(`select count(*)::int as n from people.audit_entry where operation_name like $1`, [`${tag}\\_%`]);
    expect(all.n).toBe(N);
    // The first INSERT waited for the lock; the rows queued behind it went in one statement (two at most).
    const statements = stats.statements - before.statements;
    expect(statements).toBeLessThanOrEqual(3);
    expect(stats.largestBatch).toBeGreaterThanOrEqual(N - 2);
  });
});
