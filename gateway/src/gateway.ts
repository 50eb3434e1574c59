import type http from 'node:http';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { internalSecret } from '@aleumet/core';
import { listen, closeServer } from '@aleumet/http-kit';
import { GatewayTransport, type TransportOptions } from './transport.js';
import { startGatewaySubscriptions, type GatewaySubscriptions } from './subscriptions/index.js';
import { supergraphFile, type SupergraphStatus } from './supergraph-file.js';
import { withFederationFixes } from './federation-fixes.js';
import { withScalarParsers } from './scalars.js';
import { mergeLimits, useLimits, type GatewayLimits } from './limits.js';
import { createSecurity, unauthenticatedStatus, type SecurityOptions } from './security/index.js';
import { createWsGuard } from './security/ws.js';
import type { AuditBatchStats } from './security/audit.js';
import { EntityCache, type EntityCacheOptions } from './cache/entity-cache.js';
import { printPublicSchema } from './public-schema.js';
import { assertSupportedApollo } from './apollo-internals.js';
import { federatedGateway } from './subgraph-calls.js';
import { createPipeline } from './pipeline.js';
import { createHttpServer, forwardedHeaders } from './http.js';
import { sharedExecutions, type ShareExecutions, type SharingStats } from './shared-executions.js';
import type { GatewayContext } from './context.js';
import { gatewayMetrics, startMetricsListener, type MetricsListenOptions } from './observe.js';
import { createLogger, requestRecordPlugin, type ServiceMetrics } from '@aleumet/observability';

export type { GatewayContext } from './context.js';

export interface GatewayOptions {
  supergraphPath: string;
  port?: number;
  host?: string;
  /** Subgraph URL per subgraph name, overriding the URLs written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Built web app to serve at `/`. */
  webDir?: string;
  /**
   * `jwt` (default): bearer tokens are verified here, then forwarded. `none` (development only):
   * requests are forwarded unverified, for subgraphs that authorize on their own.
   */
  auth?: 'jwt' | 'none';
  /** Watch the supergraph file: wait for it if missing, swap to every new valid version. */
  watchSupergraph?: boolean;
  /** Abort a subgraph request after this many milliseconds (default 30 000; 0: never). */
  subgraphTimeoutMs?: number;
  /** Operation limits (depth, aliases, tokens, directives, cost) besides `security.limits`: the stricter of each applies. */
  limits?: GatewayLimits;
  /** Request headers (besides `authorization`) copied to every subgraph request. */
  forwardHeaders?: string[];
  /** How long `close()` waits for in-flight requests before cutting connections (default 10 s). */
  drainTimeoutMs?: number;
  /** Apollo Server's CSRF prevention (default on: GET queries need a `content-type` or `apollo-require-preflight` header). */
  csrfPrevention?: boolean;
  /** Identical concurrent queries share one execution (shared-executions.ts); default `anonymous`. */
  shareExecutions?: ShareExecutions;
  /** Corrections where plain @apollo/gateway is wrong (see federation-fixes.ts); default on. */
  federationFixes?: boolean;
  /** Execution levers (measured one by one in bench/, each on by default). */
  execution?: ExecutionOptions;
  /** Called once the port listens, before the supergraph is loaded (`/health` answers 503 until then, see `/health/supergraph`). */
  onListening?: (url: string) => void;
  /** Subgraph transport levers: keep-alive pool, deduplicated `_entities` (transport.ts; measured in bench/). */
  transport?: TransportOptions;
  /** Per-event fetches of one event wait this long for other subscribers' to go as one callers batch (ms; default 1; 0: off). */
  callersWindowMs?: number;
  /**
   * Entity cache of subgraph answers, per caller, invalidated by the change channel of the database given
   * in `entityCache.databaseUrl` (cache/; measured in bench/). Off without it; `false` turns it off.
   */
  entityCache?: EntityCacheOptions | false;
  /**
   * Integrators and hardening (security/): API keys, client credentials, rate limits, trusted documents,
   * limits, introspection, audit. Production behaviour follows NODE_ENV unless `security.mode` is given.
   */
  security?: SecurityOptions;
  /**
   * Prometheus `/metrics` on a listener of its own (the main port is public): `{ port, host }`; absent or
   * `false`: not served (the numbers are still in `RunningGateway.metrics`).
   */
  metrics?: MetricsListenOptions | false;
}

