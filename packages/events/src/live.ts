import type { MikroORM } from '@mikro-orm/postgresql';
import { badInput, canAccess, isUuid, requireIdentity, type Identity } from '@aleumet/core';
import type { LiveEvent } from './hub.js';
import { OutboxRelay, type RelayOptions } from './relay.js';
import { createLogger, type ServiceMetrics } from '@aleumet/observability';
import { eventStream } from './stream.js';

/**
 * The live path of a subgraph that records events in its outbox: what `startLive` of its
 * definition starts (publisher, LISTEN/NOTIFY with real PostgreSQL, polling, the in-process hub).
 */
export async function startOutboxRelay({ orm, databaseUrl, schema, onPublish, afterPublish, metrics }: { orm: MikroORM; databaseUrl?: string; schema: string; metrics?: ServiceMetrics } & Pick<RelayOptions, 'onPublish' | 'afterPublish'>): Promise<OutboxRelay> {
  const log = createLogger('events');
  const relay = new OutboxRelay({
    orm,
    schema,
    databaseUrl,
    onPublish,
    afterPublish,
    metrics,
    pollIntervalMs: Number(process.env.OUTBOX_POLL_MS ?? 1_000),
    log: (line) => log.debug({ schema }, line),
  });
  await relay.start();
  return relay;
}

/**
 * One load per event, shared by every subscriber of that event (the entity as it is now).
 * Each load gets a fresh fork in the caller: nothing is shared with requests.
 */
export class PerEventCache<T> {
  private readonly cache = new Map<string, Promise<T>>();
  constructor(private readonly capacity = 2_000) {}

  get(event: LiveEvent, load: () => Promise<T>): Promise<T> {
    let p = this.cache.get(event.id);
    if (!p) {
      p = load();
      this.cache.set(event.id, p);
      if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
      p.catch(() => this.cache.delete(event.id));
    }
    return p;
  }
}

/** A subscription's `since` argument: absent, or a cursor (event id) received earlier. */
export function parseSince(since: string | null | undefined): string | undefined {
  if (since == null || since === '') return undefined;
  if (!isUuid(since)) throw badInput('since must be a cursor received from this subscription', 'since');
  return since;
}

/**
 * Whether a subscriber may see an event: the same rule as reading the record it is about, from
 * the owner fields its payload carries (personId, regionCode, supplierId). No owner: nobody but admin.
 */
export function visibleTo(identity: Identity, e: LiveEvent, scope: string): boolean {
  const p = e.payload;
  if (typeof p.personId !== 'string' || typeof p.regionCode !== 'string') return false;
  return canAccess(identity, { personId: p.personId, regionCode: p.regionCode, supplierId: typeof p.supplierId === 'string' ? p.supplierId : null }, scope);
}

export interface SubscriberStreamOptions {
  relay: OutboxRelay;
  identity: Identity | null;
  /** Read scope of integrators for these events (e.g. orders:read). */
  scope: string;
  types: string[];
  /** Resume cursor: events after it are replayed first. */
  since?: string;
  /** Narrows the replay to one entity. */
  entityId?: string;
  match: (e: LiveEvent) => boolean;
}

/**
 * One subscriber's events: authorized per event with its identity, replayed after `since`
 * first, then live; duplicates dropped by id, per-entity order kept (see `eventStream`).
 */
export function subscriberStream({ relay, identity, scope, types, since, entityId, match }: SubscriberStreamOptions): AsyncIterableIterator<LiveEvent> {
  const who = requireIdentity(identity);
  return eventStream({
    hub: relay.hub,
    filter: (e) => types.includes(e.type) && match(e) && visibleTo(who, e, scope),
    entityId,
    replay: since ? () => relay.replay({ since, types, entityId }) : undefined,
  });
}
