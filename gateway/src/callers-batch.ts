import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { CALLERS_HEADER } from '@aleumet/protocol';
import { REQUEST_ID_HEADER } from '@aleumet/core';
import { wrapSendRequest } from './apollo-internals.js';

/** What `sendRequest` of a data source gets and gives (private in @apollo/gateway's typings). */
interface SubgraphRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  http?: { headers: { get(name: string): string | null; entries?(): IterableIterator<[string, string]> } & Iterable<[string, string]> };
}
type SubgraphResponse = { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> };
type Send = (request: SubgraphRequest, context: { event?: string }) => Promise<SubgraphResponse>;

interface Pending {
  callers: Caller[];
  /** Where and how the batch goes (the data source that made its first fetch). */
  ds: RemoteGraphQLDataSource<any>;
  url: string;
  headers: [string, string][];
  send: Send;
  /** Set while the batch waits for the window (cleared when it goes early). */
  timer: ReturnType<typeof setTimeout> | undefined;
  sent: boolean;
}

interface Caller {
  authorization: string;
  requestId: string | null;
  resolve: (r: SubgraphResponse) => void;
  reject: (e: unknown) => void;
  request: SubgraphRequest;
  context: { event?: string };
}

export interface CallersBatchOptions {
  /**
   * How long the first fetch of a batch waits for others (ms): for an event's fetches always; for others only
   * while a fetch of its document to its subgraph is on its way (so more are likely to come). Otherwise, and
   * with 0, it waits until the event loop has handled what is ready now (`setImmediate`): fetches started
   * together still go together, and without concurrent callers nothing waits for a timer.
   */
  windowMs?: number;
  /** Only fetches made for one subscription event (`context.event`), batched per event; default false: every query fetch. */
  eventsOnly?: boolean;
  /** Told of each batch sent, with its number of callers. */
  onBatch?: (callers: number) => void;
}

/** Headers that differ per caller and travel inside the batch, not in the key. */
const PER_CALLER = new Set(['authorization', REQUEST_ID_HEADER]);

/**
 * Fetches of one document to one subgraph made for different callers at the same time (one event reaching
 * several subscribers; concurrent operations of different callers) go as one request listing every caller
 * (`extensions.callers`, @aleumet/protocol callers.ts): each with its own token, variables and request id.
 * One HTTP exchange instead of one per caller, and the subgraph reads a row several of them need once; each
 * caller still gets exactly what its own request would have answered, authorized for it alone. Only queries
 * with the same forwarded headers, only to subgraphs that announced it (the `x-aleumet-callers` header on
 * an earlier answer); others, and a batch that fails, get one request per caller as before.
 */
export class CallersBatcher {
  /** Subgraph URL → most callers per request it takes (learned from its answers). */
  private readonly capacity = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();
  /** Requests on their way per batch key (batches and lone fetches alike), kept only when fetches may wait behind them. */
  private readonly sending = new Map<string, number>();
  private readonly windowMs: number;
  private readonly eventsOnly: boolean;
  private readonly onBatch?: (callers: number) => void;
  batches = 0;
  batchedFetches = 0;

  constructor(opts: CallersBatchOptions = {}) {
    this.windowMs = opts.windowMs ?? 1;
    this.eventsOnly = opts.eventsOnly ?? false;
    this.onBatch = opts.onBatch;
  }

  /** Wraps a data source's `sendRequest` innermost (before the transport's own wrapping, so its levers apply per caller). */
  wrap(ds: RemoteGraphQLDataSource<any>, url: string): void {
    wrapSendRequest(ds, (send) => (request, context) => this.send(ds, url, request, context, send));
  }

  /** Wraps the data source's final fetcher (after the transport set it): learns whether the subgraph takes batches. */
  learn(ds: RemoteGraphQLDataSource<any>, url: string): void {
    const fetcher = ds.fetcher;
    ds.fetcher = (async (input: never, init?: never) => {
      const res = await fetcher(input, init);
      const max = Number(res.headers.get(CALLERS_HEADER));
      if (max > 1) this.capacity.set(url, max);
      else this.capacity.delete(url);
      return res;
    }) as typeof fetcher;
  }