export interface ExecutionOptions {
  /** Shape answers with the operation compiled once (result-shaping.ts) instead of Apollo's per-request walk (needs `federationFixes`). */
  compiledShaping?: boolean;
  /**
   * An entity fetch waits for a later fetch of the same subgraph at the same path to go as one request with it
   * (plan-merge.ts; the transport's `batchEntities` sends them together); needs `federationFixes`.
   */
  mergeFetches?: boolean;
  /**
   * Run plans with @apollo/gateway's `executeQueryPlan` loaded with two allocation-heavy helpers changed
   * (apollo-internals.ts `leanExecutor`: path flattening without an array per element and level, entity
   * representations as ordinary objects); needs `federationFixes`.
   */
  leanExecutor?: boolean;
}

export interface RunningGateway {
  url: string;
  server: http.Server;
  /** Which supergraph is served, and whether the last file change was applied. */
  supergraph: SupergraphStatus;
  /** Subgraph calls: keep-alive pool, `_entities` deduplication and query-plan cache statistics. */
  transport: GatewayTransport;
  /** Federated subscriptions over graphql-ws (stats, engine). */
  subscriptions: GatewaySubscriptions;
  /** Audit group commit of every operation's rows: INSERT statements vs rows (null without audit). */
  auditStats: AuditBatchStats | null;
  /** The entity cache (null when off or without its database URL). */
  entityCache: EntityCache | null;
  /** Executions run, and requests answered with another identical request's execution. */
  sharing: SharingStats;
  /** Prometheus metrics of this gateway. */
  metrics: ServiceMetrics;
  /** `http://host:port/metrics` when served. */
  metricsUrl: string | null;
  /** Stops taking requests, lets in-flight ones finish (up to `drainTimeoutMs`), then stops. */
  close(): Promise<void>;
}

