import type http from 'node:http';
import { GraphQLError, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { forbidden } from '@aleumet/core';
import type { ApolloServer } from '@apollo/server';
import type { ApolloGateway } from '@apollo/gateway';
import { loadedSupergraphSdl } from '../apollo-internals.js';
import { serveGraphQLWs, type WsExtra } from '@aleumet/http-kit';
import { SubscriptionEngine, type ConnectionState, type EngineOptions, type SubscriptionContext } from './engine.js';
import { SubscriptionPlanner } from './planner.js';
import type { WsGuard } from '../security/ws.js';
import { wsFormatError, type Pipeline, type WsOperation } from '../pipeline.js';
import type { RequestSecurity } from '../security/context.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('gateway');

export { SubscriptionEngine, SLOW_CONSUMER_CLOSE } from './engine.js';
export { SubscriptionPlanner } from './planner.js';

export interface GatewaySubscriptionsOptions extends EngineOptions {
  server: http.Server;
  /** The gateway whose supergraph (as loaded, and after every update) subscriptions are planned against. */
  gateway: Pick<ApolloGateway, 'onSchemaLoadOrUpdate' | '__testing'>;
  path?: string;
  /** Queries and mutations sent over the WebSocket run through the gateway's Apollo Server. */
  apollo?: ApolloServer<{ identity: unknown; authorization?: string; forwarded?: Record<string, string>; security?: RequestSecurity }>;
  /**
   * The gateway's connections on this socket (security/ws.ts: credentials in connection_init, revocation)
   * and the operation pipeline every message runs through, as over HTTP (pipeline.ts). Without them: bearer JWTs only.
   */
  guard?: WsGuard;
  pipeline?: Pipeline;
  /**
   * Headers (`forwardHeaders`) to copy from the WebSocket upgrade request to every subgraph request of the
   * connection's operations: queries and mutations, and per-event fetches of subscriptions.
   */
  forwarded?: (request: http.IncomingMessage) => Record<string, string>;
}

/** Context of one operation run under the guard. */
interface GuardedContext extends SubscriptionContext {
  security?: RequestSecurity;
  guarded: WsOperation;
  /** For whom the caller acts now (the guard narrows again on each call). */
  representsNow?: () => Promise<string[]>;
}

/**
 * Ends a subscription opened while acting for persons as soon as one of those representations has ended
 * (revoked, withdrawn, term over): before each event the caller's representations are read again, and
 * instead of that event the client gets FORBIDDEN and the subscription completes. Subscribing again runs
 * with the narrowed list, as the entity policies then answer.
 */
function whileActing(it: AsyncIterableIterator<ExecutionResult>, acting: readonly string[], now: () => Promise<string[]>): AsyncIterableIterator<ExecutionResult> {
  let ended = false;
  return {
    async next() {
      if (ended) {
        await it.return?.();
        return { done: true, value: undefined };
      }
      const r = await it.next();
      if (r.done) return r;
      const current = new Set(await now().catch(() => [] as string[]));
      if (acting.every((p) => current.has(p))) return r;
      ended = true;
      return { done: false, value: { errors: [forbidden('A representation this subscription was opened under has ended; subscribe again')] } };
    },
    return: () => it.return!(),
    throw: (e?: unknown) => it.throw!(e),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Calls `onEvent` for every event the client pulls from `it` (the audit of delivered events). */
function observe(it: AsyncIterableIterator<ExecutionResult>, onEvent: (event: ExecutionResult) => void): AsyncIterableIterator<ExecutionResult> {
  return {
    async next() {
      const r = await it.next();
      if (!r.done) onEvent(r.value);
      return r;
    },
    return: () => it.return!(),
    throw: (e?: unknown) => it.throw!(e),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export interface GatewaySubscriptions {
  engine: SubscriptionEngine;
  /** Completes every subscription, closes the WebSockets (1001) and the upstream connections. */
  close(): Promise<void>;
}

/** graphql-ws on the gateway's http.Server and /graphql path, served by the subscription engine. */
export function startGatewaySubscriptions(opts: GatewaySubscriptionsOptions): GatewaySubscriptions {
  const engine = new SubscriptionEngine(opts);
  const use = (sdl: string) => {
    try {
      engine.useSupergraph(new SubscriptionPlanner(sdl));
    } catch (e) {
      logger.error({ err: e }, 'subscriptions cannot plan against the new supergraph');
    }
  };
  const unsubscribe = opts.gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => use(coreSupergraphSdl));
  // Already loaded (the listener only hears later loads)?
  const loaded = loadedSupergraphSdl(opts.gateway);
  if (loaded) use(loaded);
  const guard = opts.guard && opts.pipeline ? opts.guard : undefined;
  const pipeline = opts.pipeline;
  const connectionOf = (extra: WsExtra) =>
    (extra.connection ??= { socket: extra.socket, queued: 0, closed: false } satisfies ConnectionState) as ConnectionState;
  const forwardedOf = (extra: WsExtra) => {
    const headers = opts.forwarded?.(extra.request);
    return headers && Object.keys(headers).length ? headers : undefined;
  };
  const ws = serveGraphQLWs<SubscriptionContext>(opts.server, {
    schema: () => engine.schema,
    path: opts.path ?? '/graphql',
    context: (identity, authorization, extra: WsExtra) => ({ identity, authorization, forwarded: forwardedOf(extra), connection: connectionOf(extra) }),
    authenticate: guard ? (params, extra) => guard.connect(params, extra) : undefined,
    formatError: guard && pipeline ? wsFormatError(pipeline) : undefined,
    onClose: guard ? (extra) => guard.closed(extra) : undefined,
    onSubscribe: guard
      ? async (extra, _id, payload) => {
          const schema = engine.schema;
          if (!schema) return [new GraphQLError('Supergraph not loaded yet', { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
          const checked = await guard.operation(extra, payload, schema);
          if (Array.isArray(checked)) return checked;
          const op = checked as WsOperation;
          const contextValue: GuardedContext = {
            identity: op.context.identity,
            authorization: op.context.authorization,
            forwarded: forwardedOf(extra),
            security: op.context.security,
            connection: connectionOf(extra),
            guarded: op,
            representsNow: () => guard.representsNow(extra),
          };
          return { schema, document: op.document, operationName: op.operationName, variableValues: op.variables, contextValue };
        }
      : undefined,
    subscribe: (args: ExecutionArgs) => {
      let out = engine.subscribe(args);
      const { guarded, representsNow } = args.contextValue as Partial<GuardedContext>;
      const acting = guarded?.context.identity?.represents ?? [];
      if (representsNow && acting.length && Symbol.asyncIterator in out) out = whileActing(out as AsyncIterableIterator<ExecutionResult>, acting, representsNow);
      if (!pipeline || !guarded) return out;
      const isStream = Symbol.asyncIterator in out;
      const onEvent = pipeline.delivered({ ...guarded, schema: args.schema }, isStream ? undefined : (out as ExecutionResult));
      return isStream && onEvent ? observe(out as AsyncIterableIterator<ExecutionResult>, onEvent) : out;
    },
    execute: async (args: ExecutionArgs): Promise<ExecutionResult> => {
      if (!opts.apollo) return { errors: [{ message: 'Use HTTP for queries and mutations' } as never] };
      const ctx = args.contextValue as SubscriptionContext & Partial<GuardedContext>;
      // The text as sent (not reprinted): trusted documents and the audit hash the exact document.
      const res = await opts.apollo.executeOperation(
        { query: ctx.guarded?.source ?? print(args.document), variables: args.variableValues as Record<string, unknown> | undefined, operationName: args.operationName ?? undefined },
        { contextValue: { identity: ctx.identity, authorization: ctx.authorization, forwarded: ctx.forwarded, security: ctx.security } },
      );
      if (res.body.kind !== 'single') return { errors: [{ message: 'Incremental delivery is not supported over WebSocket' } as never] };
      return res.body.singleResult as ExecutionResult;
    },
  });
  return {
    engine,
    async close() {
      unsubscribe();
      await engine.close();
      await ws.dispose();
      await guard?.close();
    },
  };
}
