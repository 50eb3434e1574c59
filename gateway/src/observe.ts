import type http from 'node:http';
import { listen, closeServer } from '@aleumet/http-kit';
import { ServiceMetrics, metricsServer } from '@aleumet/observability';
import type { GatewayTransport } from './transport.js';
import type { EntityCache } from './cache/entity-cache.js';
import type { GatewaySubscriptions } from './subscriptions/index.js';
import type { Step } from './pipeline.js';

export interface MetricsListenOptions {
  port: number;
  host?: string;
}

/**
 * The gateway's Prometheus metrics: requests (observability requests.ts), subgraph fetches (transport.ts),
 * and, read when scraped, the entity cache's counters, open subscriptions and rate-limit refusals.
 */
export function gatewayMetrics(parts: { transport: GatewayTransport; entityCache: EntityCache | null; subscriptions: () => GatewaySubscriptions | undefined }) {
  const metrics = new ServiceMetrics('gateway');
  parts.transport.metrics = metrics;
  const cache = parts.entityCache;
  if (cache) {
    metrics.counter('aleumet_entity_cache_events_total', 'Entity cache: hit, miss, store, invalidation (entries dropped by a change), bypass (could not be sure it was fresh)', ['event'], () => [
      [{ event: 'hit' }, cache.stats.hits],
      [{ event: 'miss' }, cache.stats.misses],
      [{ event: 'store' }, cache.stats.stores],
      [{ event: 'invalidation' }, cache.stats.invalidated],
      [{ event: 'bypass' }, cache.stats.bypassed],
    ]);
    metrics.gauge('aleumet_entity_cache_entries', 'Entity cache: answers held', [], () => [[{}, cache.size]]);
    metrics.gauge('aleumet_entity_cache_connected', 'Entity cache: 1 while change notifications arrive (else every fetch bypasses the cache)', [], () => [[{}, cache.feed.connected ? 1 : 0]]);
  }
  metrics.gauge('aleumet_subscriptions_open', 'Open client subscriptions (graphql-ws), and their upstream subscriptions to subgraphs', ['side'], () => {
    const s = parts.subscriptions()?.engine.stats();
    return s ? [[{ side: 'client' }, s.subscriptions], [{ side: 'upstream' }, s.upstreamSubscriptions]] : [];
  });
  return {
    metrics,
    /** The rate-limit step, counting its refusals. */
    countRefusals(step: Step): Step {
      const counted = <A extends unknown[]>(fn: ((...a: A) => void) | undefined, caller: (...a: A) => string) =>
        fn &&
        ((...a: A) => {
          try {
            fn(...a);
          } catch (e) {
            if ((e as { extensions?: { code?: unknown } }).extensions?.code === 'RATE_LIMITED') metrics.rateLimitRefusals.inc({ caller: caller(...a) });
            throw e;
          }
        });
      return {
        ...step,
        admit: counted(step.admit?.bind(step), (ctx) => ctx.security?.via ?? 'anonymous'),
        operation: counted(step.operation?.bind(step), (op) => op.context.security?.via ?? 'anonymous'),
        unresolved: counted(step.unresolved?.bind(step), (ctx) => ctx.security?.via ?? 'anonymous'),
      };
    },
  };
}

/** `/metrics` on its own port. */
export async function startMetricsListener(metrics: ServiceMetrics, opts: MetricsListenOptions): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
  const server = metricsServer(metrics);
  const base = await listen(server, opts.port, opts.host);
  return { url: `${base}/metrics`, server, close: () => closeServer(server) };
}
