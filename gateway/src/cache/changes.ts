import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CHANGES_CHANNEL, type ChangeNotification } from '@aleumet/protocol';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('gateway');

/** One committed change of a subgraph table, as its statement-level trigger reports it (change-feed changes.ts; format in @aleumet/protocol cache.ts). */
export type TableChange = ChangeNotification;

export function parseChange(payload: string | undefined): TableChange | null {
  if (!payload || payload[0] !== '{') return null;
  try {
    const c = JSON.parse(payload) as { t?: unknown; k?: unknown; all?: unknown };
    if (typeof c.t !== 'string') return null;
    if (c.all === true) return { t: c.t, all: true };
    if (Array.isArray(c.k) && c.k.every((k) => typeof k === 'string')) return { t: c.t, k: c.k };
    return null;
  } catch {
    return null;
  }
}

export interface ChangeFeedHandlers {
  change(c: TableChange): void;
  /** The feed (re)connected or was lost: whatever was cached may have missed changes. */
  reset(): void;
  /** Other sessions' notifications never reach us (embedded PGlite); default: log that the entity cache is off. */
  unsupported?(): void;
}

/**
 * LISTENs for table changes on the platform database and answers "has every change committed before
 * now reached us?" (`sync`) with a fence: an empty statement on the listening connection itself. A
 * committing session signals every listener of its database before its client sees the commit, and a
 * backend sends the notifications it was signalled for before the ReadyForQuery that ends its next
 * statement (PostgreSQL's postgres.c, "they'll be seen by the client before ReadyForQuery is"; the
 * embedded database copies them to listeners as they are committed). So once the fence's answer is
 * in, every change committed before it was sent has been handled. Unlike a NOTIFY of our own that must
 * come back, it writes nothing to the notification queue and wakes no other listener of the database.
 * Concurrent requests share fences: at most one in flight and one queued behind it.
 */
export class ChangeFeed {
  connected = false;
  /** False once a probe showed that other sessions' notifications never reach us (embedded PGlite). */
  supported = true;
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly me = randomUUID();
  private fenceNo = 0;
  private readonly fences = new Map<string, (ok: boolean) => void>();
  private inFlight: Promise<boolean> | undefined;
  private queued: Promise<boolean> | undefined;
  fencesSent = 0;
  /** The first connection attempt (see `start`). */
  started: Promise<void> | undefined;

  constructor(private readonly databaseUrl: string, private readonly on: ChangeFeedHandlers, private readonly fenceTimeoutMs = 2_000) {}

  /**
   * Connects in the background; until connected, `sync` answers false (callers bypass the cache). The
   * promise (never rejected) settles after the first attempt: connected, found unsupported, or failed.
   */
  start(): Promise<void> {
    return (this.started ??= this.connect());
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'aleumet-gateway-cache' });
    client.on('notification', (m) => this.handle(m.payload));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.closed) return void client.end().catch(() => {});
    this.client = client;
    let reaches = false;
    try {
      // A loaded machine can miss one probe's 1.5 s: only three misses in a row mean "never reaches us".
      for (let attempt = 0; attempt < 3 && !reaches && !this.closed; attempt++) reaches = await this.probe();
    } catch {
      this.lost(client);
      return;
    }
    if (!reaches && this.closed) return;
    if (!reaches) {
      // PGlite (the embedded default) runs one session for every connection and hands a notification
      // to the connection that sent it: changes would never reach us, so nothing may be cached.
      this.supported = false;
      this.client = undefined;
      if (this.on.unsupported) this.on.unsupported();
      else logger.warn('change notifications from other sessions do not reach the gateway on this database: entity cache off');
      await client.end().catch(() => {});
      return;
    }
    this.on.reset();
    this.connected = true;
  }

  /** Does a notification sent from another connection reach the listening one? */
  private async probe(timeoutMs = 1_500): Promise<boolean> {
    const id = `probe:${this.me}:${++this.fenceNo}`;
    const heard = this.heard(id, timeoutMs);
    const other = new pg.Client({ connectionString: this.databaseUrl, application_name: 'aleumet-gateway-cache-probe' });
    other.on('error', () => {});
    try {
      await other.connect();
      await other.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, `fence:${id}`]);
    } catch (e) {
      this.fences.get(id)?.(false);
      throw e;
    } finally {
      await other.end().catch(() => {});
    }
    return heard;
  }

  private lost(client: pg.Client): void {
    if (this.client === client) {
      this.client = undefined;
      this.connected = false;
      this.on.reset();
      for (const settle of this.fences.values()) settle(false);
    }
    client.end().catch(() => {});
    if (!this.closed && this.supported && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = undefined;
        void this.connect();
      }, 1_000);
      this.retry.unref();
    }
  }

  private handle(payload: string | undefined): void {
    if (payload?.startsWith('fence:')) return this.fences.get(payload.slice(6))?.(true);
    const change = parseChange(payload);
    if (change) this.on.change(change);
  }

  /** Resolves true when the fence or probe `<id>` is answered, false after `timeoutMs` or when the feed is lost. */
  private heard(id: string, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => settle(false), timeoutMs);
      const settle = (ok: boolean) => {
        clearTimeout(timer);
        this.fences.delete(id);
        resolve(ok);
      };
      this.fences.set(id, settle);
    });
  }

  /** True once every change committed before this call has been handled; false when that cannot be known. */
  sync(): Promise<boolean> {
    if (!this.connected) return Promise.resolve(false);
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.fence();
    // The fence in flight may have been sent before our caller's commit: wait for the next one.
    this.queued = this.inFlight.then(() => {
      this.queued = undefined;
      return this.fence();
    });
    return this.queued;
  }

  private fence(): Promise<boolean> {
    const client = this.client;
    if (!client) return Promise.resolve(false);
    const id = `${this.me}:${++this.fenceNo}`;
    const done = this.heard(id, this.fenceTimeoutMs);
    this.fencesSent++;
    // A simple query (one message, no parameters): what the connection received before its answer is handled first.
    client.query('select 1').then(() => this.fences.get(id)?.(true), () => this.fences.get(id)?.(false));
    const flight = done.finally(() => {
      if (this.inFlight === flight) this.inFlight = undefined;
    });
    this.inFlight = flight;
    return flight;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    for (const settle of this.fences.values()) settle(false);
    await client?.end().catch(() => {});
  }
}
