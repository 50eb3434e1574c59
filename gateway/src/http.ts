import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, currentRequestId, requestIdFrom, withRequestId } from '@aleumet/core';
import { handleGraphQL, sendGraphQLError, sendJson } from '@aleumet/http-kit';
import { staticFiles } from './static.js';
import type { GatewayContext } from './context.js';
import type { GatewaySecurity } from './security/index.js';
import type { Pipeline } from './pipeline.js';
import { callerKind, currentRequest, loggedRequest, type Logger, type ServiceMetrics } from '@aleumet/observability';

/** Request headers (besides `authorization`) copied to every subgraph request, from HTTP requests and WebSocket upgrades. */
export function forwardedHeaders(names: string[] = []) {
  const forward = names.map((h) => h.toLowerCase()).filter((h) => h !== 'authorization');
  const of = (req: http.IncomingMessage) => {
    const out: Record<string, string> = {};
    for (const h of forward) {
      const v = req.headers[h];
      if (typeof v === 'string') out[h] = v;
    }
    return out;
  };
  return {
    /** Whether a proxy's `x-request-id` is taken (the operator forwards it). */
    requestId: forward.includes(REQUEST_ID_HEADER),
    of,
    /** An HTTP request's: x-request-id, when forwarded, is the id the request was answered with. */
    ofHttp(req: http.IncomingMessage) {
      const out = of(req);
      const id = currentRequestId();
      if (forward.includes(REQUEST_ID_HEADER) && id) out[REQUEST_ID_HEADER] = id;
      return out;
    },
  };
}

export interface HttpParts {
  apollo: ApolloServer<GatewayContext>;
  /** Runs the HTTP GraphQL requests (Apollo, behind shared executions). */
  executor: Pick<ApolloServer<GatewayContext>, 'executeHTTPGraphQLRequest'>;
  security: GatewaySecurity;
  pipeline: Pipeline;
  forwarded: ReturnType<typeof forwardedHeaders>;
  auth: 'jwt' | 'none';
  webDir?: string;
  /** `/health`: loading (503) until the first supergraph is served, draining (503) during shutdown. */
  state(): { ready: boolean; draining: boolean };
  /** `/health/supergraph`: which supergraph is served. */
  supergraphStatus(): object;
  /** `GET /schema.graphql`: the public schema of the supergraph served (null before one is loaded). */
  publicSchema(): string | null;
  /** One line and one metrics sample per `/graphql` request. */
  log: Logger;
  metrics: ServiceMetrics;
}

/** The gateway's HTTP routes: health, public schema, OAuth client credentials, `/graphql`, the web app. */
export function createHttpServer(p: HttpParts): http.Server {
  const serveWeb = p.webDir ? staticFiles(p.webDir) : null;

  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const { ready, draining } = p.state();
    // `/health` keeps its small body; `/health/supergraph` adds which supergraph is served (hash, reloads, lastError).
    if (path === '/health' || path === '/health/supergraph') {
      const status = draining ? 'draining' : ready ? 'ok' : 'loading';
      return sendJson(res, status === 'ok' ? 200 : 503, path === '/health' ? { status } : { status, ...p.supergraphStatus() });
    }
    // The public API schema, to anyone: it is the contract integrators generate clients from (no internals in it).
    if (path === '/schema.graphql' && (req.method === 'GET' || req.method === 'HEAD')) {
      const sdl = p.publicSchema();
      if (!sdl) return sendJson(res, 503, { error: 'supergraph not loaded yet' });
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      return void res.end(req.method === 'HEAD' ? undefined : sdl);
    }
    if (p.security.handle(req, res)) return;
    if (path === '/graphql') {
      if (!ready || draining) {
        if (draining) res.setHeader('connection', 'close');
        return sendGraphQLError(res, 503, draining ? 'Gateway is shutting down' : 'Supergraph not loaded yet', 'SERVICE_UNAVAILABLE');
      }
      // While draining, answers on kept-alive connections close them, so the drain can finish.
      res.on('finish', () => p.state().draining && req.socket.destroySoon());
      loggedRequest(p.log, p.metrics, req, res, () => void handleGraphQL(p.executor, req, res, async () => {
        const common = { forwarded: p.forwarded.ofHttp(req), requestId: currentRequestId() };
        if (p.auth === 'none') return { identity: null, authorization: req.headers.authorization, ...common };
        // Verified here first so a bad token is refused before any subgraph is called (bearer JWT or
        // integrator API key), then the pipeline's admission (the caller's rate limit).
        const record = currentRequest();
        try {
          const caller = await p.security.authenticate(req);
          if (record) record.caller = callerKind(caller.identity, { apiKey: caller.security?.via === 'api-key' });
          p.pipeline.admit(caller);
          return { ...caller, ...common };
        } catch (e) {
          // Refused before Apollo's plugins run: the refusal's code is the outcome.
          const code = (e as { extensions?: { code?: unknown } }).extensions?.code;
          if (record) record.outcome = typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
          throw e;
        }
      }));
      return;
    }
    // Metrics are served on their own port (observe.ts), never here: not even the web app's fallback page.
    if (path === '/metrics') return sendJson(res, 404, { error: 'not found' });
    if (serveWeb?.(req, res)) return;
    sendJson(res, 404, { error: 'not found' });
  };

  return http.createServer((req, res) => {
    // One id per request, on every answer: masked errors, subgraph logs and audit rows carry the same. A
    // proxy's id is taken only when the operator forwards that header (`forwardHeaders: ['x-request-id']`).
    const requestId = p.forwarded.requestId ? requestIdFrom(req.headers[REQUEST_ID_HEADER]) : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.setHeader(CORRELATION_ID_HEADER, requestId);
    withRequestId(requestId, () => serve(req, res));
  });
}
