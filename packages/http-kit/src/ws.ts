import type http from 'node:http';
import { createRequire } from 'node:module';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { CloseCode, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import { GraphQLError, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { INTERNAL_SIGNATURE_HEADER, checkInternal, maskError, verifyToken, withoutRequestId, type Identity } from '@aleumet/core';
import { OPERATION_AUTHORIZATION_ACK, WS_REFUSAL } from '@aleumet/protocol';
import { operationCaller } from './ws-operation.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('ws');

/**
 * graphql-js's rules and these, by the graphql-js copy the schema was built with: a schema of
 * @apollo/subgraph and type-graphql comes from the CommonJS build, which graphql-js's `instanceof`
 * checks tell apart from the ES module build an ES module importing `graphql` may get.
 */
const commonJsGraphQL = createRequire(import.meta.url)('graphql') as typeof import('graphql');
function validateWith(schema: GraphQLSchema, document: DocumentNode, rules: readonly ValidationRule[]) {
  const graphql = schema instanceof commonJsGraphQL.GraphQLSchema ? commonJsGraphQL : { validate, specifiedRules };
  return graphql.validate(schema, document, [...graphql.specifiedRules, ...rules]);
}

/** What `ctx.extra` holds for every graphql-ws connection served here. */
export interface WsExtra {
  [key: PropertyKey]: unknown;
  socket: WebSocket;
  request: http.IncomingMessage;
  identity?: Identity | null;
  /** `Bearer …`, as received in connection_init (forwarded by the gateway). */
  authorization?: string;
}

/** Who a connection is, as `authenticate` found it. */
export interface WsCaller {
  identity: Identity | null;
  /** Forwarded as is (e.g. `Bearer …`) to the subgraphs. */
  authorization?: string;
}

/** Thrown by `authenticate` (or used by `onSubscribe`): the socket is closed with this graphql-ws close code. */
export class WsRefusal extends Error {
  constructor(readonly code: number, readonly reason: string) {
    super(reason);
  }
}

export interface ServeWsOptions<C> {
  /** A function when the schema can change (the gateway's supergraph); undefined refuses operations. */
  schema: GraphQLSchema | (() => GraphQLSchema | undefined);
  path?: string;
  /** The per-subscription context, built once per operation (fork an EntityManager per event). */
  context: (identity: Identity | null, authorization: string | undefined, extra: WsExtra) => C | Promise<C>;
  /**
   * Replaces the bearer-token check of `connection_init` (the gateway: API keys, `--auth none`).
   * Resolves the caller, or throws a `WsRefusal` (the socket is closed with its code and reason).
   */
  authenticate?: (params: Record<string, unknown> | undefined, extra: WsExtra) => Promise<WsCaller>;
  /**
   * graphql-ws `onSubscribe`: return ready execution arguments (then graphql-ws neither parses nor
   * validates), errors to refuse the operation with an `error` message, or nothing for the default path.
   */
  onSubscribe?: (extra: WsExtra, id: string, payload: SubscribePayload) => Promise<ExecutionArgs | readonly GraphQLError[] | void>;
  /** Formats (and must mask) every error sent; default: `maskError` of @aleumet/core, logging to this process's logger. */
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Replaces graphql-js's subscribe/execute (the gateway plans and executes federated operations). */
  subscribe?: ServerOptions<Record<string, unknown>, WsExtra>['subscribe'];
  execute?: ServerOptions<Record<string, unknown>, WsExtra>['execute'];
  /** Called when a connection closes (for per-connection state). */
  onClose?: (extra: WsExtra) => void;
  keepAliveMs?: number;
  /**
   * Subgraphs: `connection_init` must also carry the internal signature (`x-aleumet-internal-signature`,
   * method `WS`, the upgrade request's path, over the `authorization` value sent): only the gateway and
   * other subgraphs connect. Refused with 4401 Unauthorized.
   */
  internalOnly?: boolean;
  /** Validation rules besides graphql-js's own (operation limits), for the default parse and validate. */
  validationRules?: readonly ValidationRule[];
}

export interface WsServing {
  wss: WebSocketServer;
  /** Closes every connection (1001 Going away) and the WebSocket server. */
  dispose(): Promise<void>;
}

/**
 * graphql-ws on the same http.Server and path as HTTP GraphQL. `connection_init` must carry
 * `{ authorization: 'Bearer <token>' }`: without one the socket is closed with 4401
 * Unauthorized, with a bad or expired token with 4403 Forbidden (unless `authenticate` decides).
 */
export function serveGraphQLWs<C extends object>(server: http.Server, opts: ServeWsOptions<C>): WsServing {
  const path = opts.path ?? '/graphql';
  const wss = new WebSocketServer({ server, path });
  const mask = maskError((correlationId, error) => logger.error({ correlationId, err: (error as { originalError?: unknown })?.originalError ?? error }, 'internal error (masked)'));
  // Errors are GraphQLErrors, or already formatted ones passed on from a subgraph by the gateway.
  // `extensions.http` (status and headers for Apollo's HTTP answer) means nothing on a WebSocket.
  const format = (errors: readonly (GraphQLError | GraphQLFormattedError)[]) =>
    errors.map((e) => {
      // Duck-typed: graphql-ws may hand over errors of another copy of graphql (CommonJS vs ESM).
      const isError = typeof (e as GraphQLError).toJSON === 'function';
      const json: GraphQLFormattedError = isError ? (e as GraphQLError).toJSON() : e;
      const code = json.extensions?.code ?? (isError && !(e as GraphQLError).originalError && e.locations ? 'GRAPHQL_VALIDATION_FAILED' : undefined);
      const { http: _http, ...extensions } = json.extensions ?? {};
      // Outside any HTTP request's id: a socket's work is not one request (see request-id.ts).
      return withoutRequestId(() => (opts.formatError ?? mask)({ ...json, extensions: { ...extensions, code } }, e));
    });
  const serving = useServer<Record<string, unknown>, WsExtra>(
    {
      // Generous: a busy server must not drop clients that are merely slow to say hello.
      connectionInitWaitTimeout: 10_000,
      schema: typeof opts.schema === 'function' ? (opts.schema as () => GraphQLSchema) : opts.schema,
      execute: opts.execute,
      subscribe: opts.subscribe,
      ...(opts.validationRules?.length ? { validate: (schema, document) => validateWith(schema, document, opts.validationRules!) } : {}),
      onConnect: async (ctx) => {
        if (opts.internalOnly) {
          const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
          const body = typeof authorization === 'string' ? authorization : '';
          const refusal = checkInternal(ctx.connectionParams?.[INTERNAL_SIGNATURE_HEADER], { method: 'WS', path: ctx.extra.request.url ?? '/', body });
          if (refusal) {
            ctx.extra.socket.close(WS_REFUSAL.UNAUTHORIZED, `Unauthorized: this service answers the gateway only (internal signature ${refusal})`);
            return false;
          }
        }
        if (opts.authenticate) {
          try {
            const caller = await opts.authenticate(ctx.connectionParams, ctx.extra);
            ctx.extra.identity = caller.identity;
            ctx.extra.authorization = caller.authorization;
            return true;
          } catch (e) {
            const refusal = e instanceof WsRefusal ? e : new WsRefusal(CloseCode.InternalServerError, 'Internal server error');
            if (!(e instanceof WsRefusal)) logger.error({ err: e }, 'authenticating a WebSocket connection failed');
            ctx.extra.socket.close(refusal.code, refusal.reason.slice(0, 120));
            return false;
          }
        }
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
        if (!m) {
          ctx.extra.socket.close(WS_REFUSAL.UNAUTHORIZED, 'Unauthorized: connection_init must carry { authorization: "Bearer <token>" }');
          return false;
        }
        try {
          ctx.extra.identity = await verifyToken(m[1]!);
          ctx.extra.authorization = `Bearer ${m[1]}`;
          return { ...OPERATION_AUTHORIZATION_ACK };
        } catch (e) {
          ctx.extra.socket.close(WS_REFUSAL.FORBIDDEN, `Forbidden: ${(e as Error).message}`);
          return false;
        }
      },
      onSubscribe: opts.onSubscribe ? (ctx, id, payload) => opts.onSubscribe!(ctx.extra, id, payload) as never : undefined,
      // A subscribe message may carry its own caller's token (a gateway multiplexing callers: ws-operation.ts).
      context: async (ctx, _id, payload) => {
        const caller = await operationCaller(payload, ctx.extra);
        return opts.context(caller.identity, caller.authorization, ctx.extra) as Record<string, unknown>;
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: format(result.errors) as never } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onClose: (ctx) => opts.onClose?.(ctx.extra),
    },
    wss,
    opts.keepAliveMs ?? 12_000,
  );
  let disposed: Promise<void> | undefined;
  return {
    wss,
    dispose: () => (disposed ??= Promise.resolve(serving.dispose()).catch(() => {})),
  };
}