/**
 * The gateway: @apollo/gateway behind one operation pipeline (pipeline.ts) that HTTP (http.ts) and
 * graphql-ws (subscriptions/, security/ws.ts) both run, on one node:http server.
 */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  // Internals of @apollo/gateway are used (apollo-internals.ts): refuse a version they were not checked against.
  assertSupportedApollo();
  // A production gateway without INTERNAL_SECRET does not start: the subgraphs would refuse all it sends.
  internalSecret();
  // Read now so a missing file fails start-up at once (unless we are asked to wait for it).
  if (!opts.watchSupergraph) readFileSync(opts.supergraphPath, 'utf8');
  const source = supergraphFile(opts.supergraphPath, { watch: opts.watchSupergraph });
  const transport = new GatewayTransport(opts.transport);
  const gateway = federatedGateway(source.hook, transport, opts);
  const entityCache = opts.entityCache && opts.entityCache.databaseUrl ? new EntityCache(opts.entityCache.databaseUrl, opts.entityCache) : null;
  transport.cache = entityCache;
  void entityCache?.start();
  const security = createSecurity(opts.security, (url, init) => transport.fetch(url, { method: 'POST', ...init }));
  const log = createLogger('gateway');

  // The public contract (`GET /schema.graphql`) and the integrator directory, from the supergraph being served.
  let publicSdl: string | null = null;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl, apiSchema }) => {
    withScalarParsers(apiSchema);
    security.useSupergraph(coreSupergraphSdl, opts.subgraphUrls);
    try {
      publicSdl = printPublicSchema(coreSupergraphSdl);
    } catch (e) {
      log.error({ err: e }, 'cannot print the public schema');
    }
  });

  const limits = mergeLimits(security.config.limits, opts.limits);
  const [rateLimit, ...checks] = security.steps;
  const subscriptionsRef: { current?: GatewaySubscriptions } = {};
  const observed = gatewayMetrics({ transport, entityCache, subscriptions: () => subscriptionsRef.current });
  const pipeline = createPipeline([
    observed.countRefusals(rateLimit!),
    ...(limits ? [useLimits(limits, { production: security.config.production })] : []),
    ...checks,
    ...(entityCache ? [entityCache.step()] : []),
    security.errors,
  ]);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: opts.federationFixes === false ? gateway : withFederationFixes(gateway, opts.execution),
    formatError: pipeline.formatError,
    includeStacktraceInErrorResponses: false,
    // Who may introspect is the pipeline's decision (security/introspection.ts: admins only in production);
    // Apollo's own default would refuse everyone, admins included, when NODE_ENV=production.
    introspection: true,
    // Signals are ours (drain first, then stop): Apollo's own handler would stop mid-request.
    stopOnTerminationSignals: false,
    csrfPrevention: opts.csrfPrevention ?? true,
    plugins: [requestRecordPlugin(), ...pipeline.apolloPlugins(), unauthenticatedStatus],
    validationRules: pipeline.validationRules,
    parseOptions: pipeline.parseOptions,
  });

  let ready = false;
  let draining = false;
  const auth = opts.auth ?? 'jwt';
  const forwarded = forwardedHeaders(opts.forwardHeaders);
  const executor = sharedExecutions(apollo, { mode: opts.shareExecutions ?? 'anonymous', forwardedHeaders: opts.forwardHeaders ?? [] });
  const server = createHttpServer({
    apollo, executor, security, pipeline, forwarded, auth, webDir: opts.webDir, log, metrics: observed.metrics,
    state: () => ({ ready, draining }),
    supergraphStatus: () => source.status,
    publicSchema: () => publicSdl,
  });
  // graphql-ws on the same port and /graphql path (subscriptions/), through the same pipeline.
  const subscriptions = startGatewaySubscriptions({
    server, gateway, apollo: apollo as never, subgraphUrls: opts.subgraphUrls,
    guard: createWsGuard(security, pipeline, { auth }),
    pipeline,
    // Per-event fetches share the HTTP queries' keep-alive pool and timeout.
    transport, subgraphTimeoutMs: opts.subgraphTimeoutMs, callersWindowMs: opts.callersWindowMs,
    // `forwardHeaders` from the WebSocket upgrade request, as from an HTTP request.
    forwarded: forwarded.of,
  });
  subscriptionsRef.current = subscriptions;
  const base = await listen(server, opts.port ?? 4000, opts.host);
  const metricsListener = opts.metrics ? await startMetricsListener(observed.metrics, opts.metrics) : null;
  opts.onListening?.(`${base}/graphql`);
  try {
    await apollo.start();
  } catch (e) {
    source.stop();
    await entityCache?.close();
    await security.close();
    await closeServer(server);
    await metricsListener?.close();
    throw e;
  }
  source.markLoaded();
  ready = true;
  return {
    url: `${base}/graphql`,
    server,
    supergraph: source.status,
    transport,
    subscriptions,
    auditStats: security.auditBatcher?.stats ?? null,
    entityCache,
    sharing: executor.stats,
    metrics: observed.metrics,
    metricsUrl: metricsListener?.url ?? null,
    async close() {
      draining = true;
      await subscriptions.close();
      const cut = setTimeout(() => server.closeAllConnections(), opts.drainTimeoutMs ?? 10_000);
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      try {
        await closeServer(server);
      } finally {
        clearTimeout(cut);
        clearInterval(idle);
      }
      source.stop();
      await apollo.stop();
      await security.close();
      transport.close();
      await entityCache?.close();
      await metricsListener?.close();
    },
  };
}
