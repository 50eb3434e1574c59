import http from 'node:http';
import https from 'node:https';
import type { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { observePlanStore, wrapSendRequest } from './apollo-internals.js';
import { Kind, parse, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { PERSONS_READ_EXTENSION } from '@aleumet/protocol';
import { REQUEST_ID_HEADER } from '@aleumet/core';
import type { EntityCache } from './cache/entity-cache.js';
import { createLogger, injectTraceContext, type ServiceMetrics } from '@aleumet/observability';

const logger = createLogger('gateway');

/**
 * Performance levers between the gateway and the subgraphs, measured in bench/:
 *
 * - **Keep-alive pool**: subgraph calls go through one `http.Agent` per gateway with keep-alive and
 *   a bounded socket pool, on a small fetcher over `node:http`, instead of the default
 *   make-fetch-happen stack (its cache/retry layers cost CPU on every call and showed in the profile).
 * - **Deduplicated `_entities`**: the query planner sends one representation per parent row, so 50
 *   orders of one supplier carry the same `Supplier` 50 times. Each unique representation is sent once
 *   and the answer fanned back out, so subgraphs resolve (and serialize) each entity once.
 * - **Identical in-flight requests shared**: while a subgraph request is on its way, an identical one (same
 *   subgraph, document, variables and every header forwarded, so the same caller's credentials) waits for its
 *   answer instead of being sent again; concurrent operations of one page often ask the same. Never a mutation.
 *   Each waiting operation gets its own copy (the executor merges answers into its result in place).
 * - **Query-plan cache statistics**: hits and misses of @apollo/gateway's plan store, to check that
 *   repeated operations are planned once.
 */

export interface TransportOptions {
  /** Keep connections to subgraphs open between requests (default true). */
  keepAlive?: boolean;
  /** Close a pooled socket idle this long (default 4000, below Node servers' 5 s keep-alive timeout). */
  idleSocketMs?: number;
  /** Upper bound of open sockets per subgraph (default 64). */
  maxSockets?: number;
  /** Send each distinct entity representation once per `_entities` call (default true). */
  dedupeEntities?: boolean;
  /** Use the node:http fetcher (default true); false keeps @apollo/gateway's default fetcher. */
  fastFetch?: boolean;
  /** Identical queries to a subgraph while one is in flight wait for its answer (default true). */
  shareInFlight?: boolean;
}

export interface TransportStats {
  subgraphRequests: number;
  /** New TCP connections opened to subgraphs (low versus subgraphRequests means keep-alive works). */
  connections: number;
  entityCalls: number;
  representations: number;
  /** Representations actually sent after deduplication. */
  representationsSent: number;
  /** Subgraph requests answered by an identical one already in flight. */
  sharedInFlight: number;
  planCache: { hits: number; misses: number };
}

type FetchInit = { method?: string; headers?: Record<string, string>; body?: string; timeout?: number; signal?: AbortSignal };

/** The part of a fetch Response that RemoteGraphQLDataSource reads. */
class SmallResponse {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  constructor(readonly url: string, readonly status: number, readonly statusText: string, headers: http.IncomingHttpHeaders, private readonly body: string) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name: string) => {
        const v = headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      },
    };
  }
  async text() {
    return this.body;
  }
  async json() {
    return JSON.parse(this.body);
  }
}

/**
 * Gathers the persons each subgraph says it loaded (`extensions.personsRead`, see @aleumet/protocol) on the
 * request context as `personsRead`, for the audit; the gateway does not pass subgraph extensions to callers.
 */
function collectPersonsRead(context: { personsRead?: Set<string> } | undefined, response: any) {
  const persons = response?.extensions?.[PERSONS_READ_EXTENSION];
  if (context && typeof context === 'object' && Array.isArray(persons)) {
    const into = (context.personsRead ??= new Set<string>());
    for (const p of persons) if (typeof p === 'string') into.add(p);
  }
  return response;
}

export class GatewayTransport {
  readonly stats: TransportStats = { subgraphRequests: 0, connections: 0, entityCalls: 0, representations: 0, representationsSent: 0, sharedInFlight: 0, planCache: { hits: 0, misses: 0 } };
  private readonly inFlight = new Map<string, Promise<any>>();
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  /** Entity cache in front of every subgraph call (cache/entity-cache.ts), when the gateway has one. */
  cache: EntityCache | null = null;

