import WebSocket from 'ws';
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import { bearerExpiresAt } from '@aleumet/core';
import { signedConnectionParams } from '../internal.js';

export interface UpstreamOptions {
  /** Give up reconnecting to a subgraph after this many attempts in a row (backoff up to 2 s). */
  retryAttempts?: number;
}

/** graphql-ws close codes worth another attempt: connection init / ack timeouts, terminated. */
const RETRYABLE = new Set([4408, 4504, 4499]);

/** graphql-ws close code of a refused connection_init (http-kit: bad or expired token; @aleumet/protocol WS_REFUSAL). */
const FORBIDDEN = 4403;

/** dispose() rejects when the client was between reconnect attempts: nothing to do then. */
const dispose = (client: Client) => Promise.resolve(client.dispose()).catch(() => {});

interface Entry {
  client: Client;
  users: number;
  /** Called when the socket closes, before any reconnect re-sends the subscriptions. */
  onClosed: Set<() => void>;
  /** Shared connection: the tokens of its subscriptions (count each); connection_init uses the newest live one. */
  tokens: Map<string, number>;
  /** Shared connection: tokens the subgraph refused in connection_init (4403); never sent again. */
  refused: Set<string>;
}

type Payload = { query: string; operationName?: string; variables: Record<string, unknown> };
type Sink = { next(value: ExecutionResult): void; error(error: unknown): void; complete(): void };

/**
 * graphql-ws clients to the subgraphs. Lazy, reconnecting with backoff; active subscriptions are
 * re-sent after a reconnect (the engine updates their `since` variable, so the subgraph replays
 * what was missed). The subgraph authorizes every event with the caller's own identity:
 *
 * - A subgraph that says so in `connection_ack` (`{ operationAuthorization: true }`, http-kit's
 *   graphql-ws) gets **one connection**, shared by every caller: each subscribe message carries
 *   its caller's token (`extensions.authorization`). Two sockets per subscriber (downstream and
 *   upstream) would run a 10,000-subscriber gateway out of file descriptors (EMFILE).
 * - Any other subgraph gets one connection per caller token (never another caller's identity).
 */
export class UpstreamPool {
  private readonly clients = new Map<string, Entry>();
  /** Per subgraph URL: whether it authorizes per operation (learned from a connection_ack). */
  private readonly capable = new Map<string, Promise<boolean>>();
  private closed = false;
  constructor(private readonly opts: UpstreamOptions = {}) {}

  subscribe(url: string, authorization: string | undefined, payload: Payload, sink: Sink, onClosed?: () => void): () => void {
    let stopped = false;
    let stop: (() => void) | undefined;
    const start = (shared: boolean) => {
      if (stopped || this.closed) return;
      stop = this.open(url, authorization, shared, payload, sink, onClosed);
    };
    // Anonymous callers (--auth none) have no token to send per operation.
    if (authorization === undefined) start(false);
    else {
      const known = this.capable.get(url);
      if (known) void known.then(start);
      else void this.probe(url, authorization).then(start);
    }
    return () => {
      stopped = true;
      stop?.();
    };
  }

  /** One connection with this caller's token: does the subgraph acknowledge per-operation authorization? */
  private probe(url: string, authorization: string): Promise<boolean> {
    const answer = new Promise<boolean | undefined>((resolve) => {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: signedConnectionParams(url, authorization),
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: () => resolve(undefined),
        on: {
          connected: (_socket, ack) => {
            resolve((ack as { operationAuthorization?: unknown } | undefined)?.operationAuthorization === true);
            void dispose(client);
          },
          closed: () => resolve(undefined),
        },
      });
    });
    // Unknown (the subgraph is down or refused this token): this caller gets its own connection, and the next one asks again.
    const capable = answer.then((a) => {
      if (a === undefined) this.capable.delete(url);
      return a === true;
    });
    this.capable.set(url, capable);
    return capable;
  }

  private open(url: string, authorization: string | undefined, shared: boolean, payload: Payload, sink: Sink, onClosed?: () => void): () => void {
    const key = shared ? url : `${url}\n${authorization}`;
    let entry = this.clients.get(key);
    if (!entry) {
      const onClosedSet = new Set<() => void>();
      const tokens = new Map<string, number>();
      const refused = new Set<string>();
      let sent: string | undefined;
      /**
       * The token for connection_init of a shared connection: the newest of an open subscription that has
       * not expired and was not refused (a caller's token only opens the socket; each subscribe message
       * carries its own caller's token). The newest alone could have expired since: the subgraph would
       * refuse the connection, and with it every caller's subscription.
       */
      const initToken = () => {
        const now = Date.now();
        const candidates = [...tokens.keys()].filter((t) => !refused.has(t)).reverse();
        return candidates.find((t) => (bearerExpiresAt(t) ?? Infinity) > now + 1_000) ?? candidates[0];
      };
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        // Evaluated at every (re)connect.
        // Signed as the gateway's (../internal.ts): subgraphs accept no other connection.
        connectionParams: () => signedConnectionParams(url, shared ? (sent = initToken()) : authorization),
        lazy: true,
        lazyCloseTimeout: 1_000,
        retryAttempts: this.opts.retryAttempts ?? 30,
        retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** retries))),
        // Reconnect after the subgraph went away (restart, 1001, 1006, …) or timed out (4408, 4504: busy),
        // never after auth or protocol errors, except: a shared connection whose init token was refused
        // tries again with another open subscription's token while one is left.
        shouldRetry: (e) => {
          const code = (e as { code?: number } | null)?.code;
          if (code === FORBIDDEN && shared) {
            if (sent !== undefined) refused.add(sent);
            sent = undefined;
            return initToken() !== undefined;
          }
          return typeof code !== 'number' || code < 4000 || RETRYABLE.has(code);
        },
        on: { closed: () => onClosedSet.forEach((f) => f()) },
      });
      entry = { client, users: 0, onClosed: onClosedSet, tokens, refused };
      this.clients.set(key, entry);
    }
    const e = entry;
    e.users++;
    if (shared && authorization) {
      // Re-inserted last: the newest token is the one connection_init sends.
      const n = e.tokens.get(authorization) ?? 0;
      e.tokens.delete(authorization);
      e.tokens.set(authorization, n + 1);
    }
    if (onClosed) e.onClosed.add(onClosed);
    const stop = e.client.subscribe(shared ? { ...payload, extensions: { authorization } } : payload, sink);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (onClosed) e.onClosed.delete(onClosed);
      if (shared && authorization) {
        const n = (e.tokens.get(authorization) ?? 1) - 1;
        if (n > 0) e.tokens.set(authorization, n);
        else {
          e.tokens.delete(authorization);
          e.refused.delete(authorization);
        }
      }
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
    this.closed = true;
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map((e) => dispose(e.client)));
  }
}
