import type http from 'node:http';
import { print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import type { ApolloGateway } from '@apollo/gateway';
import { serveGraphQLWs, type WsExtra } from '@aleumet/server-kit';
import { SubscriptionEngine, type ConnectionState, type EngineOptions, type SubscriptionContext } from './engine.js';
import { SubscriptionPlanner } from './planner.js';

export { SubscriptionEngine, SLOW_CONSUMER_CLOSE } from './engine.js';
export { SubscriptionPlanner } from './planner.js';

export interface GatewaySubscriptionsOptions extends EngineOptions {
  server: http.Server;
  /** The gateway whose supergraph (as loaded, and after every update) subscriptions are planned against. */
  gateway: Pick<ApolloGateway, 'onSchemaLoadOrUpdate' | '__testing'>;
  path?: string;
  /** Queries and mutations sent over the WebSocket run through the gateway's Apollo Server. */
  apollo?: ApolloServer<{ identity: unknown; authorization?: string }>;
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
      console.error('[subscriptions] cannot plan against the new supergraph', e);
    }
  };
  const unsubscribe = opts.gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => use(coreSupergraphSdl));
  // Already loaded (the listener only hears later loads)?
  const loaded = opts.gateway.__testing().supergraphSdl;
  if (loaded) use(loaded);
  const ws = serveGraphQLWs<SubscriptionContext>(opts.server, {
    schema: () => engine.schema,
    path: opts.path ?? '/graphql',
    context: (identity, authorization, extra: WsExtra) => {
      const connection = (extra.connection ??= { socket: extra.socket, queued: 0, closed: false } satisfies ConnectionState) as ConnectionState;
      return { identity, authorization, connection };
    },
    subscribe: (args: ExecutionArgs) => engine.subscribe(args),
    execute: async (args: ExecutionArgs): Promise<ExecutionResult> => {
      if (!opts.apollo) return { errors: [{ message: 'Use HTTP for queries and mutations' } as never] };
      const ctx = args.contextValue as SubscriptionContext;
      const res = await opts.apollo.executeOperation(
        { query: print(args.document), variables: args.variableValues as Record<string, unknown> | undefined, operationName: args.operationName ?? undefined },
        { contextValue: { identity: ctx.identity, authorization: ctx.authorization } },
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
    },
  };
}
