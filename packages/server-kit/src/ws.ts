import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { CloseCode, type ServerOptions } from 'graphql-ws';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { maskError, verifyToken, type Identity } from '@aleumet/core';
import { OPERATION_AUTHORIZATION_ACK, operationCaller } from './ws-operation.js';

/** What `ctx.extra` holds for every graphql-ws connection served here. */
export interface WsExtra {
  [key: PropertyKey]: unknown;
  socket: WebSocket;
  request: http.IncomingMessage;
  identity?: Identity;
  /** `Bearer …`, as received in connection_init (forwarded by the gateway). */
  authorization?: string;
}

export interface ServeWsOptions<C> {
  /** A function when the schema can change (the gateway's supergraph); undefined refuses operations. */
  schema: GraphQLSchema | (() => GraphQLSchema | undefined);
  path?: string;
  /** The per-subscription context, built once per operation (fork an EntityManager per event). */
  context: (identity: Identity, authorization: string, extra: WsExtra) => C | Promise<C>;
  /** Replaces graphql-js's subscribe/execute (the gateway plans and executes federated operations). */
  subscribe?: ServerOptions<Record<string, unknown>, WsExtra>['subscribe'];
  execute?: ServerOptions<Record<string, unknown>, WsExtra>['execute'];
  /** Called when a connection closes (for per-connection state). */
  onClose?: (extra: WsExtra) => void;
  keepAliveMs?: number;
}

export interface WsServing {
  wss: WebSocketServer;
  /** Closes every connection (1001 Going away) and the WebSocket server. */
  dispose(): Promise<void>;
}

/**
 * graphql-ws on the same http.Server and path as HTTP GraphQL. `connection_init` must carry
 * `{ authorization: 'Bearer <token>' }`: without one the socket is closed with 4401
 * Unauthorized, with a bad or expired token with 4403 Forbidden.
 */
export function serveGraphQLWs<C extends object>(server: http.Server, opts: ServeWsOptions<C>): WsServing {
  const path = opts.path ?? '/graphql';
  const wss = new WebSocketServer({ server, path });
  const mask = maskError();
  // Errors are GraphQLErrors, or already formatted ones passed on from a subgraph by the gateway.
  const format = (errors: readonly (GraphQLError | GraphQLFormattedError)[]) =>
    errors.map((e) => {
      const json: GraphQLFormattedError = e instanceof GraphQLError ? e.toJSON() : e;
      const code = json.extensions?.code ?? (e instanceof GraphQLError && !e.originalError && e.locations ? 'GRAPHQL_VALIDATION_FAILED' : undefined);
      return mask({ ...json, extensions: { ...json.extensions, code } }, e);
    });
  const serving = useServer<Record<string, unknown>, WsExtra>(
    {
      // Generous: a busy server must not drop clients that are merely slow to say hello.
      connectionInitWaitTimeout: 10_000,
      schema: typeof opts.schema === 'function' ? (opts.schema as () => GraphQLSchema) : opts.schema,
      execute: opts.execute,
      subscribe: opts.subscribe,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
        if (!m) {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: connection_init must carry { authorization: "Bearer <token>" }');
          return false;
        }
        try {
          ctx.extra.identity = await verifyToken(m[1]!);
          ctx.extra.authorization = `Bearer ${m[1]}`;
          return { ...OPERATION_AUTHORIZATION_ACK };
        } catch (e) {
          ctx.extra.socket.close(CloseCode.Forbidden, `Forbidden: ${(e as Error).message}`);
          return false;
        }
      },
      // A subscribe message may carry its own caller's token (a gateway multiplexing callers: ws-operation.ts).
      context: async (ctx, _id, payload) => {
        const caller = await operationCaller(payload, ctx.extra);
        return opts.context(caller.identity!, caller.authorization!, ctx.extra) as Record<string, unknown>;
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