  private send(ds: RemoteGraphQLDataSource<any>, url: string, request: SubgraphRequest, context: { event?: string }, send: Send): Promise<SubgraphResponse> {
    const authorization = request.http?.headers.get('authorization');
    const max = this.capacity.get(url) ?? 0;
    const event = context && typeof context === 'object' ? context.event : undefined;
    if ((this.eventsOnly && !event) || !authorization || max < 2 || typeof request.query !== 'string' || /^\s*(mutation|subscription)\b/.test(request.query)) {
      return send(request, context);
    }
    const others = [...(request.http?.headers ?? [])].filter(([name]) => !PER_CALLER.has(name.toLowerCase()));
    const key = JSON.stringify([event ?? null, url, request.query, request.operationName ?? null, others]);
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(key);
      if (!batch) {
        const b: Pending = (batch = { callers: [], ds, url, headers: others, send, timer: undefined, sent: false });
        this.pending.set(key, b);
        // An event's fetches are all made at once for its subscribers: they always wait the window. Others wait
        // only behind one of their document on its way, and go when it is answered (or the window ends).
        if (this.windowMs > 0 && (this.eventsOnly || this.sending.has(key))) b.timer = setTimeout(() => this.go(key, b), this.windowMs);
        else setImmediate(() => this.go(key, b));
      }
      batch.callers.push({ authorization, requestId: request.http?.headers.get(REQUEST_ID_HEADER) ?? null, resolve, reject, request, context });
      if (batch.callers.length >= max) this.pending.delete(key);
    });
  }

  /**
   * Sends a pending batch once. When later fetches may wait behind it (a window, not events), it is counted on
   * its way until every caller has its answer.
   */
  private go(key: string, b: Pending): void {
    if (b.sent) return;
    b.sent = true;
    clearTimeout(b.timer);
    if (this.pending.get(key) === b) this.pending.delete(key);
    if (this.windowMs <= 0 || this.eventsOnly) return void this.flush(b);
    this.sending.set(key, (this.sending.get(key) ?? 0) + 1);
    const done = () => {
      const n = (this.sending.get(key) ?? 1) - 1;
      if (n > 0) this.sending.set(key, n);
      else this.sending.delete(key);
      // The next batch of this document was waiting for an answer: it goes now.
      const next = this.pending.get(key);
      if (next?.timer) this.go(key, next);
    };
    this.flush(b).then(done, done);
  }

  /** Sends a batch (or its one fetch); settles when every caller has its answer. */
  private async flush({ ds, url, callers, headers, send }: Pending): Promise<void> {
    const alone = () => Promise.all(callers.map((c) => send(c.request, c.context).then(c.resolve, c.reject))).then(() => undefined);
    if (callers.length === 1) return alone();
    const { query, operationName } = callers[0]!.request;
    let results: SubgraphResponse[] | undefined;
    try {
      const res = await ds.fetcher(url, {
        method: 'POST',
        headers: { ...Object.fromEntries(headers), 'content-type': 'application/json' },
        body: JSON.stringify({
          query,
          operationName: operationName ?? undefined,
          extensions: {
            callers: callers.map((c) => ({ authorization: c.authorization, variables: c.request.variables ?? undefined, requestId: c.requestId ?? undefined })),
          },
        }),
      } as never);
      const body = res.ok ? ((await res.json()) as { results?: SubgraphResponse[] }) : undefined;
      if (Array.isArray(body?.results) && body.results.length === callers.length) results = body.results;
    } catch {
      results = undefined;
    }
    if (!results) return alone();
    this.batches++;
    this.batchedFetches += callers.length;
    this.onBatch?.(callers.length);
    callers.forEach((c, i) => c.resolve(results[i]!));
  }
}
