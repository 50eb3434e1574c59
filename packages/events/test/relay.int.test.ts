/**
 * The relay hands a committed transaction's outbox rows to this process's live subscribers at the
 * commit itself (not after its own publishing transaction), never a rolled-back row, and still marks
 * every row published. The poll is 10 minutes here, so nothing below can come from polling.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxEvent, OutboxRelay, recordEvent, type LiveEvent } from '@aleumet/events';
import { SUBGRAPHS } from '@aleumet/platform';
import { migrateUp, openOrm } from '@aleumet/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@aleumet/testkit';
import { uuidv7 } from '@aleumet/core';

let db: TestDatabase;
let orm: MikroORM;
let relay: OutboxRelay;
const heard: LiveEvent[] = [];

beforeAll(async () => {
  db = await createTestDatabase('relay');
  orm = await openOrm(SUBGRAPHS.find((d) => d.name === 'programs')!, { databaseUrl: db.url });
  await migrateUp(orm);
  relay = new OutboxRelay({ orm, schema: 'programs', pollIntervalMs: 600_000 });
  await relay.start();
  relay.hub.subscribe((e) => heard.push(e));
});
afterAll(async () => {
  await relay?.close();
  await orm?.close();
  await db?.drop();
});

const event = (entityId: string, version: number) => ({
  type: 'MEASURE_STATUS_CHANGED', entityType: 'Measure', entityId, status: 'BLOCKED', version, payload: { personId: 'p', regionCode: 'KZ-71' },
});

it('delivers the rows of a transaction at its commit, in order, and marks them published afterwards', async () => {
  const id = uuidv7();
  let rows: OutboxEvent[] = [];
  await orm.em.fork().transactional(async (tx) => {
    rows = [recordEvent(tx, event(id, 2)), recordEvent(tx, event(id, 3))];
    await tx.flush();
    expect(heard.filter((e) => e.entityId === id)).toEqual([]); // flushed, not committed
  });
  // Synchronously at commit: before the publisher's own transaction could have run.
  expect(heard.filter((e) => e.entityId === id).map((e) => [e.id, e.version, e.status])).toEqual(rows.map((r) => [r.id, r.version, 'BLOCKED']));
  expect(heard.find((e) => e.id === rows[0]!.id)!.occurredAt).toBe(rows[0]!.occurredAt.toISOString());
  await relay.flush();
  const published = await orm.em.fork().find(OutboxEvent, { entityId: id });
  expect(published.every((r) => r.publishedAt instanceof Date)).toBe(true);
  // The publisher's copy was dropped by the hub: each event once.
  expect(heard.filter((e) => e.entityId === id)).toHaveLength(2);
});

it('delivers a row flushed outside an explicit transaction, and never one whose transaction rolled back', async () => {
  const kept = uuidv7();
  const em = orm.em.fork();
  recordEvent(em, event(kept, 1));
  await em.flush();
  expect(heard.filter((e) => e.entityId === kept)).toHaveLength(1);

  const lost = uuidv7();
  await expect(
    orm.em.fork().transactional(async (tx) => {
      recordEvent(tx, event(lost, 1));
      await tx.flush();
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  // A later commit in another transaction does not deliver the rolled-back row either.
  await orm.em.fork().transactional(async (tx) => void recordEvent(tx, event(uuidv7(), 1)));
  await relay.flush();
  expect(heard.filter((e) => e.entityId === lost)).toEqual([]);
  expect(await orm.em.fork().count(OutboxEvent, { entityId: lost })).toBe(0);
});
