import { GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';
import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { executeQueryPlan, type FetchNode, type QueryPlan, type ServiceMap } from '../apollo-internals.js';
import { forbidden, unauthenticated, type Identity } from '@aleumet/core';
import { RecentIds } from '@aleumet/events';
import { CURSOR_KEY, SINCE_VAR, type SubscriptionPlan, type SubscriptionPlanner } from './planner.js';
import { UpstreamPool } from './upstream.js';
import { CallersBatcher } from '../callers-batch.js';
import { GatewayTransport } from '../transport.js';
import { signFetches } from '../internal.js';
import { createLogger, withSpan } from '@aleumet/observability';

const eventLogger = createLogger('gateway');

/** A plan with the supergraph and data sources it was made for (a supergraph swap leaves it intact). */
interface BoundPlan extends SubscriptionPlan {
  planner: SubscriptionPlanner;
  services: ServiceMap;
}

/** Per graphql-ws connection: what its subscriptions have queued but not yet sent. */
export interface ConnectionState {
  socket: WebSocket;
  queued: number;
  closed: boolean;
}

export interface SubscriptionContext {
  /** Null for anonymous connections (`--auth none`). */
  identity: Identity | null;
  authorization?: string;
  /** `forwardHeaders` of the WebSocket upgrade request, copied to every per-event subgraph fetch. */
  forwarded?: Record<string, string>;
  connection: ConnectionState;
}

export interface EngineOptions {
  /** HTTP URL per subgraph name (overrides the supergraph's). */
  subgraphUrls?: Record<string, string>;
  /** Events queued for one connection before it is closed as a slow consumer. */
  maxQueuedPerConnection?: number;
  /** Bytes waiting in one connection's socket before it is closed as a slow consumer. */
  maxBufferedBytes?: number;
  upstreamRetryAttempts?: number;
  /**
   * The gateway's subgraph transport (keep-alive pool, deduplicated `_entities`): per-event fetches go
   * through it, one pool per gateway. Without one the engine makes its own.
   */
  transport?: GatewayTransport;
  /** Timeout of one per-event subgraph fetch (default 30 s; 0: none), as for HTTP queries. */
  subgraphTimeoutMs?: number;
  /**
   * How long a per-event fetch waits for the same fetch of other subscribers of the event, to go to the
   * subgraph as one callers batch (ms; default 1; 0: no batching). See ../callers-batch.ts.
   */
  callersWindowMs?: number;
}

export interface EngineStats {
  subscriptions: number;
  upstreamSubscriptions: number;
  upstreamConnections: number;
  /** Per-event subgraph fetches requested by executions of the query plan. */
  eventFetches: number;
  /** Of those, answered by a fetch another subscription with the same credentials made for the same event. */
  eventFetchesShared: number;
  /** Callers batches sent (one request for several subscribers of one event), and the fetches they carried. */
  eventFetchBatches: number;
  eventFetchesBatched: number;
}

/** WebSocket close code and reason for a consumer that does not keep up (1008: policy violation). */
export const SLOW_CONSUMER_CLOSE = 1008;

const PRIMARY = '__subscription_primary__';

interface Gateway {
  identity: Identity | null;
  authorization?: string;
  forwarded?: Record<string, string>;
  /** The event this execution is for (its cursor), or a value of its own when the event has none. */
  event: string;
}

type FetchResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/**
 * Fetches of the same event with the same forwarded credentials and the same request, shared: when an
 * event reaches several subscriptions of one caller (other operations, other arguments, a resumed
 * subscription), each fetch of the rest of the plan is made once. Keyed by the exact `authorization`
 * the subgraph would see (the only credential forwarded), so an answer never reaches another caller:
 * subgraphs authorize per caller. An entry lives while its fetch runs and `keepMs` after (other
 * subscriptions receive the same event a moment later); different events never share.
 */
export class EventFetchShare {
  private readonly entries = new Map<string, Promise<FetchResponse>>();
  fetches = 0;
  shared = 0;
  constructor(private readonly keepMs = 2_000, private readonly maxEntries = 10_000) {}

  run(service: string, options: GraphQLDataSourceProcessOptions<Gateway>, fetch: () => Promise<FetchResponse>): Promise<FetchResponse> {
    this.fetches++;
    const { request, context } = options;
    const key = JSON.stringify([context.event, context.authorization ?? null, context.forwarded ?? null, service, request.query, request.operationName ?? null, request.variables ?? null]);
    let entry = this.entries.get(key);
    if (entry) this.shared++;
    else {
      entry = fetch();
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
      const forget = () => setTimeout(() => this.entries.get(key) === entry && this.entries.delete(key), this.keepMs).unref();
      entry.then(forget, () => this.entries.delete(key));
    }
    // Each execution merges into its own copy of the data (executeQueryPlan writes into the objects it gets;
    // the response's `http` part holds functions and is only read).
    return entry.then((r) => (r.data == null ? { ...r } : { ...r, data: structuredClone(r.data) }));
  }
}

/** Forwards the caller's token: every subgraph authorizes each per-event fetch again. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<Gateway> {
  constructor(config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0], private readonly share: EventFetchShare) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Gateway>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.forwarded) for (const [name, value] of Object.entries(context.forwarded as Record<string, string>)) request.http?.headers.set(name, value);
  }

  override process(options: GraphQLDataSourceProcessOptions<Gateway>) {
    return this.share.run(this.url, options, () => this.processWithRetry(options));
  }

  /** Per-event fetches are reads: try again (up to 3 times) when a kept-alive socket was reset under us. */
  private async processWithRetry(options: GraphQLDataSourceProcessOptions<Gateway>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await super.process(options);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if ((code !== 'ECONNRESET' && code !== 'EPIPE') || attempt >= 3) throw e;
      }
    }
  }
}

