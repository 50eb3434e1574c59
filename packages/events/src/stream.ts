import { RecentIds, type EventHub, type LiveEvent } from './hub.js';

export class SlowConsumerError extends Error {
  constructor(readonly limit: number) {
    super(`Slow consumer: more than ${limit} events waiting to be delivered`);
  }
}

export interface StreamOptions {
  hub: EventHub;
  /** Which events this subscriber receives (authorization included). */
  filter: (event: LiveEvent) => boolean;
  /** Missed events to deliver first (resume), in the relay's order. */
  replay?: () => AsyncIterable<LiveEvent>;
  /** Live events buffered for this subscriber before it fails as a slow consumer. */
  maxBuffer?: number;
  /** Only this entity's events can pass `filter`: the hub then offers this subscriber no others. */
  entityId?: string;
}

/**
 * One subscriber's event stream: replayed events first, then live ones, each exactly once
 * (dropped by id when seen twice) and never older than the last delivered version of the same
 * entity. Live events arriving during the replay wait in the bounded buffer.
 */
export function eventStream({ hub, filter, replay, maxBuffer = 10_000, entityId }: StreamOptions): AsyncIterableIterator<LiveEvent> {
  const queue: LiveEvent[] = [];
  const seen = new RecentIds(50_000);
  const versions = new Map<string, number>();
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let done = false;
  let replaying = Boolean(replay);

  const unsubscribe = hub.subscribe((event) => {
    if (done || !filter(event)) return;
    if (queue.length >= maxBuffer) {
      failure = new SlowConsumerError(maxBuffer);
      unsubscribe();
    } else {
      queue.push(event);
    }
    wake?.();
  }, entityId);

  const fresh = (e: LiveEvent): boolean => {
    if (!seen.add(e.id)) return false;
    const key = `${e.entityType}:${e.entityId}:${e.type}`;
    const last = versions.get(key);
    if (last !== undefined && e.version < last) return false;
    versions.set(key, e.version);
    return true;
  };

  const replayIterator = replay?.()[Symbol.asyncIterator]();

  const finish = () => {
    done = true;
    unsubscribe();
    wake?.();
  };

  const iterator: AsyncIterableIterator<LiveEvent> = {
    async next(): Promise<IteratorResult<LiveEvent>> {
      for (;;) {
        if (done) return { done: true, value: undefined };
        if (replaying && replayIterator) {
          const r = await replayIterator.next();
          if (!r.done) {
            if (filter(r.value) && fresh(r.value)) return { done: false, value: r.value };
            continue;
          }
          replaying = false;
        }
        if (failure) {
          finish();
          throw failure;
        }
        const e = queue.shift();
        if (e) {
          if (fresh(e)) return { done: false, value: e };
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
    async return(): Promise<IteratorResult<LiveEvent>> {
      finish();
      await replayIterator?.return?.();
      return { done: true, value: undefined };
    },
    async throw(err?: unknown): Promise<IteratorResult<LiveEvent>> {
      finish();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
