/**
 * The relay hands a committed transaction's outbox rows to this process's live subscribers right after
 * the commit (the commit wakes the publisher, which places and marks them), never a rolled-back row.
 * The poll is 10 minutes here, so nothing below can come from polling.
 */
import { expect, it, vi } from 'vitest';
import { OutboxEvent, recordEvent } from '@aleumet/events';
import { uuidv7 } from '@aleumet/core';
import { useProgramsRelay } from './programs-relay.js';


const rig = useProgramsRelay('relay');

const event = (entityId: string, version: number) => ({
  type: 'MEASURE_STATUS_CHANGED', entityType: 'Measure', entityId, status: 'BLOCKED', version, payload: { personId: 'p', regionCode: 'KZ-71' },
});

/** Within a second: the commit's wake-up, not the poll. */
const soon = (check: () => void) => vi.waitFor(check, { timeout: 1_000, interval: 10 });

it('delivers the rows of a transaction right after its commit, in order, placed and marked published', async () => {
  const id = uuidv7();
  let rows: OutboxEvent[] = [];
  await rig.orm.em.fork().transactional(async (tx) => {
    rows = [recordEvent(tx, event(id, 2)), recordEvent(tx, event(id, 3))];
    await tx.flush();
    expect(rig.heard.filter((e) => e.entityId === id)).toEqual([]); // flushed, not committed
  });
  await soon(() => expect(rig.heard.filter((e) => e.entityId === id).map((e) => [e.id, e.version, e.status])).toEqual(rows.map((r) => [r.id, r.version, 'BLOCKED'])));
  expect(rig.heard.find((e) => e.id === rows[0]!.id)!.occurredAt).toBe(rows[0]!.occurredAt.toISOString());
  const published = await rig.orm.em.fork().find(OutboxEvent, { entityId: id }, { orderBy: { position: 'asc' } });
  expect(published.every((r) => r.publishedAt instanceof Date)).toBe(true);
  // Placed one after the other, as handed on.
  expect(published.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  expect(rig.heard.filter((e) => e.entityId === id).map((e) => e.position)).toEqual([published[0]!.position, published[0]!.position! + 1]);
  await rig.relay.flush();
  expect(rig.heard.filter((e) => e.entityId === id)).toHaveLength(2);
});

it('delivers a row flushed outside an explicit transaction, and never one whose transaction rolled back', async () => {
  const kept = uuidv7();
  const em = rig.orm.em.fork();
  recordEvent(em, event(kept, 1));
  await em.flush();
  await soon(() => expect(rig.heard.filter((e) => e.entityId === kept)).toHaveLength(1));

  const lost = uuidv7();
  await expect(
    rig.orm.em.fork().transactional(async (tx) => {
      recordEvent(tx, event(lost, 1));
      await tx.flush();
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  // A later commit in another transaction does not deliver the rolled-back row either.
  await rig.orm.em.fork().transactional(async (tx) => void recordEvent(tx, event(uuidv7(), 1)));
  await rig.relay.flush();
  expect(rig.heard.filter((e) => e.entityId === lost)).toEqual([]);
  expect(await rig.orm.em.fork().count(OutboxEvent, { entityId: lost })).toBe(0);
});