  constructor(readonly options: TransportOptions = {}) {
    // `timeout` closes an idle pooled socket after 4 s, before Node servers' default 5 s keepAliveTimeout:
    // otherwise the server may close a socket just as we reuse it, and a mutation cannot be resent.
    const agentOptions = { keepAlive: options.keepAlive ?? true, maxSockets: options.maxSockets ?? 64, keepAliveMsecs: 1000, timeout: options.idleSocketMs ?? 4000, scheduling: 'lifo' as const };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
    for (const agent of [this.httpAgent, this.httpsAgent]) {
      const create = agent.createConnection.bind(agent) as (...args: unknown[]) => unknown;
      (agent as unknown as { createConnection: (...args: unknown[]) => unknown }).createConnection = (...args: unknown[]) => {
        this.stats.connections++;
        return create(...args);
      };
    }
  }

  /** A fetch-compatible function over node:http with this transport's keep-alive agents. */
  fetch = async (url: string, init: FetchInit = {}): Promise<SmallResponse> => {
    const started = process.hrtime.bigint();
    const subgraph = this.subgraphNames.get(url) ?? new URL(url).host;
    try {
      const res = await this.fetchRetrying(url, init);
      this.observeFetch(subgraph, started, res.status < 400 ? 'ok' : `http_${res.status}`);
      return res;
    } catch (e) {
      const reason = isUnreachable(e) ? String((e as { code?: unknown }).code ?? (e as { type?: unknown }).type ?? 'unreachable') : 'error';
      this.observeFetch(subgraph, started, reason);
      throw e;
    }
  };

  /** Subgraph names by URL (for metrics labels); learnt from the supergraph's services. */
  private readonly subgraphNames = new Map<string, string>();
  /** Set by the gateway: fetch latency and errors per subgraph. */
  metrics?: ServiceMetrics;

  private observeFetch(subgraph: string, started: bigint, outcome: string): void {
    if (!this.metrics) return;
    this.metrics.subgraphFetchDuration.observe({ subgraph, outcome: outcome === 'ok' ? 'ok' : 'error' }, Number(process.hrtime.bigint() - started) / 1e9);
    if (outcome !== 'ok') this.metrics.subgraphFetchErrors.inc({ subgraph, reason: outcome });
  }

