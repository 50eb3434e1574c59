import { describe, expect, it } from 'vitest';
import { EventHub, SlowConsumerError, eventStream, type LiveEvent } from '../src/index.js';

let n = 0;
const ev = (entityId: string, version: number, extra: Partial<LiveEvent> = {}): LiveEvent => ({
  id: `0190${String(++n).padStart(4, '0')}-0000-7000-8000-000000000000`,
  type: 'ORDER_STATUS_CHANGED',
  entityType: 'Order',
  entityId,
  status: 'ACCEPTED',
  version,
  payload: {},
  occurredAt: new Date().toISOString(),
  ...extra,
});

async function take(it: AsyncIterator<LiveEvent>, count: number): Promise<LiveEvent[]> {
  const out: LiveEvent[] = [];
  while (out.length < count) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('event streams', () => {
  it('the hub drops an event seen twice (publisher and NOTIFY)', () => {
    const hub = new EventHub();
    const got: string[] = [];
    hub.subscribe((e) => got.push(e.id));
    const e = ev('a', 2);
    expect(hub.publish(e)).toBe(true);
    expect(hub.publish({ ...e })).toBe(false);
    expect(got).toEqual([e.id]);
  });

  it('the hub offers an event to the listeners of its entity and of every entity, not to other entities\' listeners', () => {
    const hub = new EventHub();
    const got: string[] = [];
    const offA = hub.subscribe((e) => got.push(`a:${e.entityId}`), 'a');
    hub.subscribe((e) => got.push(`b:${e.entityId}`), 'b');
    hub.subscribe((e) => got.push(`all:${e.entityId}`));
    expect(hub.size).toBe(3);
    hub.publish(ev('a', 1));
    hub.publish(ev('c', 1));
    expect(got).toEqual(['all:a', 'a:a', 'all:c']);
    offA();
    offA();
    expect(hub.size).toBe(2);
    hub.publish(ev('a', 2));
    expect(got).toEqual(['all:a', 'a:a', 'all:c', 'all:a']);
  });

  it('a stream of one entity receives its events only, and leaves the hub when returned', async () => {
    const hub = new EventHub();
    const stream = eventStream({ hub, filter: () => true, entityId: 'a' });
    hub.publish(ev('b', 1));
    const mine = ev('a', 1);
    hub.publish(mine);
    expect((await stream.next()).value).toEqual(mine);
    await stream.return!();
    expect(hub.size).toBe(0);
  });

  it('replays first, then live events, each exactly once, in order per entity', async () => {
    const hub = new EventHub();
    const missed = [ev('a', 2), ev('a', 3)];
    const live1 = ev('a', 4);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const stream = eventStream({
      hub,
      filter: (e) => e.entityId === 'a',
      replay: async function* () {
        yield missed[0]!;
        // A live event arrives while the replay is still running, and the replay also finds it.
        await gate;
        yield missed[1]!;
        yield live1;
      },
    });
    const first = stream.next();
    hub.publish(live1);
    hub.publish(ev('b', 9)); // filtered out
    release();
    const got = [(await first).value as LiveEvent, ...(await take(stream, 2))];
    expect(got.map((e) => e.version)).toEqual([2, 3, 4]);
    // An older version of the same entity arriving late is dropped; a newer one passes.
    hub.publish(ev('a', 3));
    const next = ev('a', 5);
    hub.publish(next);
    expect((await stream.next()).value).toEqual(next);
    await stream.return!();
    expect(hub.size).toBe(0);
  });

  it('fails a consumer that falls behind its bound, and only that one', async () => {
    const hub = new EventHub();
    const slow = eventStream({ hub, filter: () => true, maxBuffer: 3 });
    const fast = eventStream({ hub, filter: () => true, maxBuffer: 100 });
    const fastGot: LiveEvent[] = [];
    const reading = (async () => {
      for await (const e of fast) {
        fastGot.push(e);
        if (fastGot.length === 5) break;
      }
    })();
    for (let i = 0; i < 5; i++) hub.publish(ev('c', i + 1));
    await reading;
    expect(fastGot).toHaveLength(5);
    await expect(take(slow, 10)).rejects.toBeInstanceOf(SlowConsumerError);
  });
});
