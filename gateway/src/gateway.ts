import http from 'node:http';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { identityFromHeader, maskError, type Identity } from '@aleumet/core';
import { handleGraphQL, listen, closeServer, sendJson } from '@aleumet/server-kit';
import { staticFiles } from './static.js';

export interface GatewayContext {
  identity: Identity | null;
  authorization?: string;
}

export interface GatewayOptions {
  supergraphPath: string;
  port?: number;
  host?: string;
  /** Subgraph URL per subgraph name, overriding the URLs written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Built web app to serve at `/`. */
  webDir?: string;
}

export interface RunningGateway {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** Forwards the caller's verified token: every subgraph authorizes again, on its own. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(opts.supergraphPath, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new AuthenticatedDataSource({ url: opts.subgraphUrls?.[name] ?? url }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskError(),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  const serveWeb = opts.webDir ? staticFiles(opts.webDir) : null;

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path === '/graphql') {
      void handleGraphQL(apollo, req, res, async () => ({
        // Verified here first so a bad token is refused before any subgraph is called.
        identity: await identityFromHeader(req.headers.authorization),
        authorization: req.headers.authorization,
      }));
      return;
    }
    if (serveWeb?.(req, res)) return;
    sendJson(res, 404, { error: 'not found' });
  });
  const base = await listen(server, opts.port ?? 4000, opts.host);
  return {
    url: `${base}/graphql`,
    server,
    async close() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}
