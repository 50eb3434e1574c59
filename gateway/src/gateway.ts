import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, currentRequestId, identityFromHeader, internalSecret, maskError, requestIdFrom, withRequestId, type Identity } from '@aleumet/core';
import { handleGraphQL, listen, closeServer, sendJson, sendGraphQLError } from '@aleumet/server-kit';
import { staticFiles } from './static.js';
import { GatewayTransport, type TransportOptions } from './transport.js';
import { signFetches } from './internal.js';
import { startGatewaySubscriptions, type GatewaySubscriptions } from './subscriptions/index.js';
import { supergraphFile, type SupergraphStatus } from './supergraph-file.js';
import { withFederationFixes } from './federation-fixes.js';
import { withScalarParsers } from './scalars.js';
import { limitProtections, type GatewayLimits } from './limits.js';
import { createSecurity, type RequestSecurity, type SecurityOptions } from './security/index.js';
import { createWsGuard } from './security/ws.js';
import type { AuditBatchStats } from './security/audit.js';
import { EntityCache, type EntityCacheOptions } from './cache/entity-cache.js';
import { printPublicSchema } from './public-schema.js';
import { assertSupportedApollo } from './apollo-internals.js';

export interface GatewayContext {
  identity: Identity | null;
  authorization?: string;
  /** Further request headers copied to every subgraph request (`forwardHeaders`). */
  forwarded?: Record<string, string>;
  /** Per-request state of the security layer (integrator client, request id); see security/. */
  security?: RequestSecurity;
  /** Set for operations that must not use the entity cache (mutations; see cache/). */
  cacheOff?: boolean;
  cacheSync?: Promise<boolean>;
  /** The HTTP request's id (answered in `x-request-id`, forwarded to every subgraph). */
  requestId?: string;
}

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
  /** Operation limits (depth, aliases, tokens, directives, cost); none when omitted. */
  limits?: GatewayLimits;
  /** Request headers (besides `authorization`) copied to every subgraph request. */
  forwardHeaders?: string[];
  /** How long `close()` waits for in-flight requests before cutting connections (default 10 s). */
  drainTimeoutMs?: number;
  /** Apollo Server's CSRF prevention (default on: GET queries need a `content-type` or `apollo-require-preflight` header). */
  csrfPrevention?: boolean;
  /** Corrections where plain @apollo/gateway is wrong (see federation-fixes.ts); default on. */
  federationFixes?: boolean;
  /** Called once the port listens, before the supergraph is loaded (`/health` answers 503 until then, see `/health/supergraph`). */
  onListening?: (url: string) => void;
  /** Subgraph transport levers: keep-alive pool, deduplicated `_entities` (transport.ts; measured in bench/). */
  transport?: TransportOptions;
  /** Per-event fetches of one event wait this long for other subscribers' to go as one callers batch (ms; default 1; 0: off). */
  callersWindowMs?: number;
  /**
   * Entity cache of subgraph answers, per caller, invalidated by table-change notifications (cache/;
   * measured in bench/). On by default when `security.databaseUrl` is given; `false` turns it off.
   */
  entityCache?: EntityCacheOptions | false;
  /**
   * Integrators and hardening (security/): API keys, client credentials, rate limits, trusted documents,
   * limits, introspection, audit. Production behaviour follows NODE_ENV unless `security.mode` is given.
   */
  security?: SecurityOptions;
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
  /** Audit group commit of HTTP requests: INSERT statements vs rows (null without audit). */
  auditStats: AuditBatchStats | null;
  /** The entity cache (null when off or without a database URL). */
  entityCache: EntityCache | null;
  /** Stops taking requests, lets in-flight ones finish (up to `drainTimeoutMs`), then stops. */
  close(): Promise<void>;
}

/** Forwards the caller's verified token (every subgraph authorizes again, on its own) and the request id. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
    if ('forwarded' in context && context.forwarded) {
      for (const [name, value] of Object.entries(context.forwarded as Record<string, string>)) request.http?.headers.set(name, value);
    }
    // The id the client is answered with is the one the subgraphs log; a forwarded x-request-id (the operator's
    // `forwardHeaders`) is that id over HTTP, and a graphql-ws connection's own over the socket.
    const requestId = (context as GatewayContext).requestId ?? (context as GatewayContext).security?.requestId;
    if (requestId && !request.http?.headers.get(REQUEST_ID_HEADER)) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  /**
   * A subgraph refuses a request it cannot coerce (a variable of the wrong type) with HTTP 400 and a
   * BAD_USER_INPUT error: pass that error on instead of the generic "400: Bad Request" (an internal error).
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions?.response as { body?: { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } } | undefined)?.body;
    const first = response.status === 400 && Array.isArray(body?.errors) ? body.errors[0] : undefined;
    if (first?.extensions?.code !== 'BAD_USER_INPUT' || typeof first.message !== 'string') return error;
    const { code: _code, ...rest } = first.extensions;
    return new GraphQLError(first.message, { extensions: { ...rest, code: 'BAD_USER_INPUT' } });
  }
}

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherAnswer = Awaited<ReturnType<Fetcher>>;

/**
 * A subgraph refusing a request answers with a non-2xx status (401 for UNAUTHENTICATED) and a GraphQL body.
 * RemoteGraphQLDataSource would turn that into an error of its own ("401: Unauthorized", with the
 * subgraph's URL and raw body in `extensions.response`); handed over as an ordinary answer instead, the
 * subgraph's own errors reach the client with their codes, messages and paths.
 */