/** One downstream subscription: a bounded queue the graphql-ws server pulls from. */
class Downstream implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: ExecutionResult[] = [];
  private wake?: () => void;
  private done = false;
  private failure?: unknown;
  onReturn?: () => void;

  constructor(private readonly conn: ConnectionState, private readonly engine: SubscriptionEngine) {}

  push(result: ExecutionResult) {
    if (this.done) return;
    this.queue.push(result);
    this.conn.queued++;
    this.engine.checkConsumer(this.conn);
    this.wake?.();
  }
  fail(error: unknown) {
    if (this.done) return;
    this.failure = error;
    this.wake?.();
  }
  complete() {
    if (this.done) return;
    this.done = true;
    this.wake?.();
  }
  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      const r = this.queue.shift();
      if (r) {
        this.conn.queued--;
        return { done: false, value: r };
      }
      if (this.failure !== undefined) {
        const f = this.failure;
        this.failure = undefined;
        this.finish();
        throw f;
      }
      if (this.done) {
        this.finish();
        return { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.done = true;
    this.finish();
    return { done: true, value: undefined };
  }
  async throw(e?: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    throw e;
  }
  [Symbol.asyncIterator]() {
    return this;
  }
  private finish() {
    this.conn.queued -= this.queue.length;
    this.queue.length = 0;
    const cb = this.onReturn;
    this.onReturn = undefined;
    cb?.();
    this.wake?.();
  }
}

/**
 * One subscription on the owning subgraph, shared by every downstream subscription of the same
 * caller token, operation and variables (without `since`: a resume is never shared). Each event
 * runs the rest of the query plan once and is delivered to all its listeners, in order.
 */
class Primary {
  readonly listeners = new Set<Downstream>();
  private readonly seen = new RecentIds(10_000);
  private tail: Promise<void> = Promise.resolve();
  private stop?: () => void;
  private readonly startedAt = Date.now();
  private failures = 0;
  private url?: string;
  readonly variables: Record<string, unknown>;

