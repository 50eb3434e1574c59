import WebSocket from 'ws';
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';

export interface UpstreamOptions {
  /** Give up reconnecting to a subgraph after this many attempts in a row (backoff up to 2 s). */
  retryAttempts?: number;
}

/** graphql-ws close codes worth another attempt: connection init / ack timeouts, terminated. */
const RETRYABLE = new Set([4408, 4504, 4499]);

/** dispose() rejects when the client was between reconnect attempts: nothing to do then. */
const dispose = (client: Client) => Promise.resolve(client.dispose()).catch(() => {});

interface Entry {
  client: Client;
  users: number;
  /** Called when the socket closes, before any reconnect re-sends the subscriptions. */
  onClosed: Set<() => void>;
}

/**
 * graphql-ws clients to the subgraphs, one per (subgraph, caller token): the subgraph authorizes
 * every event with the caller's own identity. Lazy, shared by all subscriptions of that caller,
 * reconnecting with backoff; active subscriptions are re-sent after a reconnect (the engine
 * updates their `since` variable, so the subgraph replays what was missed).
 */
export class UpstreamPool {
  private readonly clients = new Map<string, Entry>();
  constructor(private readonly opts: UpstreamOptions = {}) {}

  subscribe(
    url: string,
    authorization: string,
    payload: { query: string; operationName?: string; variables: Record<string, unknown> },
    sink: { next(value: ExecutionResult): void; error(error: unknown): void; complete(): void },
    onClosed?: () => void,
  ): () => void {
    const key = `${url}\n${authorization}`;
    let entry = this.clients.get(key);
    if (!entry) {
      const onClosedSet = new Set<() => void>();
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization },
        lazy: true,
        lazyCloseTimeout: 1_000,
        retryAttempts: this.opts.retryAttempts ?? 30,
        retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** retries))),
        // Reconnect after the subgraph went away (restart, 1001, 1006, …) or timed out (4408, 4504: busy),
        // never after auth or protocol errors.
        shouldRetry: (e) => {
          const code = (e as { code?: number } | null)?.code;
          return typeof code !== 'number' || code < 4000 || RETRYABLE.has(code);
        },
        on: { closed: () => onClosedSet.forEach((f) => f()) },
      });
      entry = { client, users: 0, onClosed: onClosedSet };
      this.clients.set(key, entry);
    }
    const e = entry;
    e.users++;
    if (onClosed) e.onClosed.add(onClosed);
    const stop = e.client.subscribe(payload, sink);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (onClosed) e.onClosed.delete(onClosed);
      stop();
      if (--e.users === 0) {
        this.clients.delete(key);
        // Let the Complete message go out before the socket closes.
        setTimeout(() => void dispose(e.client), 50).unref();
      }
    };
  }

  get size(): number {
    return this.clients.size;
  }

  async close(): Promise<void> {
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map((e) => dispose(e.client)));
  }
}
