import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of one service (the gateway or a subgraph): its own registry, so services that
 * share a process (`npm start`, tests) each answer `/metrics` with their own numbers, labelled
 * `service`. Every metric is named here once; `docs/operations.md` says what each one means and which
 * alert watches it.
 */

/** Seconds: GraphQL requests and subgraph fetches (5 ms … 30 s, the gateway's subgraph timeout). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds: from an event's commit to its delivery (in-process ≈ ms, polled ≈ 1 s, stuck = minutes). */
const LAG_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300];

/** Operation names come from callers: at most this many distinct ones get their own label value. */
const MAX_OPERATION_LABELS = 500;

/** How a request ended: `ok`, or its first error code (a bounded set: @aleumet/core's codes). */
export type Outcome = string;

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests: Counter<'operation' | 'type' | 'caller' | 'outcome'>;
  readonly requestDuration: Histogram<'operation' | 'type' | 'outcome'>;
  readonly subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  readonly subgraphFetchErrors: Counter<'subgraph' | 'reason'>;
  readonly rateLimitRefusals: Counter<'caller'>;
  readonly eventDeliveryLag: Histogram<'stage'>;

  constructor(readonly service: string, opts: { processMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ service });
    if (opts.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'aleumet_process_' });
    const registers = [this.registry];
    const counter = <L extends string>(name: string, help: string, labelNames: L[]) => new Counter<L>({ name, help, labelNames, registers });
    const histogram = <L extends string>(name: string, help: string, labelNames: L[], buckets: number[]) => new Histogram<L>({ name, help, labelNames, buckets, registers });
    this.requests = counter('aleumet_requests_total', 'GraphQL operations answered, by operation name, type, caller kind and outcome (ok or the first error code)', ['operation', 'type', 'caller', 'outcome']);
    this.requestDuration = histogram('aleumet_request_duration_seconds', 'Time from receiving a GraphQL request to its answer', ['operation', 'type', 'outcome'], LATENCY_BUCKETS);
    this.subgraphFetchDuration = histogram('aleumet_subgraph_fetch_duration_seconds', 'Gateway: one HTTP request to a subgraph (a step of a query plan or a subscription event)', ['subgraph', 'outcome'], LATENCY_BUCKETS);
    this.subgraphFetchErrors = counter('aleumet_subgraph_fetch_errors_total', 'Gateway: subgraph requests that failed (unreachable, timeout, HTTP error status)', ['subgraph', 'reason']);
    this.rateLimitRefusals = counter('aleumet_rate_limit_refusals_total', 'Gateway: operations refused by the rate limit, by caller kind', ['caller']);
    this.eventDeliveryLag = histogram('aleumet_event_delivery_lag_seconds', "From an event's commit to its hand-over to this process's live subscribers (stage `relay`)", ['stage'], LAG_BUCKETS);
  }

  /** A bounded label for a client-given operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return '(invalid)';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return '(other)';
    this.operations.add(name);
    return name;
  }

  /** One answered operation. */
  observeRequest(r: { operation?: string | null; type?: string; caller: string; outcome: Outcome; seconds: number }): void {
    const operation = this.operationLabel(r.operation);
    const type = r.type ?? 'unknown';
    this.requests.inc({ operation, type, caller: r.caller, outcome: r.outcome });
    this.requestDuration.observe({ operation, type, outcome: r.outcome === 'ok' ? 'ok' : 'error' }, r.seconds);
  }

  /**
   * A gauge read when scraped (backlogs, pool use, open subscriptions): `read` returns one value per
   * label set. A failing read leaves the metric out of that scrape.
   */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], read: () => Promise<[Partial<Record<L, string>>, number][]> | [Partial<Record<L, string>>, number][]): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          for (const [labels, value] of await read()) this.set(labels as never, value);
        } catch {
          // Database down during a scrape: the backlog is unknown, not zero.
        }
      },
    });
  }

  /** A counter kept elsewhere (e.g. the entity cache's statistics), read when scraped. */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[], read: () => [Partial<Record<L, string>>, number][]): Counter<L> {
    return new Counter<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, value] of read()) if (value > 0) this.inc(labels as never, value);
      },
    });
  }

  /** The text format Prometheus scrapes. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** `pg`/knex pool use (tarn): connections in use, idle, and requests waiting for one. */
export interface PoolLike {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max?: number;
}

export function poolGauge(metrics: ServiceMetrics, pool: () => PoolLike | undefined): void {
  metrics.gauge('aleumet_db_pool_connections', 'Database pool connections by state (used, free, pending = requests waiting for one)', ['state'], () => {
    const p = pool();
    if (!p) return [];
    return [[{ state: 'used' }, p.numUsed()], [{ state: 'free' }, p.numFree()], [{ state: 'pending' }, p.numPendingAcquires()]];
  });
}