  private fetchRetrying = async (url: string, init: FetchInit): Promise<SmallResponse> => {
    try {
      return await this.fetchOnce(url, init);
    } catch (e) {
      // The subgraph closed an idle kept-alive socket just as we reused it: nothing reached it, so a
      // query is sent again once (Node's documented pattern); a mutation is never repeated.
      if ((e as { reusedSocket?: boolean }).reusedSocket && (e as NodeJS.ErrnoException).code === 'ECONNRESET' && !/^\s*\{\s*"query"\s*:\s*"\s*mutation/.test(init.body ?? '')) {
        return this.fetchOnce(url, init);
      }
      throw e;
    }
  };

  private fetchOnce = (url: string, init: FetchInit): Promise<SmallResponse> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const body = init.body ?? '';
      const req = (secure ? https : http).request(
        target,
        {
          method: init.method ?? 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          // The request's trace continues in the subgraph (W3C traceparent; nothing when tracing is off).
          headers: injectTraceContext({ ...init.headers, 'content-length': String(Buffer.byteLength(body)) }),
          signal: init.signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => resolve(new SmallResponse(url, res.statusCode ?? 0, res.statusMessage ?? '', res.headers, Buffer.concat(chunks).toString('utf8'))));
        },
      );
      if (init.timeout) req.setTimeout(init.timeout, () => req.destroy(Object.assign(new Error(`subgraph request timed out after ${init.timeout} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', (e) => reject(Object.assign(e, { reusedSocket: req.reusedSocket })));
      req.end(body);
    });

  /** Applies the levers to one subgraph data source (call right after constructing it). */
  apply<T extends RemoteGraphQLDataSource<any>>(dataSource: T, name?: string): T {
    if (this.options.fastFetch ?? true) dataSource.fetcher = this.fetch as unknown as T['fetcher'];
    if (name && (dataSource as { url?: string }).url) this.subgraphNames.set((dataSource as { url: string }).url, name);
    let send: (request: any, context: any) => Promise<any> = async () => undefined;
    const dedupe = this.options.dedupeEntities ?? true;
    const url = (dataSource as { url?: string }).url ?? '';
    // The one place every subgraph call passes through (apollo-internals.ts).
    wrapSendRequest(dataSource, (original) => {
      send = original;
      return async (request: any, context: any) => {
        try {
          return collectPersonsRead(context, await (this.cache ? this.cache.fetch(url, request, context, sendShared) : sendShared(request, context)));
        } catch (e) {
          if (!isUnreachable(e)) throw e;
          this.reportUnreachable(url, e);
          return unavailableResponse(request);
        }
      };
    });
    const shareInFlight = this.options.shareInFlight ?? true;
    const sendShared = async (request: any, context: any) => {
      if (!shareInFlight || /^\s*mutation\b/.test(request.query ?? '')) return sendDeduped(request, context);
      // The request id is ours unless the operator forwards the client's (then it is part of what is forwarded).
      const forwardsRequestId = Boolean((context as { forwarded?: Record<string, string> } | undefined)?.forwarded?.[REQUEST_ID_HEADER]);
      const key = inFlightKey(url, request, forwardsRequestId);
      const pending = this.inFlight.get(key);
      if (pending) {
        this.stats.sharedInFlight++;
        return copyAnswer(await pending);
      }
      const sent = sendDeduped(request, context);
      this.inFlight.set(key, sent);
      const forget = () => void (this.inFlight.get(key) === sent && this.inFlight.delete(key));
      sent.then(forget, forget);
      return sent;
    };
    const sendDeduped = async (request: any, context: any) => {
      this.stats.subgraphRequests++;
      const reps = request.variables?.representations;
      if (!Array.isArray(reps)) return send(request, context);
      this.stats.entityCalls++;
      this.stats.representations += reps.length;
      if (!dedupe || reps.length < 2) {
        this.stats.representationsSent += reps.length;
        return send(request, context);
      }
      const unique: unknown[] = [];
      const slot = new Map<string, number>();
      const positions = reps.map((r: unknown) => {
        const key = JSON.stringify(r);
        let at = slot.get(key);
        if (at === undefined) {
          at = unique.length;
          slot.set(key, at);
          unique.push(r);
        }
        return at;
      });
      this.stats.representationsSent += unique.length;
      if (unique.length === reps.length) return send(request, context);
      const response = await send({ ...request, variables: { ...request.variables, representations: unique } }, context);
      return fanOut(response, positions);
    };
    return dataSource;
  }

  private lastUnreachableLog = new Map<string, number>();
  /** One log line per subgraph and 10 s: a subgraph that is down would otherwise log every request. */
  private reportUnreachable(url: string, e: unknown) {
    const t = Date.now();
    if ((this.lastUnreachableLog.get(url) ?? 0) > t - 10_000) return;
    this.lastUnreachableLog.set(url, t);
    logger.warn({ url, err: e }, 'subgraph unavailable');
  }

  /** Counts hits and misses of the gateway's query-plan store. */
  instrument(gateway: ApolloGateway): void {
    observePlanStore(gateway, (hit) => (hit ? this.stats.planCache.hits++ : this.stats.planCache.misses++));
  }

  resetStats(): void {
    Object.assign(this.stats, { subgraphRequests: 0, connections: 0, entityCalls: 0, representations: 0, representationsSent: 0, sharedInFlight: 0, planCache: { hits: 0, misses: 0 } });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** A copy of a subgraph's answer for another operation: its data, errors and extensions (the rest is HTTP metadata). */
function copyAnswer<T>(response: T): T {
  if (!response || typeof response !== 'object') return response;
  const r = response as Record<string, unknown>;
  const copy = { ...r };
  for (const k of ['data', 'errors', 'extensions']) if (r[k] !== undefined) copy[k] = structuredClone(r[k]);
  return copy as T;
}

/** Everything that makes two subgraph requests the same: subgraph, document, variables, forwarded headers (the request id only when forwarded). */
function inFlightKey(
  url: string, request: { query?: string; operationName?: string; variables?: unknown; http?: { headers?: Iterable<[string, string]> } }, withRequestId: boolean,
): string {
  const headers = [...(request.http?.headers ?? [])].filter(([k]) => withRequestId || k.toLowerCase() !== REQUEST_ID_HEADER).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([url, request.query, request.operationName ?? null, request.variables ?? null, headers]);
}

/** Network failures (refused, reset, unreachable, timed out) and gateway-style HTTP statuses of a proxy in between. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
export function isUnreachable(e: unknown): boolean {
  const err = e as { code?: unknown; type?: unknown; name?: unknown; extensions?: { response?: { status?: unknown } } } | null;
  if (!err || typeof err !== 'object') return false;
  if (typeof err.code === 'string' && UNREACHABLE_CODES.has(err.code)) return true;
  // make-fetch-happen (fastFetch: false): FetchError of type `request-timeout` / `system`.
  if (err.type === 'request-timeout' || err.name === 'AbortError') return true;
  const status = err.extensions?.response?.status;
  return status === 502 || status === 503 || status === 504;
}

interface UnavailableError {
  message: string;
  path?: (string | number)[];
  extensions: { code: 'SERVICE_UNAVAILABLE' };
}
const unavailableError = (path?: (string | number)[]): UnavailableError => ({
  message: 'Service unavailable: this field could not be fetched; try again later',
  ...(path ? { path } : {}),
  extensions: { code: 'SERVICE_UNAVAILABLE' },
});

/**
 * What a subgraph that could not be reached "answers": no data and one SERVICE_UNAVAILABLE error per field
 * the gateway asked it for, with that field's path (`_entities`, index, field for entity fetches; the gateway
 * turns these into paths of the client's response). Without paths the client could not tell which nulls
 * are failures, and @apollo/gateway would report the thrown network error as an internal error.
 */
export function unavailableResponse(request: { query?: string; variables?: Record<string, unknown> }): { data: null; errors: UnavailableError[] } {
  let op: OperationDefinitionNode | undefined;
  try {
    op = parse(request.query ?? '').definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    // Not ours to parse: a path-less error still says what happened.
  }
  const names = (set: SelectionSetNode | undefined, typename?: string): string[] =>
    (set?.selections ?? []).flatMap((sel) => {
      if (sel.kind === Kind.FIELD) return sel.name.value === '__typename' ? [] : [(sel.alias ?? sel.name).value];
      if (sel.kind === Kind.INLINE_FRAGMENT && (!sel.typeCondition || typename === undefined || sel.typeCondition.name.value === typename)) return names(sel.selectionSet, typename);
      return [];
    });
  const root = op?.selectionSet;
  const entities = root?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
  const reps = request.variables?.representations;
  if (entities && Array.isArray(reps)) {
    const errors = reps.flatMap((rep, i) => names(entities.selectionSet, (rep as { __typename?: string })?.__typename).map((n) => unavailableError(['_entities', i, n])));
    return { data: null, errors: errors.length ? errors : [unavailableError()] };
  }
  const fields = names(root);
  return { data: null, errors: fields.length ? fields.map((n) => unavailableError([n])) : [unavailableError()] };
}

/** Expands an `_entities` answer for unique representations back to the original positions (errors too). */
export function fanOut(response: any, positions: number[]): any {
  const entities = response?.data?._entities;
  const out = { ...response };
  if (Array.isArray(entities)) out.data = { ...response.data, _entities: positions.map((p) => entities[p] ?? null) };
  if (Array.isArray(response?.errors)) {
    out.errors = response.errors.flatMap((e: any) => {
      if (!Array.isArray(e.path) || e.path[0] !== '_entities' || typeof e.path[1] !== 'number') return [e];
      const targets = positions.flatMap((p, i) => (p === e.path[1] ? [i] : []));
      return targets.map((i) => ({ ...e, path: ['_entities', i, ...e.path.slice(2)] }));
    });
  }
  return out;
}
