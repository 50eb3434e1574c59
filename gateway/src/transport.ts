import http from 'node:http';
import https from 'node:https';
import type { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { observePlanStore, wrapSendRequest } from './apollo-internals.js';
import {
  Kind, OperationTypeNode, parse, print, visit,
  type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode, type VariableDefinitionNode,
} from 'graphql';
import { PERSONS_READ_EXTENSION } from '@aleumet/protocol';
import { REQUEST_ID_HEADER } from '@aleumet/core';
import type { EntityCache } from './cache/entity-cache.js';
import { CallersBatcher } from './callers-batch.js';
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
  /**
   * Requests sharing an answer in flight get their copy by parsing its body again (not a deep clone), and find it
   * by the request serialized once, before deduplicating their own representations; default true.
   */
  cheapCopies?: boolean;
  /**
   * One operation's entity fetches to one subgraph that start together (same tick, same headers) go as one
   * request, each as its own aliased `_entities` field (default true; see plan-merge.ts).
   */
  batchEntities?: boolean;
  /**
   * Concurrent operations' fetches of one document to one subgraph, for different callers, go as one callers
   * batch (callers-batch.ts): how long at most the first waits for others while one of that document is on its
   * way (ms); 0 (default): only fetches started together, nothing waits for a timer; false: one request per fetch.
   */
  callersBatch?: number | false;
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
  /** Entity fetches sent inside another fetch's request (one operation's concurrent fetches to one subgraph). */
  batchedFetches: number;
  /** Callers batches sent, and the fetches of different callers they carried. */
  callersBatches: number;
  callersBatched: number;
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
  /** The body as received (read without waiting). */
  get bodyText(): string {
    return this.body;
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
  readonly stats: TransportStats = { subgraphRequests: 0, connections: 0, entityCalls: 0, representations: 0, representationsSent: 0, sharedInFlight: 0, batchedFetches: 0, callersBatches: 0, callersBatched: 0, planCache: { hits: 0, misses: 0 } };
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  /** Entity cache in front of every subgraph call (cache/entity-cache.ts), when the gateway has one. */
  cache: EntityCache | null = null;
  /** Different callers' fetches of one document sent together (callers-batch.ts); null when off. */
  readonly callers: CallersBatcher | null;

  constructor(readonly options: TransportOptions = {}) {
    const window = options.callersBatch ?? 0;
    this.callers = window === false ? null : new CallersBatcher({
      windowMs: window,
      onBatch: (n) => {
        this.stats.callersBatches++;
        this.stats.callersBatched += n;
      },
    });
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
    const cheapCopies = this.options.cheapCopies ?? true;
    // Identical requests share one in flight; entity requests are deduplicated first, and the answer shared is
    // that of the distinct representations (each caller fans its own copy back out).
    const sendShared = async (request: any, context: any) => {
      const reps = request.variables?.representations;
      const isMutation = /^\s*mutation\b/.test(request.query ?? '');
      // The request id is ours unless the operator forwards the client's (then it is part of what is forwarded).
      const forwardsRequestId = Boolean((context as { forwarded?: Record<string, string> } | undefined)?.forwarded?.[REQUEST_ID_HEADER]);
      // With cheap copies, the key is the request as the executor made it, serialized once (representations
      // included, in one call): an identical request has the same representations in the same order, so it
      // finds the one in flight without deduplicating its own, and the leader's positions fan its copy out.
      const early = shareInFlight && cheapCopies && !isMutation ? inFlightKey(url, request, forwardsRequestId) : null;
      if (early !== null) {
        const pending = this.inFlight.get(early);
        if (pending) {
          this.stats.sharedInFlight++;
          const { answer, positions } = (await pending) as { answer: any; positions: number[] | null };
          const copy = reparse(answer, context);
          return positions ? fanOut(copy, positions) : copy;
        }
      }
      const distinct = Array.isArray(reps) && dedupe && reps.length > 1 ? distinctRepresentations(reps) : null;
      const fewer = Boolean(distinct && distinct.unique.length < reps.length);
      // Counted when sent (an answer shared in flight is not another call).
      const send = (r: any) => {
        if (Array.isArray(reps)) {
          this.stats.entityCalls++;
          this.stats.representations += reps.length;
          this.stats.representationsSent += fewer ? distinct!.unique.length : reps.length;
        }
        return sendCounted(r, context);
      };
      const sent = fewer ? { ...request, variables: { ...request.variables, representations: distinct!.unique } } : request;
      const expand = (response: any) => (fewer ? fanOut(response, distinct!.positions) : response);
      if (!shareInFlight || isMutation) return expand(await send(sent));
      if (early !== null) {
        const answer = send(sent);
        const shared = answer.then((a) => ({ answer: a, positions: fewer ? distinct!.positions : null }));
        this.inFlight.set(early, shared);
        const forget = () => void (this.inFlight.get(early) === shared && this.inFlight.delete(early));
        shared.then(forget, forget);
        return expand(await answer);
      }
      // Cheap copies off (measured as a lever): keyed by the request sent, each waiting caller deep-cloning.
      const key = inFlightKey(url, sent, forwardsRequestId);
      const pending = this.inFlight.get(key);
      if (pending) {
        this.stats.sharedInFlight++;
        return expand(copyAnswer(await pending));
      }
      const answer = send(sent);
      this.inFlight.set(key, answer);
      const forget = () => void (this.inFlight.get(key) === answer && this.inFlight.delete(key));
      answer.then(forget, forget);
      return expand(await answer);
    };
    const sendCounted = (request: any, context: any) => {
      if (batch && isEntityQuery(request)) return batcher.send(request, context);
      this.stats.subgraphRequests++;
      return send(request, context);
    };
    const batch = this.options.batchEntities ?? true;
    const batcher = new EntityBatcher((request, context) => {
      this.stats.subgraphRequests++;
      return send(request, context);
    }, () => this.stats.batchedFetches++);
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
    Object.assign(this.stats, { subgraphRequests: 0, connections: 0, entityCalls: 0, representations: 0, representationsSent: 0, sharedInFlight: 0, batchedFetches: 0, callersBatches: 0, callersBatched: 0, planCache: { hits: 0, misses: 0 } });
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

/** The distinct representations of an `_entities` request, and where each original one is among them. */
function distinctRepresentations(reps: unknown[]): { unique: unknown[]; positions: number[] } {
  const unique: unknown[] = [];
  const slot = new Map<string, number>();
  const positions = reps.map((r) => {
    const key = JSON.stringify(r);
    let at = slot.get(key);
    if (at === undefined) {
      at = unique.length;
      slot.set(key, at);
      unique.push(r);
    }
    return at;
  });
  return { unique, positions };
}

/**
 * Another operation's copy of a shared answer: its body parsed again from the bytes received (cheaper than a deep
 * clone of the parsed one); a deep clone when the body is not at hand.
 */
function reparse<T>(response: T, context?: unknown): T {
  const part = batchParts.get(response as object);
  if (part) return part(context);
  const http = (response as { http?: unknown } | null)?.http;
  if (!(http instanceof SmallResponse) || !response || typeof response !== 'object') return copyAnswer(response);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(http.bodyText) as Record<string, unknown>;
  } catch {
    return copyAnswer(response);
  }
  const copy = { ...(response as Record<string, unknown>) };
  for (const k of ['data', 'errors', 'extensions']) if (k in body) copy[k] = body[k];
  return copy as T;
}

const isEntityQuery = (request: { query?: string; variables?: Record<string, unknown> }) =>
  Array.isArray(request.variables?.representations) && !/^\s*(mutation|subscription)\b/.test(request.query ?? '');

/**
 * Copies of the parts of a batched answer, parsed again from the batch's bytes (see `reparse`): once per
 * operation (request context) that waits for them, which then takes each of its parts from that one parse.
 */
const batchParts = new WeakMap<object, (context: unknown) => any>();

interface Combined { query: string; operationName?: string; aliases: string[]; variables: string[] }

/**
 * Entity fetches of one operation (same request context) to one subgraph, queued in one tick (the plan's
 * parallel fetches reach `sendRequest` in the same tick), sent as one request:
 * `query ($r0: [_Any!]!, $r1: [_Any!]!) { e0: _entities(representations: $r0) { … } e1: _entities(representations: $r1) { … } }`.
 * Each gets back its own `_entities` and the errors under its alias (path-less errors go to every one).
 * Fetches whose other variables clash, or that cannot be read, go alone.
 */
class EntityBatcher {
  private readonly queues = new Map<object, { request: any; resolve: (v: any) => void; reject: (e: unknown) => void }[]>();
  private readonly combined = new Map<string, Combined | null>();

  constructor(private readonly sendOne: (request: any, context: any) => Promise<any>, private readonly onBatched: () => void) {}

  send(request: any, context: any): Promise<any> {
    if (!context || typeof context !== 'object') return this.sendOne(request, context);
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(context);
      if (!queue) {
        queue = [];
        this.queues.set(context, queue);
        process.nextTick(() => this.flush(context));
      }
      queue.push({ request, resolve, reject });
    });
  }

  private flush(context: object): void {
    const queue = this.queues.get(context) ?? [];
    this.queues.delete(context);
    // Batched only with identical headers (they are the same context's, but a data source may add its own).
    const groups = new Map<string, typeof queue>();
    for (const item of queue) {
      const key = JSON.stringify([item.request.http?.url, item.request.http?.method, [...(item.request.http?.headers ?? [])]]);
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    for (const group of groups.values()) {
      const plan = group.length > 1 ? this.combine(group.map((g) => g.request)) : null;
      if (!plan) {
        for (const g of group) this.sendOne(g.request, context).then(g.resolve, g.reject);
        continue;
      }
      group.slice(1).forEach(() => this.onBatched());
      const variables: Record<string, unknown> = {};
      group.forEach((g, i) => {
        for (const [k, v] of Object.entries(g.request.variables ?? {})) variables[k === 'representations' ? `aleumet__r${i}` : k] = v;
      });
      const request = { ...group[0]!.request, query: plan.query, operationName: plan.operationName, variables };
      this.sendOne(request, context).then(
        (answer) => {
          const split = (a: any) => group.map((_, i) => part(a, plan.aliases[i]!, plan.aliases));
          const parts = split(answer);
          const http = answer?.http;
          const parsed = new WeakMap<object, { all: any[]; taken: Set<number> }>();
          const copies = () => {
            const body = JSON.parse((http as SmallResponse).bodyText) as Record<string, unknown>;
            return split({ ...answer, data: body.data, errors: body.errors, extensions: body.extensions });
          };
          parts.forEach((p, i) => {
            if (http instanceof SmallResponse) {
              batchParts.set(p, (context) => {
                // Each part of one parse goes to one fetch only (a second identical fetch gets its own copy).
                let mine = context && typeof context === 'object' ? parsed.get(context) : undefined;
                if (!mine || mine.taken.has(i)) {
                  mine = { all: copies(), taken: new Set() };
                  if (context && typeof context === 'object') parsed.set(context, mine);
                }
                mine.taken.add(i);
                return mine.all[i];
              });
            }
            group[i]!.resolve(p);
          });
        },
        (e) => group.forEach((g) => g.reject(e)),
      );
    }
  }

  /** The one query for these fetches (cached per combination of query texts), or null when they cannot go together. */
  private combine(requests: any[]): Combined | null {
    // Other variables must not clash: the same name means the same value.
    const seen = new Map<string, string>();
    for (const r of requests) {
      for (const [k, v] of Object.entries(r.variables ?? {})) {
        if (k === 'representations') continue;
        const json = JSON.stringify(v);
        if (seen.has(k) && seen.get(k) !== json) return null;
        seen.set(k, json);
      }
    }
    const texts = requests.map((r) => String(r.query ?? ''));
    const cacheKey = texts.join('\u0000');
    if (this.combined.has(cacheKey)) return this.combined.get(cacheKey)!;
    let result: Combined | null = null;
    try {
      result = combineQueries(texts, requests[0]!.operationName);
    } catch {
      result = null;
    }
    if (this.combined.size > 1000) this.combined.delete(this.combined.keys().next().value!);
    this.combined.set(cacheKey, result);
    return result;
  }
}

/** `texts[i]`'s `_entities` under alias `aleumet__e<i>` with variable `$aleumet__r<i>`, its fragments renamed apart. */
export function combineQueries(texts: string[], operationName: string | undefined): Combined | null {
  const variableDefinitions = new Map<string, VariableDefinitionNode>();
  const selections: SelectionNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  const aliases: string[] = [];
  texts.forEach((text, i) => {
    const doc = parse(text);
    const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (ops.length !== 1 || ops[0]!.operation !== 'query') throw new Error('not one query');
    const root = ops[0]!.selectionSet.selections;
    if (root.length !== 1 || root[0]!.kind !== Kind.FIELD || root[0]!.name.value !== '_entities' || root[0]!.alias) throw new Error('not one _entities field');
    const renamed = visit(doc, {
      Variable: (v) => (v.name.value === 'representations' ? { ...v, name: { ...v.name, value: `aleumet__r${i}` } } : undefined),
      FragmentSpread: (f) => ({ ...f, name: { ...f.name, value: `aleumet__f${i}_${f.name.value}` } }),
      FragmentDefinition: (f) => ({ ...f, name: { ...f.name, value: `aleumet__f${i}_${f.name.value}` } }),
    });
    const alias = `aleumet__e${i}`;
    aliases.push(alias);
    for (const d of renamed.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.push(d);
      if (d.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const v of d.variableDefinitions ?? []) {
        const existing = variableDefinitions.get(v.variable.name.value);
        if (existing && print(existing) !== print(v)) throw new Error('variable definitions clash');
        variableDefinitions.set(v.variable.name.value, v);
      }
      const field = d.selectionSet.selections[0] as FieldNode;
      selections.push({ ...field, alias: { kind: Kind.NAME, value: alias } });
    }
  });
  const name = operationName ? `${operationName}__batch` : undefined;
  const query = print({
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION, operation: OperationTypeNode.QUERY, ...(name ? { name: { kind: Kind.NAME, value: name } } : {}),
        variableDefinitions: [...variableDefinitions.values()], selectionSet: { kind: Kind.SELECTION_SET, selections },
      },
      ...fragments,
    ],
  });
  return { query, operationName: name, aliases, variables: [...variableDefinitions.keys()] };
}

/** One fetch's answer out of a batched one: its `_entities`, the errors under its alias, and path-less ones. */
export function part(answer: any, alias: string, aliases: string[]): any {
  const data = answer?.data;
  const out: any = { ...answer, data: data && typeof data === 'object' ? (alias in data ? { _entities: data[alias] } : null) : data };
  if (Array.isArray(answer?.errors)) {
    const errors = answer.errors.flatMap((e: any) => {
      const head = Array.isArray(e?.path) ? e.path[0] : undefined;
      if (head === alias) return [{ ...e, path: ['_entities', ...e.path.slice(1)] }];
      return aliases.includes(head) ? [] : [e];
    });
    out.errors = errors.length ? errors : undefined;
    if (!errors.length) delete out.errors;
  }
  return out;
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
