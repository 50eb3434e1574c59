import { Entity, Index, PrimaryKey, Property, type EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '@aleumet/core';

/**
 * Transactional outbox: a state change and the event describing it are written in the same
 * transaction, so no event is lost or invented when a process crashes between the two.
 * Each subgraph that emits events has its own `outbox_event` table in its own schema.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['entityType', 'entityId'] })
export class OutboxEvent {
  /** UUIDv7: ordered by time, also the resume cursor of subscribers. */
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  /** e.g. ORDER_STATUS_CHANGED, MEASURE_STATUS_CHANGED */
  @Property({ type: 'string' }) type!: string;
  @Property({ type: 'string' }) entityType!: string;
  @Property({ type: 'uuid' }) entityId!: string;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'integer' }) version!: number;
  /** Who may see it (authorization of subscribers): personId, supplierId, regionCode, … */
  @Property({ type: 'json' }) payload!: Record<string, unknown>;
  @Property({ type: 'datetime' }) occurredAt: Date = new Date();
  /** Set by the publisher once delivered to the live channel. */
  @Property({ type: 'datetime', nullable: true, index: true }) publishedAt?: Date | null = null;
}

export interface DomainEvent {
  type: string;
  entityType: string;
  entityId: string;
  status: string;
  version: number;
  payload?: Record<string, unknown>;
}

/** Records an event in the caller's unit of work: it is flushed with the state change it describes. */
export function recordEvent(em: EntityManager, event: DomainEvent): OutboxEvent {
  const row = em.create(OutboxEvent, { ...event, payload: event.payload ?? {}, occurredAt: new Date(), publishedAt: null });
  em.persist(row);
  return row;
}
