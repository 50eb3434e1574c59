import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { CALLERS_HEADER } from '@aleumet/protocol';
import { wrapSendRequest } from '../apollo-internals.js';

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
  callers: { authorization: string; resolve: (r: SubgraphResponse) => void; reject: (e: unknown) => void; request: SubgraphRequest; context: { event?: string } }[];
}

/**
 * One event reaching several subscribers makes the same per-event fetch once per subscriber, each with
 * its own token (subgraphs authorize per caller). Fetches of one event with the same query, variables and
 * forwarded headers that start within `windowMs` go to the subgraph as one request listing every caller
 * (`extensions.callers`, http-kit's callers batch): one HTTP exchange and one read of each row instead of
 * one per subscriber, and each caller still gets exactly what its own request would have answered. Only to
 * subgraphs that announced it (the `x-aleumet-callers` header on an earlier answer); others, and a batch that
 * fails, get one request per caller as before.
 */
export class CallersBatcher {
  /** Subgraph URL → most callers per request it takes (learned from its answers). */
  private readonly capacity = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();
  batches = 0;
  batchedFetches = 0;

  constructor(private readonly windowMs = 1) {}

  /** Wraps a per-event data source (before the transport's own wrapping, so its levers apply per caller). */
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
    if (!context?.event || !authorization || max < 2 || typeof request.query !== 'string') return send(request, context);
    const others = [...(request.http?.headers ?? [])].filter(([name]) => name.toLowerCase() !== 'authorization');
    const key = JSON.stringify([context.event, url, request.query, request.operationName ?? null, request.variables ?? null, others]);
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(key);
      if (!batch) {
        batch = { callers: [] };
        this.pending.set(key, batch);
        const b = batch;
        setTimeout(() => {
          if (this.pending.get(key) === b) this.pending.delete(key);
          void this.flush(ds, url, b, others, send);
        }, this.windowMs);
      }
      batch.callers.push({ authorization, resolve, reject, request, context });
      if (batch.callers.length >= max) this.pending.delete(key);
    });
  }

  private async flush(ds: RemoteGraphQLDataSource<any>, url: string, batch: Pending, headers: [string, string][], send: Send): Promise<void> {
    const { callers } = batch;
    const alone = () => callers.forEach((c) => send(c.request, c.context).then(c.resolve, c.reject));
    if (callers.length === 1) return alone();
    const { query, operationName, variables } = callers[0]!.request;
    let results: SubgraphResponse[] | undefined;
    try {
      const res = await ds.fetcher(url, {
        method: 'POST',
        headers: { ...Object.fromEntries(headers), 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName: operationName ?? undefined, variables, extensions: { callers: callers.map((c) => c.authorization) } }),
      } as never);
      const body = res.ok ? ((await res.json()) as { results?: SubgraphResponse[] }) : undefined;
      if (Array.isArray(body?.results) && body.results.length === callers.length) results = body.results;
    } catch {
      results = undefined;
    }
    if (!results) return alone();
    this.batches++;
    this.batchedFetches += callers.length;
    callers.forEach((c, i) => c.resolve(results[i]!));
  }
}
