import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { NonEmptyArray } from 'type-graphql';
import type { DemoWorld } from '@aleumet/demo-data';
import { ErrorCode, INTERNAL_SIGNATURE_HEADER, serviceUnavailable, REQUEST_ID_HEADER, identityFromHeader, internalSecret, maskError, requestIdFrom, requireInternal, withRequestId, type EntityPolicy, type Identity } from '@aleumet/core';
import { buildFederatedSchema, type ReferenceResolvers } from './federation.js';
import { readEnv, onShutdown } from './env.js';
import { initORM, migrateUp, requestScope, SqlCounter, traceStatements, type OrmOptions } from './orm.js';
import { BaseEntity } from './entity.js';
import { personsReadPlugin, recordingPersons } from './persons-read.js';
import type { CacheTagging } from '@aleumet/cache-tags';
import { handleGraphQL, handleJsonRoute, type BatchCaller, listen, closeServer, sendJson, serveGraphQLWs, OPERATION_LIMITS, isLimitMessage, operationLimits } from '@aleumet/http-kit';
import { createRuntime, type SubgraphName, type SubgraphRuntime } from '@aleumet/runtime';
import { ServiceMetrics, startTracing, callerKind, createLogger, currentRequest, loggedRequest, poolGauge, requestRecordPlugin, sendMetrics, type Logger } from '@aleumet/observability';
import { outboxGauges } from './metrics.js';
import { onceAcrossReplicas } from './job-lock.js';
import { isDatabaseUnavailable } from './unavailable.js';

export interface SubgraphContext<L = unknown> {
  em: EntityManager;
  identity: Identity | null;
  loaders: L;
  /** Clock, peer subgraph URLs and scheduler of this process (@aleumet/runtime). */
  runtime: SubgraphRuntime;
  /** In a callers batch: persons named by what this caller loaded or was shown (persons-read.ts). */
  personsSeen?: Set<string>;
}

export interface SubgraphDefinition<L> {
  name: SubgraphName;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  referenceResolvers: ReferenceResolvers;
  /** Who may read what of this subgraph's entities: one policy per guarded type (see policies.ts). */
  policies?: EntityPolicy[];
  entities: OrmOptions['entities'];
  migrations: OrmOptions['migrations'];
  createLoaders: (em: EntityManager) => L;
  /** Writes this subgraph's part of the demo world (see @aleumet/demo-data). */
  seed: (em: EntityManager, world: DemoWorld) => Promise<void>;
  isSeeded: (em: EntityManager) => Promise<boolean>;
  /** Optional: per-process live services behind Subscription fields (e.g. the outbox relay). */
  startLive?: (env: { orm: MikroORM; databaseUrl: string; metrics?: ServiceMetrics; log?: Logger }) => Promise<LiveServices>;
  /** Optional: registers background jobs (time rules, outbox senders) with the runtime's scheduler. */
  registerJobs?: (orm: MikroORM, runtime: SubgraphRuntime) => void;
  /** Optional: answers say what they read, for the gateway's entity cache (`cacheTags(hints)` of @aleumet/cache-tags). */
  cache?: CacheTagging;
  /** Optional: this subgraph's own gauges on `/metrics` (e.g. a queue's backlog), read when scraped. */
  observe?: (metrics: ServiceMetrics, orm: MikroORM) => void;
  /**
   * Optional: plain JSON routes on this subgraph's port (path → handler), signed and authenticated as
   * /graphql is, for a call on the path of nearly every request where a GraphQL execution would cost
   * more than the work itself (the audit trail's append, @aleumet/protocol AUDIT_APPEND_PATH).
   */
  internalRoutes?: Record<string, InternalRoute>;
}

/** A plain JSON route's handler: the parsed body and the caller; what it returns is answered as `{ data }`. */
export type InternalRoute = (body: unknown, ctx: { identity: Identity | null; em: EntityManager; runtime: SubgraphRuntime }) => Promise<unknown>;

export interface LiveServices {
  /** Merged into the context of every subscription (graphql-ws on the same /graphql). */
  context?: Record<string, unknown>;
  close(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  /** Apply pending migrations before serving (never drops anything). */
  migrate?: boolean;
  poolMax?: number;
  /** Shared clock / peers / scheduler; a fresh one on the system clock when absent. */
  runtime?: SubgraphRuntime;
}

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  orm: MikroORM;
  sql: SqlCounter;
  runtime: SubgraphRuntime;
  /** This subgraph's Prometheus metrics (also at `GET /metrics` on its port). */
  metrics: ServiceMetrics;
  close(): Promise<void>;
}

