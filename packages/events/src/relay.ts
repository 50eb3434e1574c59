import pg from 'pg';
import type { EventSubscriber, MikroORM } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox.js';
import { EventHub, type LiveEvent } from './hub.js';
import { createLogger, type ServiceMetrics } from '@aleumet/observability';

const logger = createLogger('events');

export interface RelayOptions {
  orm: MikroORM;
  /** PostgreSQL schema holding this subgraph's `outbox` table (the subgraph name). */
  schema: string;
  /** Where to LISTEN (a dedicated connection). Without it: in-process delivery and polling only. */
  databaseUrl?: string;
  /** Fallback poll of unpublished events, in ms (writers in this process wake the publisher at once). */
  pollIntervalMs?: number;
  batchSize?: number;
  log?: (line: string) => void;
  /**
   * Runs inside the claiming transaction with the events being published, in id order: work that must
   * happen once per event and never be lost (e.g. queueing webhook deliveries). If it throws, nothing is
   * published and the batch is claimed again later, so it must be idempotent.
   */
  onPublish?: (trx: RelayTransaction, events: readonly LiveEvent[]) => Promise<void>;
  /** Called after that transaction committed (what `onPublish` wrote is visible now). */
  afterPublish?: (events: readonly LiveEvent[]) => void;
  /** The subgraph's metrics: delivery lag of each event handed to this process's subscribers. */
  metrics?: ServiceMetrics;
}

