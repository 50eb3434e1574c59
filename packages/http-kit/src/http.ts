import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError, Kind, parse } from 'graphql';
import { CALLERS_HEADER, MAX_CALLERS } from '@aleumet/protocol';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('http');

export const MAX_BODY_BYTES = 1_000_000;

/**
 * One caller of a callers batch (`extensions.callers`, @aleumet/protocol callers.ts): its authorization, and
 * its own variables and request id when the batch carries them (otherwise the request's).
 */
export interface BatchCaller {
  authorization: string;
  variables?: Record<string, unknown>;
  requestId?: string;
}

/**
 * Per batch of callers: for each caller, its context factory and the scope its execution runs in (its
 * request id); the subgraph shares its reads across them.
 */
export type CallersContext<C> = () => (caller: BatchCaller) => { context: () => Promise<C>; run<T>(fn: () => Promise<T>): Promise<T> };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function callerOf(entry: unknown): BatchCaller | null {
  if (typeof entry === 'string') return { authorization: entry };
  if (!isPlainObject(entry) || typeof entry.authorization !== 'string') return null;
  if (entry.variables !== undefined && entry.variables !== null && !isPlainObject(entry.variables)) return null;
  if (entry.requestId !== undefined && typeof entry.requestId !== 'string') return null;
  return {
    authorization: entry.authorization,
    ...(isPlainObject(entry.variables) ? { variables: entry.variables } : {}),
    ...(typeof entry.requestId === 'string' ? { requestId: entry.requestId } : {}),
  };
}

function callersOf(body: unknown): BatchCaller[] | undefined {
  const callers = (body as { extensions?: { callers?: unknown } } | null)?.extensions?.callers;
  if (callers === undefined) return undefined;
  const parsed = Array.isArray(callers) && callers.length && callers.length <= MAX_CALLERS ? callers.map(callerOf) : null;
  if (!parsed || parsed.some((c) => c === null)) {
    throw new HttpError(400, `extensions.callers must list 1 to ${MAX_CALLERS} callers: authorization values, or objects { authorization, variables?, requestId? }`, 'BAD_REQUEST');
  }
  return parsed as BatchCaller[];
}

/** Only reads are batched: a query document, no mutation or subscription in it. */
function assertQueryOnly(query: unknown) {
  let ok = false;
  try {
    ok = typeof query === 'string' && parse(query).definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query');
  } catch {
    ok = false;
  }
  if (!ok) throw new HttpError(400, 'Only a valid query can be sent for several callers', 'BAD_REQUEST');
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code: string) {
    super(message);
  }
}

/** A request's body, refused with 413 PAYLOAD_TOO_LARGE beyond `maxBytes` (MAX_BODY_BYTES unless given). */
export async function readBody(req: http.IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'Request body too large', 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Bytes already encoded for a complete answer's body (`withEncodedBody`): an answer sent to many callers (an
 * execution shared by identical requests) is encoded to UTF-8 once, not once per caller.
 */
const encodedBodies = new WeakMap<object, Buffer>();
export function withEncodedBody<B extends { kind: 'complete'; string: string }>(body: B, bytes: Buffer): B {
  encodedBodies.set(body, bytes);
  return body;
}

/** Checks a request (its headers and exact body bytes) before anything is parsed or run; throws a GraphQLError to refuse it. */
export type RequestCheck = (req: http.IncomingMessage, body: Buffer) => void;