function graphqlAnswersAsOk(fetcher: Fetcher): Fetcher {
  return (async (input: never, init?: never) => {
    const res = (await fetcher(input, init)) as FetcherAnswer;
    if (res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return res;
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return res;
    }
    if (!body || typeof body !== 'object' || !Array.isArray((body as { errors?: unknown }).errors)) return res;
    const text = JSON.stringify(body);
    return Object.create(res, {
      ok: { value: true },
      json: { value: async () => JSON.parse(text) },
      text: { value: async () => text },
    }) as FetcherAnswer;
  }) as Fetcher;
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  // Internals of @apollo/gateway are used (apollo-internals.ts): refuse a version they were not checked against.
  assertSupportedApollo();
  // A production gateway without INTERNAL_SECRET does not start: the subgraphs would refuse all it sends.
  internalSecret();
  // Read now so a missing file fails start-up at once (unless we are asked to wait for it).
  if (!opts.watchSupergraph) readFileSync(opts.supergraphPath, 'utf8');
  const source = supergraphFile(opts.supergraphPath, { watch: opts.watchSupergraph });
  const transport = new GatewayTransport(opts.transport);
  // @apollo/gateway otherwise reports usage to Apollo and probes cloud metadata endpoints (AWS, GCP, Azure)
  // at start-up: a public-sector gateway sends nothing anywhere unless told to.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: source.hook,
    buildService: ({ name, url }) => {
      const dataSource = transport.apply(new AuthenticatedDataSource({ url: opts.subgraphUrls?.[name] ?? url }));
      // Never a hung request: every subgraph call ends (default 30 s; 0 turns the timeout off).
      if (opts.subgraphTimeoutMs !== 0) {
        const fetcher = dataSource.fetcher;
        const timeout = opts.subgraphTimeoutMs ?? 30_000;
        dataSource.fetcher = ((input: never, init?: object) => fetcher(input, { ...init, timeout } as never)) as typeof fetcher;
      }
      dataSource.fetcher = graphqlAnswersAsOk(dataSource.fetcher);
      // Subgraphs answer only requests signed with the internal secret (internal.ts); outermost, over the bytes sent.
      return signFetches(dataSource);
    },
  });
  transport.instrument(gateway);
  // The public contract (`GET /schema.graphql`), from the supergraph being served: what codegen tools read.
  let publicSdl: string | null = null;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    try {
      publicSdl = printPublicSchema(coreSupergraphSdl);
    } catch (e) {
      console.error('[gateway] cannot print the public schema', e);
    }
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => withScalarParsers(apiSchema));
  const cacheDb = opts.security?.databaseUrl;
  const entityCache = opts.entityCache !== false && cacheDb ? new EntityCache(cacheDb, opts.entityCache) : null;
  transport.cache = entityCache;
  void entityCache?.start();
  const limits = opts.limits ? limitProtections(opts.limits) : null;
  const security = createSecurity(opts.security);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: opts.federationFixes === false ? gateway : withFederationFixes(gateway),
    formatError: security.formatError,
    includeStacktraceInErrorResponses: false,
    // Who may introspect is the security layer's decision (security/introspection.ts: admins only in
    // production); Apollo's own default would refuse everyone, admins included, when NODE_ENV=production.
    introspection: true,
    // Signals are ours (drain first, then stop): Apollo's own handler would stop mid-request.
    stopOnTerminationSignals: false,
    csrfPrevention: opts.csrfPrevention ?? true,
    // graphql-armor is typed against Apollo's CommonJS build; same objects at run time.
    plugins: [
      ...((limits?.plugins ?? []) as unknown as ApolloServerPlugin<GatewayContext>[]),
      ...security.plugins,
      ...(entityCache ? [entityCache.plugin() as ApolloServerPlugin<GatewayContext>] : []),
    ],
    validationRules: [...(limits?.validationRules ?? []), ...security.validationRules],
    parseOptions: security.parseOptions,
  });
  const serveWeb = opts.webDir ? staticFiles(opts.webDir) : null;
  const forward = (opts.forwardHeaders ?? []).map((h) => h.toLowerCase()).filter((h) => h !== 'authorization');
  const forwarded = (req: http.IncomingMessage) => {
    const out: Record<string, string> = {};
    for (const h of forward) {
      const v = req.headers[h];
      if (typeof v === 'string') out[h] = v;
    }
    return out;
  };
  /** An HTTP request's forwarded headers: x-request-id, when forwarded, is the id the request was answered with. */
  const forwardedHttp = (req: http.IncomingMessage) => {
    const out = forwarded(req);
    const id = currentRequestId();
    if (forward.includes(REQUEST_ID_HEADER) && id) out[REQUEST_ID_HEADER] = id;
    return out;
  };
  let ready = false;
  let draining = false;

  const server = http.createServer((req, res) => {
    // One id per request, on every answer: masked errors, subgraph logs and audit rows carry the same. A
    // proxy's id is taken only when the operator forwards that header (`forwardHeaders: ['x-request-id']`).
    const requestId = forward.includes(REQUEST_ID_HEADER) ? requestIdFrom(req.headers[REQUEST_ID_HEADER]) : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.setHeader(CORRELATION_ID_HEADER, requestId);
    withRequestId(requestId, () => serve(req, res));
  });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    // `/health` keeps its small body; `/health/supergraph` adds which supergraph is served (hash, reloads, lastError).
    if (path === '/health' || path === '/health/supergraph') {
      const status = draining ? 'draining' : ready ? 'ok' : 'loading';
      return sendJson(res, status === 'ok' ? 200 : 503, path === '/health' ? { status } : { status, ...source.status });
    }
    // The public API schema, to anyone: it is the contract integrators generate clients from (no internals in it).
    if (path === '/schema.graphql' && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!publicSdl) return sendJson(res, 503, { error: 'supergraph not loaded yet' });
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      return void res.end(req.method === 'HEAD' ? undefined : publicSdl);
    }
    if (security.handle(req, res)) return;
    if (path === '/graphql') {
      if (!ready || draining) {
        if (draining) res.setHeader('connection', 'close');
        return sendGraphQLError(res, 503, draining ? 'Gateway is shutting down' : 'Supergraph not loaded yet', 'SERVICE_UNAVAILABLE');
      }
      // While draining, answers on kept-alive connections close them, so the drain can finish.
      res.on('finish', () => draining && req.socket.destroySoon());
      void handleGraphQL(apollo, req, res, async () =>
        opts.auth === 'none'
          ? { identity: null, authorization: req.headers.authorization, forwarded: forwardedHttp(req), requestId: currentRequestId() }
          : {
              // Verified here first so a bad token is refused before any subgraph is called
              // (bearer JWT or integrator API key, then the client's rate limit; see security/).
              ...(await security.authenticate(req)),
              forwarded: forwardedHttp(req),
              requestId: currentRequestId(),
            },
      );
      return;
    }
    if (serveWeb?.(req, res)) return;
    sendJson(res, 404, { error: 'not found' });
  };
  // graphql-ws on the same port and /graphql path (see subscriptions/).
  // The same security layer as HTTP (credentials, rate limit, trusted documents, limits, audit; security/ws.ts).
  const tokenLimits = [opts.limits?.maxTokens, security.parseOptions.maxTokens].filter((n): n is number => n !== undefined && n > 0);
  const guard = createWsGuard(security, {
    auth: opts.auth ?? 'jwt',
    validationRules: [...((limits?.validationRules ?? []) as unknown as ValidationRule[]), ...security.validationRules],
    maxTokens: tokenLimits.length ? Math.min(...tokenLimits) : undefined,
  });
  const subscriptions = startGatewaySubscriptions({
    server, gateway, apollo: apollo as never, subgraphUrls: opts.subgraphUrls, guard,
    // Per-event fetches share the HTTP queries' keep-alive pool and timeout.
    transport, subgraphTimeoutMs: opts.subgraphTimeoutMs, callersWindowMs: opts.callersWindowMs,
    // `forwardHeaders` from the WebSocket upgrade request, as from an HTTP request.
    forwarded,
  });
  const base = await listen(server, opts.port ?? 4000, opts.host);
  opts.onListening?.(`${base}/graphql`);
  try {
    await apollo.start();
  } catch (e) {
    source.stop();
    await entityCache?.close();
    await closeServer(server);
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
      transport.close();
      await entityCache?.close();
      await security.close();
    },
  };
}
