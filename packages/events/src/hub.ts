import { createLogger } from '@aleumet/observability';

/** An outbox event as it travels to subscribers (plain JSON: it also crosses NOTIFY). */
export interface LiveEvent {
  /** The outbox row id (UUIDv7, taken when the event was created): it identifies the event, it does not order it. */
  id: string;
  /**
   * The event's place in the order the relay hands events on (commit order; see relay.ts). Subscribers
   * resume after it (`eventCursor`, cursor.ts). Set on every event the relay hands on.
   */
  position?: number;
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
 * Listeners of one entity (a subscription with an order id) are indexed by that id: with 10,000
 * subscriptions open, an event runs the filters of its own entity's listeners and of the
 * listeners of every entity, not of all 10,000.
 */
const logger = createLogger('events');

export class EventHub {
  private readonly everything = new Set<EventListener>();
  private readonly byEntity = new Map<string, Set<EventListener>>();
  private readonly seen = new RecentIds(20_000);

  publish(event: LiveEvent): boolean {
    if (!this.seen.add(event.id)) return false;
    const own = this.byEntity.get(event.entityId);
    for (const listener of own ? [...this.everything, ...own] : [...this.everything]) {
      try {
        listener(event);
      } catch (e) {
        logger.error({ err: e, type: event.type }, 'event listener failed');
      }
    }
    return true;
  }

  /** `entityId`: the listener wants only that entity's events (it may still filter them further). */
  subscribe(listener: EventListener, entityId?: string): () => void {
    const set = entityId === undefined ? this.everything : this.byEntity.get(entityId) ?? new Set<EventListener>();
    if (entityId !== undefined) this.byEntity.set(entityId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (entityId !== undefined && set.size === 0 && this.byEntity.get(entityId) === set) this.byEntity.delete(entityId);
    };
  }

  get size(): number {
    let n = this.everything.size;
    for (const set of this.byEntity.values()) n += set.size;
    return n;
  }
}
