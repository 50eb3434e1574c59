import net from 'node:net';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { NotificationFanOut } from './notifications.js';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Parse, Bind, Describe, Execute, Close: an extended query continues until the client's Sync. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C'].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket 0.2 runs wire messages one at a time across connections. An extended query is several
 * messages; when a large Bind arrived in several TCP chunks, another connection's Parse ran in between and
 * replaced the unnamed statement ("bind message supplies 2 parameters", or another query's rows). Here a
 * connection keeps the backend from its first extended-query message to its Sync, as it already does
 * inside a transaction. A failed message no longer leaves the queue stopped for good.
 */
function keepExtendedQueriesWhole(q: QueryQueue, notifications: NotificationFanOut): void {
  let owner: number | null = null;
  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const at = holder == null ? 0 : this.queue.findIndex((m) => m.handlerId === holder);
        if (at === -1) break; // the holder's next message has not arrived yet; it restarts the queue
        const item = this.queue.splice(at, 1)[0]!;
        notifications.sent(item.handlerId, item.message, item.onData);
        const notices = notifications.reader(item.handlerId);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, { onRawData: (d: Uint8Array) => ((bytes += d.length), item.onData(d), notices(d)) }),
          );
        } catch (e) {
          owner = null;
          item.reject(e);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        owner = EXTENDED.has(item.message[0]!) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    notifications.closed(handlerId);
    // A client that left mid-query must not hold the backend: let the others go on.
    if (owner === handlerId) {
      owner = null;
      void q.processQueue();
    }
  };
}

/**
 * PostgreSQL without installing PostgreSQL: PGlite (WASM) behind its wire-protocol socket
 * server, so MikroORM connects with the ordinary `pg` driver. One backend only: transactions
 * run one at a time across all connections (never hold one open while waiting on another).
 * LISTEN/NOTIFY works across connections (notifications.ts), so the gateway's entity cache and the
 * outbox relays' LISTEN work here as on PostgreSQL.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number; host?: string } = {}): Promise<EmbeddedPostgres> {
  const host = opts.host ?? '127.0.0.1';
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create(opts.dataDir ? { dataDir: opts.dataDir } : {});
  const port = opts.port || (await freePort(host));
  const server = new PGLiteSocketServer({ db, port, host, maxConnections: 64 });
  keepExtendedQueriesWhole((server as unknown as { queryQueue: QueryQueue }).queryQueue, new NotificationFanOut());
  await server.start();
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
