/** An outbox event as it travels to subscribers (plain JSON: it also crosses NOTIFY). */
export interface LiveEvent {
  /** The outbox row id (UUIDv7): ordered by time, and the resume cursor of subscribers. */
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  status: string;
  version: number;
  payload: Record<string, unknown>;
  /** ISO 8601, UTC. */
  occurredAt: string;
}

/** A bounded set of recently seen ids: `add` is true only the first time (within the window). */
export class RecentIds {
  private readonly set = new Set<string>();
  constructor(private readonly capacity = 10_000) {}
  has(id: string): boolean {
    return this.set.has(id);
  }
  add(id: string): boolean {
    if (this.set.has(id)) return false;
    this.set.add(id);
    if (this.set.size > this.capacity) {
      // Sets iterate in insertion order: drop the oldest.
      const oldest = this.set.values().next().value as string;
      this.set.delete(oldest);
    }
    return true;
  }
}

export type EventListener = (event: LiveEvent) => void;

/**
 * In-process fan-out of live events. Events may arrive twice (from this process's publisher
 * and from NOTIFY, or again after a catch-up): duplicates are dropped by event id.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();
  private readonly seen = new RecentIds(20_000);

  publish(event: LiveEvent): boolean {
    if (!this.seen.add(event.id)) return false;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        console.error('[events] listener failed', e);
      }
    }
    return true;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