  constructor(
    private readonly engine: SubscriptionEngine,
    readonly key: string,
    private readonly plan: BoundPlan,
    private readonly ctx: SubscriptionContext,
    private readonly clientVariables: Record<string, unknown>,
    since: string | null,
  ) {
    this.variables = {};
    for (const name of plan.primary.variableUsages ?? []) {
      if (name in clientVariables) this.variables[name] = clientVariables[name];
    }
    if (plan.resumable) this.variables[SINCE_VAR] = since;
  }

  open(url: string) {
    this.url = url;
    this.stop = this.engine.pool.subscribe(
      url,
      this.ctx.authorization,
      { query: this.plan.primary.operation, operationName: this.plan.primary.operationName, variables: this.variables },
      {
        next: (result) => this.onEvent(result),
        error: (e) => this.onError(e),
        complete: () => this.onComplete(),
      },
      () => {
        // Lost the subgraph before any event: resume from the moment this subscription started.
        if (this.plan.resumable && this.variables[SINCE_VAR] == null) this.variables[SINCE_VAR] = cursorAt(this.startedAt);
      },
    );
  }

  private onEvent(result: ExecutionResult) {
    const root = (result.data as Record<string, Record<string, unknown> | null> | null | undefined)?.[this.plan.rootKey];
    const cursor = root?.[CURSOR_KEY];
    if (typeof cursor === 'string') {
      if (!this.seen.add(cursor)) return;
      this.failures = 0;
      // A reconnect re-sends this payload: the subgraph then replays from the last event we got.
      this.variables[SINCE_VAR] = cursor;
    }
    // Executions overlap; deliveries keep the subgraph's order.
    const executed = this.engine.executeRest(this.plan, result, this.ctx, this.clientVariables, typeof cursor === 'string' ? cursor : undefined);
    this.tail = this.tail.then(async () => {
      const out = await executed;
      for (const l of [...this.listeners]) l.push(out);
    });
  }

