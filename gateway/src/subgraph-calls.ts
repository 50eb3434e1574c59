import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions, type SupergraphSdlHook } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { REQUEST_ID_HEADER } from '@aleumet/core';
import type { GatewayTransport } from './transport.js';
import { signFetches } from './internal.js';
import type { GatewayContext } from './context.js';

/** Forwards the caller's verified token (every subgraph authorizes again, on its own) and the request id. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
    if ('forwarded' in context && context.forwarded) {
      for (const [name, value] of Object.entries(context.forwarded as Record<string, string>)) request.http?.headers.set(name, value);
    }
    // The id the client is answered with is the one the subgraphs log; a forwarded x-request-id (the operator's
    // `forwardHeaders`) is that id over HTTP, and a graphql-ws operation's own over the socket.
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

export interface SubgraphCallOptions {
  /** Subgraph URL per subgraph name, overriding the URLs written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Abort a subgraph request after this many milliseconds (default 30 000; 0: never). */
  subgraphTimeoutMs?: number;
}

/**
 * @apollo/gateway over the supergraph hook, calling each subgraph through the transport's levers with the
 * caller's credentials, a timeout, and the internal signature (outermost, over the bytes sent).
 */
export function federatedGateway(supergraphSdl: SupergraphSdlHook, transport: GatewayTransport, opts: SubgraphCallOptions): ApolloGateway {
  // @apollo/gateway otherwise reports usage to Apollo and probes cloud metadata endpoints (AWS, GCP, Azure)
  // at start-up: a public-sector gateway sends nothing anywhere unless told to.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url: planned }) => {
      const url = opts.subgraphUrls?.[name] ?? planned ?? '';
      const dataSource = new AuthenticatedDataSource({ url });
      // Innermost: what the transport's levers finally send, for several callers at once (callers-batch.ts).
      transport.callers?.wrap(dataSource, url);
      transport.apply(dataSource, name);
      // Never a hung request: every subgraph call ends (default 30 s; 0 turns the timeout off).
      if (opts.subgraphTimeoutMs !== 0) {
        const fetcher = dataSource.fetcher;
        const timeout = opts.subgraphTimeoutMs ?? 30_000;
        dataSource.fetcher = ((input: never, init?: object) => fetcher(input, { ...init, timeout } as never)) as typeof fetcher;
      }
      dataSource.fetcher = graphqlAnswersAsOk(dataSource.fetcher);
      transport.callers?.learn(dataSource, url);
      // Subgraphs answer only requests signed with the internal secret (internal.ts).
      return signFetches(dataSource);
    },
  });
  transport.instrument(gateway);
  return gateway;
}