/** What `onPublish` may do with the claiming transaction. */
export interface RelayTransaction {
  raw(sql: string, bindings?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

interface OutboxRow {
  id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  status: string;
  version: number;
  payload: Record<string, unknown> | string;
  occurred_at: Date | string;
}

const NOTIFY_LIMIT = 7_000;

function toLive(r: OutboxRow): LiveEvent {
  const payload = typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload;
  return liveOf({ id: r.id, type: r.type, entityType: r.entity_type, entityId: r.entity_id, status: r.status, version: r.version, payload, occurredAt: new Date(r.occurred_at) });
}

function liveOf(row: Pick<OutboxEvent, 'id' | 'type' | 'entityType' | 'entityId' | 'status' | 'version' | 'payload' | 'occurredAt'>): LiveEvent {
  return {
    id: row.id,
    type: row.type,
    entityType: row.entityType,
    entityId: row.entityId,
    status: row.status,
    version: Number(row.version),
    payload: row.payload,
    occurredAt: row.occurredAt.toISOString(),
  };
}

const COLUMNS = 'id, type, entity_type, entity_id, status, version, payload, occurred_at';
/** Marks the relay's background statements (SqlCounter leaves them out of per-request counts). */
export const RELAY_SQL_MARK = '/* outbox-relay */';

/** 32-bit key for the advisory lock that makes one publisher at a time per schema. */
function lockKey(schema: string): number {
  let h = 0x2f3a;
  for (const c of `outbox:${schema}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

export interface ReplayFilter {
  /** Only events after this cursor (exclusive). */
  since: string;
  types?: string[];
  entityId?: string;
}

/** How long the listener waits for its own probe NOTIFY (the embedded database fans NOTIFY out to its connections too). */
const PROBE_WAIT_MS = 10_000;

/**
 * Moves committed outbox events to live subscribers (the `event` rows of the outbox; its `command` rows
 * are delivered by commands.ts).
 *
 * - The **publisher** claims unpublished rows in id order (one publisher per schema at a time,
 *   advisory lock), marks them published and, in the same transaction, sends each with
 *   `pg_notify` — so every process LISTENing receives them right after the commit, in order.
 *   It then hands them to this process's hub directly (the in-process path: embedded PostgreSQL
 *   does not carry NOTIFY across connections). Writers in this process wake it at commit time;
 *   a poll every `pollIntervalMs` catches rows written elsewhere or left by a crash.
 * - The **listener** (real PostgreSQL) LISTENs on the schema's channel; it checks at start that
 *   a NOTIFY from another connection arrives, and otherwise tries again with backoff (polling meanwhile). After a lost connection
 *   it reconnects and catches up from the outbox.
 * - The hub drops duplicates by event id; ordering per entity follows the id order of commits.
 */
export class OutboxRelay {
  readonly hub = new EventHub();
  readonly channel: string;
  private readonly table: string;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly log: (line: string) => void;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private closed = false;
  private listener?: pg.Client;
  private listening = false;
  private lastHeard = 0;
  private unregister?: () => void;
  private starting?: Promise<void>;
  private cancelProbe?: () => void;

  constructor(private readonly opts: RelayOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`Bad schema name ${opts.schema}`);
    this.table = `"${opts.schema}"."outbox"`;
    this.channel = `aleumet_outbox_${opts.schema}`;
    this.pollIntervalMs = opts.pollIntervalMs ?? 1_000;
    this.batchSize = opts.batchSize ?? 500;
    this.log = opts.log ?? (() => {});
  }

  /** Hands an event to this process's subscribers (the hub drops copies it has seen). */
  private deliver(event: LiveEvent): void {
    if (this.hub.publish(event)) this.opts.metrics?.eventDeliveryLag.observe({ stage: 'relay' }, Math.max(0, Date.now() - Date.parse(event.occurredAt)) / 1000);
  }

  get listens(): boolean {
    return this.listening;
  }

  async start(): Promise<void> {
    this.unregister = this.watchWrites();
    this.timer = setInterval(() => this.poke(), this.pollIntervalMs);
    this.timer.unref();
    // In the background: the probe may take a while on a busy server, and in-process delivery and polling work meanwhile.
    if (this.opts.databaseUrl) {
      this.starting = this.startListener().catch((e) => {
        logger.warn({ schema: this.opts.schema, err: e }, 'LISTEN unavailable: outbox polling until it is');
        if (!this.closed) void this.relisten();
      });
    }
    this.poke();
  }

  /** Publishes pending events as soon as possible (calls coalesce). */
  poke(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.publishPending()
      .catch((e) => {
        if (!this.closed) logger.warn({ schema: this.opts.schema, err: e }, 'publish failed (retried by the next poll)');
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Runs the publisher until nothing is pending (tests and shutdown). */
  async flush(): Promise<void> {
    this.poke();
    while (this.running) await this.running;
  }

  private knex() {
    return this.opts.orm.em.getConnection().getKnex();
  }

  private async publishPending(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const claimed = await this.knex().transaction(async (trx) => {
        const lock = await trx.raw(RELAY_SQL_MARK + ' select pg_try_advisory_xact_lock(?) as ok', [lockKey(this.opts.schema)]);
        if (!lock.rows[0]?.ok) return null;
        const res = await trx.raw(
          `${RELAY_SQL_MARK} update ${this.table} set published_at = now() where id in (
             select id from ${this.table} where kind = 'event' and published_at is null order by id limit ? for update
           ) returning ${COLUMNS}`,
          [this.batchSize],
        );
        const events = (res.rows as OutboxRow[]).map(toLive).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        if (events.length && this.opts.onPublish) await this.opts.onPublish(trx as unknown as RelayTransaction, events);
        for (const e of events) {
          const text = JSON.stringify(e);
          await trx.raw(RELAY_SQL_MARK + ' select pg_notify(?, ?)', [this.channel, text.length <= NOTIFY_LIMIT ? text : JSON.stringify({ ref: e.id })]);
        }
        return events;
      });
      if (claimed === null) {
        // Another process publishes right now; look again shortly for rows it did not take.
        setTimeout(() => this.poke(), 50).unref();
        return;
      }
      for (const e of claimed) this.deliver(e);
      if (claimed.length) this.opts.afterPublish?.(claimed);
      if (claimed.length < this.batchSize) return;
    }
  }

  /**
   * At the commit of a transaction that wrote outbox rows in this process: hands the rows to this
   * process's hub at once (live subscribers here need not wait for the publisher's own transaction;
   * the hub drops the copy the publisher sends later) and wakes the publisher, which marks them
   * published and NOTIFYs other processes. Tied to the transaction's EntityManager: a flush inside
   * the transaction, or another request's commit, must neither publish nor use up the wake-up early.
   */
  private watchWrites(): () => void {
    let active = true;
    /** Outbox rows per EntityManager (transaction fork), created and not yet committed. */
    const written = new WeakMap<object, OutboxEvent[]>();
    /** Rows created through an EntityManager the commit event may not name: the next commit wakes too. */
    let unattributed = false;
    const committed = (em: object) => {
      const rows = written.get(em);
      written.delete(em);
      if (!active) return;
      for (const row of rows ?? []) this.deliver(liveOf(row));
      this.poke();
    };
    const subscriber: EventSubscriber<OutboxEvent> = {
      getSubscribedEntities: () => [OutboxEvent],
      afterCreate: ({ em, entity }) => {
        if (!em) {
          unattributed = true;
          return;
        }
        const rows = written.get(em) ?? [];
        rows.push(entity);
        written.set(em, rows);
      },
      afterTransactionCommit: ({ em }) => {
        if (written.has(em) || unattributed) {
          unattributed = false;
          committed(em);
        }
      },
      afterTransactionRollback: ({ em }) => {
        written.delete(em);
      },
      // A flush outside an explicit transaction commits on its own.
      afterFlush: ({ em }) => {
        if (written.has(em) && !em.isInTransaction()) committed(em);
      },
    };
    this.opts.orm.em.getEventManager().registerSubscriber(subscriber);
    return () => {
      active = false;
    };
  }

  private async startListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.databaseUrl });
    client.on('error', () => {});
    await client.connect();
    const probe = `probe-${Math.random().toString(36).slice(2)}`;
    let probed: () => void = () => {};
    const heard = new Promise<boolean>((resolve) => {
      probed = () => resolve(true);
      this.cancelProbe = () => resolve(false);
      setTimeout(() => resolve(false), PROBE_WAIT_MS).unref();
    });
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || !msg.payload) return;
      this.lastHeard = Date.now();
      if (msg.payload === probe) return probed();
      // Another replica's probe on the same channel.
      if (msg.payload.startsWith('probe-')) return;
      void this.onNotification(msg.payload);
    });
    await client.query(`listen "${this.channel}"`);
    await this.knex().raw(RELAY_SQL_MARK + ' select pg_notify(?, ?)', [this.channel, probe]);
    if (!(await heard) || this.closed) {
      await client.end().catch(() => {});
      if (this.closed) return;
      // Not heard in time (a server too busy to answer): polling and in-process delivery carry on, and
      // LISTEN is tried again with backoff rather than given up.
      throw new Error(`NOTIFY probe not heard within ${PROBE_WAIT_MS} ms`);
    }
    this.listener = client;
    this.listening = true;
    this.log(`[events] listening on ${this.channel}`);
    client.once('end', () => {
      this.listening = false;
      if (this.listener === client) this.listener = undefined;
      if (!this.closed) void this.relisten();
    });
  }

  private async relisten(): Promise<void> {
    const lostAt = this.lastHeard || Date.now();
    for (let attempt = 0; !this.closed; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * 2 ** attempt)).unref());
      if (this.closed) return;
      try {
        await this.startListener();
        if (this.listening) {
          await this.catchUp(new Date(lostAt - 5_000));
          return;
        }
      } catch (e) {
        logger.warn({ schema: this.opts.schema, attempt, err: e }, 'LISTEN reconnect failed');
      }
    }
  }

  private async onNotification(text: string): Promise<void> {
    try {
      const parsed = JSON.parse(text) as LiveEvent | { ref: string };
      if ('ref' in parsed) {
        const res = await this.knex().raw(`${RELAY_SQL_MARK} select ${COLUMNS} from ${this.table} where id = ? and kind = 'event'`, [parsed.ref]);
        for (const row of res.rows as OutboxRow[]) this.deliver(toLive(row));
      } else {
        this.deliver(parsed);
      }
    } catch (e) {
      logger.warn({ schema: this.opts.schema, err: e }, 'bad notification');
    }
  }

  /** Re-delivers events published since `from` (the hub drops those already seen). */
  private async catchUp(from: Date): Promise<void> {
    const res = await this.knex().raw(`${RELAY_SQL_MARK} select ${COLUMNS} from ${this.table} where kind = 'event' and published_at >= ? order by id`, [from]);
    for (const row of res.rows as OutboxRow[]) this.deliver(toLive(row));
  }

  /** Committed events after `since`, in id order, one page at a time (published or not yet). */
  async *replay(filter: ReplayFilter, pageSize = 500): AsyncGenerator<LiveEvent> {
    let after = filter.since;
    for (;;) {
      const where = ["kind = 'event'", 'id > ?'];
      const params: (string | number)[] = [after];
      if (filter.types?.length) {
        where.push(`type in (${filter.types.map(() => '?').join(', ')})`);
        params.push(...filter.types);
      }
      if (filter.entityId) {
        where.push('entity_id = ?');
        params.push(filter.entityId);
      }
      params.push(pageSize);
      const res = await this.knex().raw(`${RELAY_SQL_MARK} select ${COLUMNS} from ${this.table} where ${where.join(' and ')} order by id limit ?`, params);
      const rows = res.rows as OutboxRow[];
      for (const row of rows) yield toLive(row);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unregister?.();
    if (this.timer) clearInterval(this.timer);
    while (this.running) await this.running.catch(() => {});
    this.cancelProbe?.();
    await this.starting;
    const l = this.listener;
    this.listener = undefined;
    this.listening = false;
    await l?.end().catch(() => {});
  }
}