export function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  // Answered before its body was read to the end (a 413): the rest of it is never read, so the connection
  // cannot carry another request; saying so keeps a keep-alive client from sending its next one there.
  if (res.req && !res.req.complete) res.setHeader('connection', 'close');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendGraphQLError(res: http.ServerResponse, status: number, message: string, code: string) {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * Runs one HTTP request through Apollo Server. Our own node:http server (not
 * startStandaloneServer) so graphql-ws can share the port.
 */
export async function handleGraphQL<C extends BaseContext>(
  server: Pick<ApolloServer<C>, 'executeHTTPGraphQLRequest'>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  context: () => Promise<C>,
  callers?: CallersContext<C>,
  check?: RequestCheck,
) {
  try {
    if (callers) res.setHeader(CALLERS_HEADER, String(MAX_CALLERS));
    const bytes = req.method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    check?.(req, bytes);
    const raw = bytes.toString('utf8');
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    let body: unknown = raw;
    if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'Request body is not valid JSON', 'BAD_REQUEST');
      }
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const batch = req.method === 'POST' && callers ? callersOf(body) : undefined;
    if (batch) {
      assertQueryOnly((body as { query?: unknown }).query);
      const { query, variables, operationName } = body as Record<string, unknown>;
      const contextOf = callers!();
      const results = await Promise.all(batch.map((caller) => {
        const callerHeaders = new HeaderMap([...headers]);
        callerHeaders.set('authorization', caller.authorization);
        const own = caller.variables ?? variables;
        // As one caller would send it: Apollo refuses an operationName or variables given as null.
        const one = { query, ...(own != null ? { variables: own } : {}), ...(operationName != null ? { operationName } : {}) };
        const { context, run } = contextOf(caller);
        return run(async () => {
          const r = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers: callerHeaders, search: '', body: one }, context });
          // Apollo answers a bad token (thrown by the context) with an error body and a status: the same body here.
          return r.body.kind === 'complete' ? r.body.string : JSON.stringify({ errors: [{ message: 'Incremental delivery is not batched', extensions: { code: 'BAD_REQUEST' } }] });
        });
      }));
      // Each answer is already JSON: joined, not parsed and written again.
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end(`{"results":[${results.join(',')}]}`);
    }
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context,
    });
    for (const [k, v] of result.headers) res.setHeader(k, v);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(encodedBodies.get(result.body) ?? result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  } catch (e) {
    sendFailure(res, e);
  }
}

/**
 * A failure as an `{ errors }` answer: a GraphQLError with a code keeps its message and extensions, with
 * its `http.status` or the status its code implies; anything else is logged and answered 500 without its message.
 */
function sendFailure(res: http.ServerResponse, e: unknown): void {
  if (res.headersSent) return void res.destroy();
  if (e instanceof HttpError) return sendGraphQLError(res, e.status, e.message, e.code);
  if (e instanceof GraphQLError && typeof e.extensions.code === 'string') {
    const given = (e.extensions.http as { status?: unknown } | undefined)?.status;
    const status = typeof given === 'number' ? given : (CODE_STATUS[e.extensions.code] ?? 400);
    const { http: _http, ...extensions } = e.extensions;
    return sendJson(res, status, { errors: [{ message: e.message, extensions }] });
  }
  logger.error({ err: e }, 'unhandled error while serving a request');
  sendGraphQLError(res, 500, 'Internal error', 'INTERNAL_SERVER_ERROR');
}
const CODE_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, SERVICE_UNAVAILABLE: 503 };

/**
 * One plain JSON route for internal callers (not GraphQL): a POST, checked as a GraphQL request is
 * (`check`: its headers and exact bytes), its body parsed and handed to `run`; answered `{ data }` with
 * what `run` returns, or `{ errors }` as `handleGraphQL` answers failures.
 */
export async function handleJsonRoute(req: http.IncomingMessage, res: http.ServerResponse, run: (body: unknown) => Promise<unknown>, check?: RequestCheck): Promise<void> {
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Only POST is answered here', 'BAD_REQUEST');
    const bytes = await readBody(req);
    check?.(req, bytes);
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Request body is not valid JSON', 'BAD_REQUEST');
    }
    sendJson(res, 200, { data: await run(body) });
  } catch (e) {
    sendFailure(res, e);
  }
}

export async function listen(server: http.Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // Once listening, an error of the server (e.g. accept failing with EMFILE at the descriptor
      // limit) is logged: unhandled, it would end the process and every connection with it.
      server.on('error', (e: NodeJS.ErrnoException) => logger.error({ err: e }, 'server error (still listening)'));
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
}

export async function closeServer(server: http.Server) {
  server.closeIdleConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
