import pg from 'pg';
import type { EventSubscriber, MikroORM } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox.js';
import { EventHub, type LiveEvent } from './hub.js';
import { cursorPosition } from './cursor.js';
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
   * Runs inside the claiming transaction with the events being published, in position order: work that must
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
  /** bigint: pg returns it as a string. */
  position: string | number;
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
  return {
    id: r.id,
    position: Number(r.position),
    type: r.type,
    entityType: r.entity_type,
    entityId: r.entity_id,
    status: r.status,
    version: Number(r.version),
    payload,
    occurredAt: new Date(r.occurred_at).toISOString(),
  };
}

const COLUMN_NAMES = ['id', 'position', 'type', 'entity_type', 'entity_id', 'status', 'version', 'payload', 'occurred_at'];
const COLUMNS = COLUMN_NAMES.map((c) => `"${c}"`).join(', ');
/** Marks the relay's background statements (SqlCounter leaves them out of per-request counts). */
export const RELAY_SQL_MARK = '/* outbox-relay */';

/** 32-bit key for the advisory lock that makes one publisher at a time per schema. */
function lockKey(schema: string): number {
  let h = 0x2f3a;
  for (const c of `outbox:${schema}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

export interface ReplayFilter {
  /**
   * Only events after this cursor (exclusive): a cursor handed out (cursor.ts), or one of what earlier
   * releases handed out (an event id) or the gateway makes (a time, `cursorAt`).
   */
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
 * - The **publisher** claims unpublished rows (one publisher per schema at a time, advisory lock held
 *   to its commit), gives each its `position`, marks them published and, in the same transaction,
 *   sends each with `pg_notify` — so every process LISTENing receives them right after the commit, in
 *   order. It then hands them to this process's hub. Writers in this process wake it at commit time;
 *   a poll every `pollIntervalMs` catches rows written elsewhere or left by a crash.
 * - The **listener** (real PostgreSQL, and the embedded one's fan-out) LISTENs on the schema's channel;
 *   it checks at start that a NOTIFY from another connection arrives, and otherwise tries again with
 *   backoff (the poll meanwhile also reads what other processes published). After a lost connection it
 *   reconnects and reads what it missed from the outbox.
 *
 * Order. An event's id is taken when it is created, so ids do not follow commits: a transaction may commit
 * an event whose id is below one already handed on, and a subscriber resuming after an id would pass over
 * it. So the publisher places each event when it claims it: a position from a sequence, taken in the
 * claiming transaction while the lock makes publishers take turns up to their commit. A reader thus sees
 * every position up to some point and never a smaller one appearing later (numbers of a rolled-back claim
 * are never seen); an event committed later is placed later. Cursors name positions (cursor.ts), and each
 * process hands events to its hub in position order, whichever way they arrive (`handOn`).
 * Not a visibility horizon (`pg_snapshot_xmin`: relay only rows of transactions older than the oldest
 * running one): the subgraphs share one server, so any transaction left open anywhere would hold back
 * every live event. Not a sequence taken at commit (deferred trigger): it would have to serialize the
 * commits of every writing transaction; this serializes only the publisher. The embedded database runs
 * the same code (one transaction at a time: the claim waits for the writer's commit).
 */
export class OutboxRelay {
  readonly hub = new EventHub();
  readonly channel: string;
  private readonly table: string;
  private readonly sequence: string;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly log: (line: string) => void;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private closed = false;
  private listener?: pg.Client;
  private listening = false;
  private unregister?: () => void;
  private starting?: Promise<void>;
  private cancelProbe?: () => void;
  /** The highest position handed to this process's hub. */
  private delivered = 0;
  /** Hand-ons, one after another (see `handOn`); never rejects. */
  private handing: Promise<void> = Promise.resolve();
  private retryRead?: NodeJS.Timeout;

  constructor(private readonly opts: RelayOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`Bad schema name ${opts.schema}`);
    this.table = `"${opts.schema}"."outbox"`;
    this.sequence = `"${opts.schema}"."outbox_position_seq"`;
    this.channel = `aleumet_outbox_${opts.schema}`;
    this.pollIntervalMs = opts.pollIntervalMs ?? 1_000;
    this.batchSize = opts.batchSize ?? 500;
    this.log = opts.log ?? (() => {});
  }

  /** Hands an event to this process's subscribers (the hub drops copies it has seen). */
  private deliver(event: LiveEvent): void {
    this.delivered = event.position!;
    if (this.hub.publish(event)) this.opts.metrics?.eventDeliveryLag.observe({ stage: 'relay' }, Math.max(0, Date.now() - Date.parse(event.occurredAt)) / 1000);
  }

  get listens(): boolean {
    return this.listening;
  }

  async start(): Promise<void> {
    // What was handed on before now is no one's live event here (subscribers resume with `since`).
    const last = await this.knex().raw(`${RELAY_SQL_MARK} select coalesce(max("position"), 0) as p from ${this.table} where kind = 'event'`);
    this.delivered = Number(last.rows[0]?.p ?? 0);
    this.unregister = this.watchWrites();
    this.timer = setInterval(() => {
      this.poke();
      // Without LISTEN, what other processes published is read here.
      if (!this.listening) void this.handOn('outbox');
    }, this.pollIntervalMs);
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

  /** Runs the publisher until nothing is pending, and waits for what it published to reach the hub (tests and shutdown). */
  async flush(): Promise<void> {
    this.poke();
    while (this.running) await this.running;
    await this.handing;
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
        // Committed rows only (this statement's snapshot is taken after the lock: it sees the previous
        // publisher's commit). Among them, positions follow the ids, except that one entity's events take
        // their places in version order: ids taken within one millisecond are in no particular order.
        const res = await trx.raw(
          `${RELAY_SQL_MARK} with claimed as (
             select id, entity_type, entity_id, version from ${this.table} where kind = 'event' and published_at is null order by id limit ? for update
           ), ranked as (
             select id, entity_type, entity_id,
                    row_number() over (order by id) as slot,
                    row_number() over (partition by entity_type, entity_id order by id) as by_id,
                    row_number() over (partition by entity_type, entity_id order by version, id) as by_version
               from claimed
           ), numbered as (
             select e.id, s.slot as n from ranked e
               join ranked s on s.entity_type = e.entity_type and s.entity_id = e.entity_id and s.by_id = e.by_version
           ), placed as (
             select p, row_number() over (order by p) as n from (select nextval('${this.sequence}') as p from claimed) taken
           )
           update ${this.table} o set published_at = now(), "position" = placed.p
             from numbered join placed using (n)
            where o.id = numbered.id
           returning ${COLUMN_NAMES.map((c) => `o."${c}"`).join(', ')}`,
          [this.batchSize],
        );
        const events = (res.rows as OutboxRow[]).map(toLive).sort((a, b) => a.position! - b.position!);
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
      await this.handOn(claimed);
      if (claimed.length) this.opts.afterPublish?.(claimed);
      if (claimed.length < this.batchSize) return;
    }
  }

  /**
   * Hands events to this process's hub in position order, each once, whichever way they came (this
   * process's publisher, NOTIFY from another process). One hand-on at a time. An event beyond the next
   * position means others were published meanwhile and have not arrived here (yet): they are read from
   * the outbox first — committed, since a later publisher's commit follows theirs. `'outbox'`: read
   * whatever follows the last event handed on.
   */
  private handOn(events: readonly LiveEvent[] | 'outbox'): Promise<void> {
    this.handing = this.handing
      .then(async () => {
        if (this.closed) return;
        if (events === 'outbox') return this.readOn();
        for (const e of events) {
          if (e.position === undefined || e.position <= this.delivered) continue;
          if (e.position > this.delivered + 1) await this.readOn();
          // Not found there: numbers a rolled-back claim took.
          if (e.position > this.delivered) this.deliver(e);
        }
      })
      .catch((e) => {
        if (this.closed) return;
        logger.warn({ schema: this.opts.schema, err: e }, 'reading published events failed (read again shortly)');
        this.retryRead ??= setTimeout(() => {
          this.retryRead = undefined;
          void this.handOn('outbox');
        }, 1_000).unref();
      });
    return this.handing;
  }

  /** Hands on every published event after the last one handed on, in position order. */
  private async readOn(): Promise<void> {
    for (;;) {
      const res = await this.knex().raw(
        `${RELAY_SQL_MARK} select ${COLUMNS} from ${this.table} where kind = 'event' and "position" > ? order by "position" limit ?`,
        [this.delivered, this.batchSize],
      );
      const rows = res.rows as OutboxRow[];
      for (const row of rows) this.deliver(toLive(row));
      if (rows.length < this.batchSize) return;
    }
  }

  /**
   * Wakes the publisher when a transaction that wrote outbox events in this process commits, not at the
   * next poll. Its events reach this process's subscribers through the publisher, placed like everyone
   * else's (handed on at the commit itself, they would have no position yet and could pass events other
   * transactions committed before). Tied to the transaction's EntityManager: a flush inside the
   * transaction, or another request's commit, must not use up the wake-up early.
   */
  private watchWrites(): () => void {
    let active = true;
    /** EntityManagers (transaction forks) that created outbox events not yet committed. */
    const written = new WeakSet<object>();
    /** Rows created through an EntityManager the commit event may not name: the next commit wakes too. */
    let unattributed = false;
    const committed = (em: object) => {
      written.delete(em);
      unattributed = false;
      if (active) this.poke();
    };
    const subscriber: EventSubscriber<OutboxEvent> = {
      getSubscribedEntities: () => [OutboxEvent],
      afterCreate: ({ em }) => {
        if (em) written.add(em);
        else unattributed = true;
      },
      afterTransactionCommit: ({ em }) => {
        if (written.has(em) || unattributed) committed(em);
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
      if (msg.payload === probe) return probed();
      // Another replica's probe on the same channel.
      if (msg.payload.startsWith('probe-')) return;
      this.onNotification(msg.payload);
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
    // What other processes published before LISTEN took effect (at start, or while the connection was lost).
    void this.handOn('outbox');
    client.once('end', () => {
      this.listening = false;
      if (this.listener === client) this.listener = undefined;
      if (!this.closed) void this.relisten();
    });
  }

  private async relisten(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * 2 ** attempt)).unref());
      if (this.closed) return;
      try {
        await this.startListener();
        if (this.listening) return;
      } catch (e) {
        logger.warn({ schema: this.opts.schema, attempt, err: e }, 'LISTEN reconnect failed');
      }
    }
  }

  private onNotification(text: string): void {
    let parsed: LiveEvent | { ref: string };
    try {
      parsed = JSON.parse(text) as LiveEvent | { ref: string };
    } catch (e) {
      logger.warn({ schema: this.opts.schema, err: e }, 'bad notification');
      return;
    }
    // Too large for a notification: read from the outbox with whatever precedes it.
    void this.handOn('ref' in parsed ? 'outbox' : [parsed]);
  }

  /**
   * Events handed on after `since`, in position order, one page at a time. Committed events not claimed
   * yet are not among them: they reach a subscriber live once claimed (it listens before it replays).
   */
  async *replay(filter: ReplayFilter, pageSize = 500): AsyncGenerator<LiveEvent> {
    let after = await this.positionOf(filter.since);
    for (;;) {
      const where = ["kind = 'event'", '"position" > ?'];
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
      const res = await this.knex().raw(`${RELAY_SQL_MARK} select ${COLUMNS} from ${this.table} where ${where.join(' and ')} order by "position" limit ?`, params);
      const rows = res.rows as OutboxRow[];
      for (const row of rows) yield toLive(row);
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.position);
    }
  }

  /**
   * The position a `since` stands for: a cursor names it. An event id (what earlier releases handed out)
   * stands for that event's position: positions were first given in id order, so it still means what it
   * meant. Anything else — the gateway's time cursor, the id of an event removed since — stands for the
   * place before the first event created after it: everything after it comes, perhaps with some events
   * seen already (dropped by id downstream), never fewer.
   */
  private async positionOf(since: string): Promise<number> {
    const position = cursorPosition(since);
    if (position !== undefined) return position;
    const res = await this.knex().raw(
      `${RELAY_SQL_MARK} select coalesce(
         (select "position" from ${this.table} where id = ? and kind = 'event'),
         (select min("position") - 1 from ${this.table} where kind = 'event' and id > ?),
         (select max("position") from ${this.table} where kind = 'event'),
         0) as p`,
      [since, since],
    );
    return Number(res.rows[0]?.p ?? 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unregister?.();
    if (this.timer) clearInterval(this.timer);
    if (this.retryRead) clearTimeout(this.retryRead);
    while (this.running) await this.running.catch(() => {});
    this.cancelProbe?.();
    await this.handing;
    await this.starting;
    const l = this.listener;
    this.listener = undefined;
    this.listening = false;
    await l?.end().catch(() => {});
  }
}