const REQUEST = { request: true } as const;

export const subgraphSchema = (def: SubgraphDefinition<unknown>): Promise<GraphQLSchema> =>
  buildFederatedSchema({ resolvers: def.resolvers, orphanedTypes: def.orphanedTypes }, def.referenceResolvers, def.policies);

export function openOrm(def: SubgraphDefinition<unknown>, opts: Pick<StartOptions, 'databaseUrl' | 'poolMax'>) {
  return initORM({ schema: def.name, databaseUrl: opts.databaseUrl, entities: [BaseEntity, ...(def.entities as never[])], migrations: def.migrations, poolMax: opts.poolMax });
}

/**
 * Only the gateway and other subgraphs reach a subgraph's /graphql (HTTP and graphql-ws): every request
 * carries the internal signature (@aleumet/core internal.ts), whatever bearer token it also carries.
 * The bearer token is still verified here and every read still authorized for its caller.
 */
const requireGateway = (req: http.IncomingMessage, body: Buffer) =>
  requireInternal(req.headers[INTERNAL_SIGNATURE_HEADER], { method: req.method ?? 'GET', path: req.url ?? '/', body });

const originalOf = (e: unknown) => (e && typeof e === 'object' && 'originalError' in e && (e as { originalError?: unknown }).originalError) || e;

/** SERVICE_UNAVAILABLE (the cause logged) when `error` is a database that cannot be reached (unavailable.ts), else null. */
function databaseUnavailable(log: Logger, error: unknown) {
  if (!isDatabaseUnavailable(error)) return null;
  log.warn({ err: error }, 'database unavailable');
  return serviceUnavailable('The database cannot be reached now; try again later');
}

/**
 * The gateway's limits (http-kit limits.ts) give QUERY_TOO_COMPLEX here too; a database that cannot be
 * reached gives SERVICE_UNAVAILABLE (unavailable.ts), not a masked internal error.
 */
function formatSubgraphError(log: Logger) {
  const mask = maskError((correlationId, error) => log.error({ correlationId, err: originalOf(error) }, 'internal error (masked)'));
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unavailable = formatted.extensions?.code !== ErrorCode.SERVICE_UNAVAILABLE && databaseUnavailable(log, originalOf(error));
    if (unavailable) return { message: unavailable.message, locations: formatted.locations, path: formatted.path, extensions: unavailable.extensions };
    return mask(isLimitMessage(formatted.message)
      ? { message: formatted.message.replace(/^Syntax Error:\s*/, ''), locations: formatted.locations, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } }
      : formatted, error);
  };
}