  private onError(e: unknown) {
    // An internal error of the subgraph (e.g. a failed replay query): subscribe again from the last cursor,
    // a few times. Its database out of reach (SERVICE_UNAVAILABLE: restarting, failing over): the same, with
    // a growing pause, for as long as a restart may take (about a minute in all).
    const code = Array.isArray(e) ? (e[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code : undefined;
    const unavailable = code === 'SERVICE_UNAVAILABLE';
    if ((code === 'INTERNAL_SERVER_ERROR' || unavailable) && this.plan.resumable && this.failures < (unavailable ? 15 : 3) && this.url) {
      this.failures++;
      if (this.variables[SINCE_VAR] == null) this.variables[SINCE_VAR] = cursorAt(this.startedAt);
      this.stop?.();
      this.stop = undefined;
      const url = this.url;
      setTimeout(() => {
        if (this.listeners.size && !this.stop) this.open(url);
      }, unavailable ? Math.min(5_000, 250 * 2 ** (this.failures - 1)) : 250 * this.failures).unref();
      return;
    }
    const error = upstreamError(e);
    void this.tail.then(() => {
      for (const l of [...this.listeners]) l.fail(error);
      this.close();
    });
  }

  private onComplete() {
    void this.tail.then(() => {
      for (const l of [...this.listeners]) l.complete();
      this.close();
    });
  }

  remove(l: Downstream) {
    this.listeners.delete(l);
    if (this.listeners.size === 0) this.close();
  }

  close() {
    this.engine.primaries.delete(this.key);
    const stop = this.stop;
    this.stop = undefined;
    stop?.();
  }
}

/** The smallest UUIDv7 of a millisecond: as a `since` cursor, it means "every event from then on". */
export function cursorAt(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

function upstreamError(e: unknown): GraphQLError {
  if (Array.isArray(e)) {
    const first = e[0] as { message?: string; extensions?: Record<string, unknown> } | undefined;
    return new GraphQLError(first?.message ?? 'Subscription failed', { extensions: first?.extensions });
  }
  const code = (e as { code?: number } | null)?.code;
  if (code === 4401) return unauthenticated();
  if (code === 4403) return forbidden((e as { reason?: string }).reason || undefined);
  return new GraphQLError('The subscription source is unavailable', { originalError: e instanceof Error ? e : new Error(String((e as { reason?: string })?.reason ?? e)) });
}

/** Federated subscriptions: primary on the owning subgraph over graphql-ws, the rest of the plan per event. */
export class SubscriptionEngine {
  readonly pool: UpstreamPool;
  readonly primaries = new Map<string, Primary>();
  private services: ServiceMap = {};
  private urls = new Map<string, string>();
  private planner?: SubscriptionPlanner;
  private readonly downstreams = new Set<Downstream>();
  private readonly maxQueued: number;
  private readonly maxBytes: number;
  readonly transport: GatewayTransport;
  private readonly ownTransport: boolean;
  readonly share = new EventFetchShare();
  private readonly callers: CallersBatcher | undefined;
  private unkeyed = 0;

  constructor(private readonly opts: EngineOptions) {
    this.pool = new UpstreamPool({ retryAttempts: opts.upstreamRetryAttempts });
    this.ownTransport = !opts.transport;
    this.transport = opts.transport ?? new GatewayTransport();
    this.maxQueued = opts.maxQueuedPerConnection ?? 1_000;
    this.maxBytes = opts.maxBufferedBytes ?? 16 * 1024 * 1024;
    const window = opts.callersWindowMs ?? 1;
    this.callers = window > 0 ? new CallersBatcher({ windowMs: window, eventsOnly: true }) : undefined;
  }

  /** Takes a (new) supergraph: later subscriptions are planned against it; open ones keep their plan. */
  useSupergraph(planner: SubscriptionPlanner) {
    const urls = new Map(planner.subgraphUrls);
    for (const [name, url] of Object.entries(this.opts.subgraphUrls ?? {})) urls.set(name, url);
    this.urls = urls;
    this.services = Object.fromEntries([...urls].map(([name, url]) => [name, this.dataSource(url, name) as GraphQLDataSource]));
    this.planner = planner;
  }

  /** A per-event data source: the gateway's keep-alive transport, the caller's token, the fetch timeout. */
  private dataSource(url: string, name?: string): AuthenticatedDataSource {
    const ds = new AuthenticatedDataSource({ url }, this.share);
    this.callers?.wrap(ds, url);
    this.transport.apply(ds, name);
    const timeout = this.opts.subgraphTimeoutMs ?? 30_000;
    if (timeout !== 0) {
      const fetcher = ds.fetcher;
      ds.fetcher = ((input: never, init?: object) => fetcher(input, { ...init, timeout } as never)) as typeof fetcher;
    }
    this.callers?.learn(ds, url);
    // Outermost: per-event fetches and callers batches alike go out signed (../internal.ts).
    return signFetches(ds);
  }

  get schema() {
    return this.planner?.schema;
  }

  stats(): EngineStats {
    return {
      subscriptions: this.downstreams.size,
      upstreamSubscriptions: this.primaries.size,
      upstreamConnections: this.pool.size,
      eventFetches: this.share.fetches,
      eventFetchesShared: this.share.shared,
      eventFetchBatches: this.callers?.batches ?? 0,
      eventFetchesBatched: this.callers?.batchedFetches ?? 0,
    };
  }

  /** graphql-ws `subscribe`: returns the event stream of one downstream subscription. */
  subscribe(args: ExecutionArgs): AsyncIterableIterator<ExecutionResult> | ExecutionResult {
    const ctx = args.contextValue as SubscriptionContext;
    let plan: BoundPlan;
    if (!this.planner) return { errors: [new GraphQLError('Supergraph not loaded yet', { extensions: { code: 'SERVICE_UNAVAILABLE' } })] };
    try {
      plan = { ...this.planner.plan(args.document, args.operationName), planner: this.planner, services: this.services };
    } catch (e) {
      return { errors: [new GraphQLError((e as Error).message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] };
    }
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const since = plan.since ? ('literal' in plan.since ? plan.since.literal : ((variables[plan.since.variable] as string | null | undefined) ?? null)) : null;
    const url = this.urls.get(plan.primary.serviceName);
    if (!url) return { errors: [new GraphQLError(`No URL for subgraph ${plan.primary.serviceName}`)] };

    const downstream = new Downstream(ctx.connection, this);
    const shareable = since === null;
    const key = shareable
      ? `${plan.primary.serviceName}\n${ctx.authorization}\n${JSON.stringify(ctx.forwarded ?? null)}\n${plan.primary.operation}\n${JSON.stringify(plan.primary.variableUsages?.map((v) => variables[v]))}`
      : `${Math.random()}`;
    let primary = this.primaries.get(key);
    const fresh = !primary;
    if (!primary) {
      primary = new Primary(this, key, plan, ctx, variables, since);
      this.primaries.set(key, primary);
    }
    primary.listeners.add(downstream);
    this.downstreams.add(downstream);
    const p = primary;
    downstream.onReturn = () => {
      this.downstreams.delete(downstream);
      p.remove(downstream);
    };
    if (fresh) primary.open(url);
    return downstream;
  }

  /** Runs the non-primary part of the plan for one event, with the caller's token. */
  async executeRest(plan: BoundPlan, event: ExecutionResult, ctx: SubscriptionContext, variables: Record<string, unknown>, eventKey?: string): Promise<ExecutionResult> {
    if (!event.data) return { data: null, errors: event.errors };
    const primary: FetchNode = { ...plan.primary, serviceName: PRIMARY };
    const queryPlan: QueryPlan = { kind: 'QueryPlan', node: plan.rest ? { kind: 'Sequence', nodes: [primary, plan.rest] } : primary };
    const data = event.data;
    const serviceMap: ServiceMap = { ...plan.services, [PRIMARY]: { process: async () => ({ data: structuredClone(data) }) } };
    const requestContext = {
      request: { query: '', variables, operationName: plan.operationContext.operation.name?.value },
      context: { identity: ctx.identity, authorization: ctx.authorization, forwarded: ctx.forwarded, event: eventKey ?? `unshared:${++this.unkeyed}` } satisfies Gateway,
      logger: eventLogger,
      metrics: {},
      cache: undefined,
      overallCachePolicy: undefined,
    };
    try {
      // One span per event's execution: its per-event fetches carry its traceparent into the subgraphs.
      const result = await withSpan('gateway subscription event', { 'aleumet.service': 'gateway', 'graphql.operation.name': requestContext.request.operationName ?? '' }, () =>
        executeQueryPlan(queryPlan, serviceMap, requestContext as never, plan.operationContext, plan.planner.supergraphSchema, plan.planner.apiSchema),
      );
      const errors = [...(event.errors ?? []), ...((result.errors ?? []) as GraphQLError[])];
      return errors.length ? { data: result.data, errors: errors as GraphQLError[] } : { data: result.data };
    } catch (e) {
      return { data: null, errors: [new GraphQLError('Executing the subscription event failed', { originalError: e as Error })] };
    }
  }

  /** Closes a connection whose consumer does not keep up; its subscriptions end, others go on. */
  checkConsumer(conn: ConnectionState) {
    if (conn.closed) return;
    const bytes = conn.socket.bufferedAmount;
    if (conn.queued > this.maxQueued || bytes > this.maxBytes) {
      conn.closed = true;
      const why = conn.queued > this.maxQueued ? `more than ${this.maxQueued} events waiting` : `more than ${this.maxBytes} bytes unsent`;
      conn.socket.close(SLOW_CONSUMER_CLOSE, `Slow consumer: ${why}; reconnect and resume with since`);
    }
  }

  /** Shutdown: every open subscription completes (the client gets Complete), then upstreams close. */
  async close(): Promise<void> {
    for (const d of [...this.downstreams]) d.complete();
    // Let graphql-ws send the Complete messages before the sockets are closed.
    await new Promise((r) => setTimeout(r, 50));
    for (const p of [...this.primaries.values()]) p.close();
    await this.pool.close();
    if (this.ownTransport) this.transport.close();
  }
}
