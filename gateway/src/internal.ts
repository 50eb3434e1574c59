import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { INTERNAL_SIGNATURE_HEADER, requestTarget, signInternal } from '@aleumet/core';

/**
 * Signs every request of a data source as the gateway's (internal signature, @aleumet/core internal.ts):
 * subgraphs answer nothing else. Wraps the data source's final fetcher, so whatever goes out through it is
 * signed over the exact bytes sent: planned fetches, entity cache misses, per-event fetches and callers batches.
 */
export function signFetches<T extends RemoteGraphQLDataSource<any>>(ds: T): T {
  const fetcher = ds.fetcher;
  ds.fetcher = ((input: string | URL, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    const url = String(input);
    const method = init.method ?? 'POST';
    const signature = signInternal({ method, path: requestTarget(url), body: init.body ?? '' });
    // The gateway's own signature, never one a caller's forwarded headers brought along.
    return fetcher(input as never, { ...init, headers: { ...init.headers, [INTERNAL_SIGNATURE_HEADER]: signature } } as never);
  }) as unknown as typeof fetcher;
  return ds;
}

/** graphql-ws `connection_init` params for a subgraph: the caller's authorization and the internal signature over it. */
export function signedConnectionParams(url: string, authorization: string | undefined): Record<string, string> {
  const wsUrl = new URL(url);
  return {
    ...(authorization !== undefined ? { authorization } : {}),
    [INTERNAL_SIGNATURE_HEADER]: signInternal({ method: 'WS', path: requestTarget(wsUrl), body: authorization ?? '' }),
  };
}
