import { BigIntType, Entity, Index, PrimaryKey, Property, type EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '@aleumet/core';

/**
 * The transactional outbox of a subgraph: one table, `<schema>.outbox`, for everything a change must
 * tell the world about. A state change and its messages are written in the same transaction, so no
 * message is lost or invented when a process crashes between the two. Two kinds of message share it
 * (single-table inheritance on `kind`), each with its own dispatcher over the same rows:
 *   - `event` (OutboxEvent): a domain fact for live subscribers; the relay (relay.ts) publishes it to
 *     this process's hub and, with `pg_notify`, to every other process, inside its claiming transaction;
 *   - `command` (OutgoingCommand): a typed mutation of another subgraph (commands.ts); delivered over
 *     HTTP after commit, outside any transaction, retried until the callee accepts or refuses for good.
 * `publishedAt` is when a message was handed on (an event to the live channel, a command to its callee).
 *
 * Change notifications for caches (change-feed changes.ts) do not go through the outbox: see that file.
 */
@Entity({ tableName: 'outbox', abstract: true, discriminatorColumn: 'kind', discriminatorMap: { event: 'OutboxEvent', command: 'OutgoingCommand' } })
export abstract class OutboxMessage {
  /** UUIDv7, taken when the message is created: commands are delivered in this order; events in `position` order. */
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'datetime' }) occurredAt: Date = new Date();
  /** Set once handed on (events: published to the live channel; commands: accepted by the callee). */
  @Property({ type: 'datetime', nullable: true, index: true }) publishedAt?: Date | null = null;
}

@Entity({ discriminatorValue: 'event' })
@Index({ properties: ['entityType', 'entityId'] })
export class OutboxEvent extends OutboxMessage {
  /** e.g. ORDER_STATUS_CHANGED, MEASURE_STATUS_CHANGED */
  @Property({ type: 'string' }) type!: string;
  @Property({ type: 'string' }) entityType!: string;
  @Property({ type: 'uuid' }) entityId!: string;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'integer' }) version!: number;
  /** Who may see it (authorization of subscribers): personId, supplierId, regionCode, … */
  @Property({ type: 'json' }) payload!: Record<string, unknown>;
  /**
   * Its place in the order the relay hands events on (relay.ts), set when the relay claims it (from the
   * sequence `<schema>.outbox_position_seq`); null until then. Subscribers' cursors name it (cursor.ts).
   */
  @Property({ type: new BigIntType('number'), nullable: true, unique: true }) position?: number | null = null;
}

@Entity({ discriminatorValue: 'command' })
export class OutgoingCommand extends OutboxMessage {
  @Property({ type: 'string', length: 20 }) target!: string;
  /** The callee's mutation (its name in the callee's schema; see commands.generated.ts). */
  @Property({ type: 'string', length: 100 }) command!: string;
  /** GraphQL document of the mutation; it declares `$commandId: ID!`. */
  @Property({ type: 'text' }) operation!: string;
  @Property({ type: 'json' }) variables!: Record<string, unknown>;
  /** Set when the callee refused for good (bad input, invalid transition …): kept for operators, not retried. */
  @Property({ type: 'datetime', nullable: true }) failedAt?: Date | null = null;
  @Property({ type: 'integer' }) attempts: number = 0;
  @Property({ type: 'text', nullable: true }) lastError?: string | null = null;
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

/** The outbox's entities, for a subgraph's entity list (the table, and both kinds of message). */
export const OUTBOX_ENTITIES = [OutboxMessage, OutboxEvent, OutgoingCommand];