export async function startSubgraph<L>(def: SubgraphDefinition<L>, opts: StartOptions): Promise<RunningSubgraph> {
  // A production subgraph without INTERNAL_SECRET does not start.
  internalSecret();
  const orm = await openOrm(def as SubgraphDefinition<unknown>, opts);
  if (opts.migrate) await migrateUp(orm);
  const sql = new SqlCounter(orm);
  traceStatements(orm, def.name);
  const log = createLogger(def.name);
  const metrics = new ServiceMetrics(def.name);
  poolGauge(metrics, () => (orm.em.getConnection().getKnex().client as { pool?: never }).pool);
  outboxGauges(metrics, orm, def.name);
  def.observe?.(metrics, orm);
  const ownRuntime = !opts.runtime;
  const runtime = opts.runtime ?? createRuntime();
  // One replica at a time runs each of this subgraph's jobs (job-lock.ts).
  runtime.scheduler.guard(def.name, onceAcrossReplicas(orm));
  def.registerJobs?.(orm, runtime);
  const schema = await subgraphSchema(def as SubgraphDefinition<unknown>);
  const cache = def.cache;
  cache?.attach(orm, schema, (def.policies ?? []).map((p) => p.type));
  // The gateway's limits, for the documents its query planner makes (see @aleumet/http-kit limits.ts).
  const limits = operationLimits(OPERATION_LIMITS, { production: process.env.NODE_ENV === 'production', planned: true });
  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema,
    plugins: [ApolloServerPluginInlineTraceDisabled(), requestRecordPlugin(), personsReadPlugin(), ...(cache ? [cache.plugin as ApolloServerPlugin<SubgraphContext<L>>] : []), ...(limits.plugins as ApolloServerPlugin<SubgraphContext<L>>[])],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: formatSubgraphError(log),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    // The gateway's request id: this subgraph's masked errors and their log lines carry the id the client got.
    const requestId = () => {
      const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    };
    const route = def.internalRoutes?.[path];
    if (route) {
      const run = async (body: unknown) => {
        const identity = await identityFromHeader(req.headers.authorization);
        try {
          return await route(body, { identity, em: orm.em.fork(), runtime });
        } catch (e) {
          throw databaseUnavailable(log, e) ?? e;
        }
      };
      void withRequestId(requestId(), () => loggedRequest(log, metrics, req, res, () => void requestScope.run(REQUEST, () => handleJsonRoute(req, res, run, requireGateway))));
      return;
    }
    if (path === '/health') {
      orm.em.getConnection().execute('select 1').then(
        () => sendJson(res, 200, { status: 'ok', subgraph: def.name }),
        () => sendJson(res, 503, { status: 'database unavailable', subgraph: def.name }),
      );
      return;
    }
    // Subgraph ports are reached only from inside (the gateway, other subgraphs, the monitoring network).
    if (path === '/metrics' && req.method === 'GET') return sendMetrics(metrics, res);
    if (path !== '/graphql') return sendJson(res, 404, { error: 'not found' });
    // Several callers of one query (callers batch) share one set of loaders: a row several of them need is
    // read once, and each caller's resolvers still authorize it for that caller. Each has its own
    // EntityManager for its other reads, and the persons its loads and views named (for the audit).
    const contextFor = (authorization: string | undefined, sharedLoaders?: L) => async () => {
      const identity = await identityFromHeader(authorization);
      const record = currentRequest();
      if (record) record.caller = sharedLoaders ? 'callers-batch' : callerKind(identity);
      const em = orm.em.fork();
      if (!sharedLoaders) return { em, identity, loaders: def.createLoaders(em), runtime } satisfies SubgraphContext<L>;
      const personsSeen = new Set<string>();
      return { em, identity, loaders: recordingPersons(sharedLoaders, personsSeen), runtime, personsSeen } satisfies SubgraphContext<L>;
    };
    const callers = () => {
      const loaders = def.createLoaders(orm.em.fork());
      return (caller: BatchCaller) => ({
        context: contextFor(caller.authorization, loaders),
        run: <T>(fn: () => Promise<T>) => (caller.requestId ? withRequestId(requestIdFrom(caller.requestId), fn) : fn()),
      });
    };
    const handle = () => handleGraphQL(apollo, req, res, contextFor(req.headers.authorization), callers, requireGateway);
    void withRequestId(requestId(), () => loggedRequest(log, metrics, req, res, () => void requestScope.run(REQUEST, () => (cache ? cache.track(handle) : handle()))));
  });
  // Idle sockets outlive the gateway's pool timeout (4 s), so the gateway always closes first.
  server.keepAliveTimeout = 65_000;
  const live = await def.startLive?.({ orm, databaseUrl: opts.databaseUrl, metrics, log });
  const ws = schema.getSubscriptionType()
    ? serveGraphQLWs(server, {
        schema,
        internalOnly: true,
        validationRules: limits.validationRules as ValidationRule[],
        formatError: formatSubgraphError(log),
        context: (identity) => {
          const em = orm.em.fork();
          return { em, identity, loaders: def.createLoaders(em), runtime, ...live?.context };
        },
      })
    : undefined;
  const url = await listen(server, opts.port ?? 0, opts.host);
  return {
    name: def.name,
    url: `${url}/graphql`,
    orm,
    sql,
    runtime,
    metrics,
    async close() {
      if (ownRuntime) await runtime.scheduler.stop();
      await ws?.dispose();
      await live?.close();
      await closeServer(server);
      await apollo.stop();
      await orm.close();
    },
  };
}

/** Seeds the demo world into an empty subgraph, in one transaction; returns false when data exists. */
export async function seedSubgraph(def: SubgraphDefinition<unknown>, orm: MikroORM, world: DemoWorld): Promise<boolean> {
  const em = orm.em.fork();
  if (await def.isSeeded(em)) return false;
  await em.transactional((tx) => def.seed(tx, world));
  return true;
}

/** Entry point of a subgraph process: configuration from the environment, clean shutdown on signals. */
export async function runSubgraphMain(def: SubgraphDefinition<unknown>, defaultPort: number) {
  const env = readEnv({ defaultPort });
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; off otherwise.
  const tracing = startTracing();
  const running = await startSubgraph(def, { databaseUrl: env.databaseUrl, port: env.port, host: env.host, migrate: env.migrate });
  createLogger(def.name).info({ url: running.url }, 'subgraph ready');
  running.runtime.scheduler.start();
  onShutdown(async () => {
    await running.close();
    await tracing?.shutdown();
  });
}
