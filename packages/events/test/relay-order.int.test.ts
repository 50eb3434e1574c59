/**
 * An event's id is taken when it is created, so a transaction may commit an event with a smaller id
 * after another transaction committed one with a larger id. The relay hands events on in commit order,
 * each once, and a subscriber resuming from the cursor it last received still gets the late one.
 * The poll is 10 minutes here: every publication below comes from an explicit `flush`.
 */
import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import { eventCursor, eventStream } from '@aleumet/events';
import { uuidv7 } from '@aleumet/core';
import { useProgramsRelay } from './programs-relay.js';

const clients: pg.Client[] = [];

const rig = useProgramsRelay('relay_order');
// Before the relay's own clean-up (after-hooks run in reverse order).
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
});

async function connect(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: rig.db.url });
  clients.push(c);
  await c.connect();
  return c;
}

/** Writes one event row on this connection (inside whatever transaction it has open). */
const insert = (c: pg.Client, id: string, entityId: string, version = 1) =>
  c.query(
    `insert into programs.outbox (id, kind, occurred_at, type, entity_type, entity_id, status, version, payload)
     values ($1, 'event', now(), 'MEASURE_STATUS_CHANGED', 'Measure', $2, 'BLOCKED', $4, $3)`,
    [id, entityId, JSON.stringify({ personId: 'p', regionCode: 'KZ-71' }), version],
  );

const of = (entities: string[]) => rig.heard.filter((e) => entities.includes(e.entityId)).map((e) => e.id);

async function replayed(since: string, entities: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const e of rig.relay.replay({ since })) if (entities.includes(e.entityId)) out.push(e.id);
  return out;
}

/** What a subscriber that comes back with `since` receives (replay, then live), until `count` arrived. */
async function resumed(since: string, entities: string[], count: number): Promise<string[]> {
  const stream = eventStream({ hub: rig.relay.hub, filter: (e) => entities.includes(e.entityId), replay: () => rig.relay.replay({ since }) });
  const out: string[] = [];
  for await (const e of stream) {
    out.push(e.id);
    if (out.length === count) break;
  }
  return out;
}

/**
 * The same inversion in both tests: `early` is the smaller id, its transaction commits last.
 * `before`: a cursor received before either (an event committed earlier).
 */
async function expectCommitOrder(before: string, early: string, late: string, entities: string[]) {
  // Live: in commit order, each once.
  expect(of(entities)).toEqual([late, early]);
  const cursor = (id: string) => eventCursor(rig.heard.find((e) => e.id === id)!);
  // The cursors handed out grow in that order (clients compare them as strings).
  expect(cursor(late) < cursor(early)).toBe(true);
  // Resumed after the first delivery: the one that committed later, although its id is smaller.
  expect(await replayed(cursor(late), entities)).toEqual([early]);
  expect(await resumed(cursor(late), entities, 1)).toEqual([early]);
  // Resumed from before both: the same order as live subscribers got them.
  expect(await replayed(cursor(before), entities)).toEqual([late, early]);
  // Resumed from the last one delivered: nothing more.
  expect(await replayed(cursor(early), entities)).toEqual([]);
  // An event id as cursor (what subscribers were handed before cursors named places) means that event's place.
  expect(await replayed(late, entities)).toEqual([early]);
  expect(await replayed(before, entities)).toEqual([late, early]);
}

async function cursorBefore(): Promise<string> {
  const c = await connect();
  const id = uuidv7();
  const entity = uuidv7();
  await insert(c, id, entity);
  await rig.relay.flush();
  expect(of([entity])).toEqual([id]);
  return id;
}

// Embedded PostgreSQL runs one transaction at a time across all connections: the second BEGIN waits for
// the first transaction's end, so two transactions cannot be open at once there.
it.skipIf(!process.env.DATABASE_URL)('two transactions open at once: the one that commits last is delivered last, and a resume from the first delivery gets it', async () => {
  const before = await cursorBefore();
  const [one, two] = [await connect(), await connect()];
  const entities = [uuidv7(), uuidv7()];
  const early = uuidv7(Date.now() - 1_000);
  const late = uuidv7();

  await one.query('begin');
  await insert(one, early, entities[0]!);
  await two.query('begin');
  await insert(two, late, entities[1]!);
  await two.query('commit');
  await rig.relay.flush();
  expect(of(entities)).toEqual([late]);

  await one.query('commit');
  await rig.relay.flush();
  await rig.relay.flush();
  await expectCommitOrder(before, early, late, entities);
});

it('an event committed after another with a larger id (its id taken earlier): delivered after it, and a resume from that one gets it', async () => {
  const before = await cursorBefore();
  const c = await connect();
  const entities = [uuidv7(), uuidv7()];
  // The id is taken when the event is created, e.g. before the work that leads to its commit.
  const early = uuidv7(Date.now() - 1_000);
  const late = uuidv7();
  await insert(c, late, entities[1]!);
  await rig.relay.flush();
  expect(of(entities)).toEqual([late]);

  await insert(c, early, entities[0]!);
  await rig.relay.flush();
  await rig.relay.flush();
  await expectCommitOrder(before, early, late, entities);
});

it('one entity\'s events claimed together are placed in version order, whatever their ids (taken within one millisecond)', async () => {
  const c = await connect();
  const entity = uuidv7();
  const other = uuidv7();
  const [a, b, d] = [uuidv7(Date.now() - 3), uuidv7(Date.now() - 2), uuidv7(Date.now() - 1)];
  await c.query('begin');
  await insert(c, d, entity, 2);
  await insert(c, b, other, 1);
  await insert(c, a, entity, 3);
  await c.query('commit');
  await rig.relay.flush();
  // `a` (version 3) has the smallest id: it takes the last of its entity's places, `b` keeps its own.
  expect(of([entity, other])).toEqual([d, b, a]);
  const positions = rig.heard.filter((e) => [entity, other].includes(e.entityId)).map((e) => e.position!);
  expect(positions).toEqual([positions[0], positions[0]! + 1, positions[0]! + 2]);
});
