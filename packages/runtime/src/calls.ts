import { REQUEST_ID_HEADER, currentRequestId, internalHeaders, signToken, type Identity } from '@aleumet/core';
import { injectTraceContext } from '@aleumet/observability';

export class ServiceCallError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly errors: unknown[]) {
    super(message);
  }
}

/**
 * One GraphQL operation against another subgraph as a service. Throws ServiceCallError with the
 * first error's code when the callee refused; callers decide which codes are final.
 */
export async function callSubgraph<T = any>(url: string, identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await signToken(identity, '5m');
  const payload = JSON.stringify({ query, variables });
  const requestId = currentRequestId();
  // Signed like the gateway's requests: subgraphs answer only the gateway and each other.
  const res = await fetch(url, {
    method: 'POST',
    headers: injectTraceContext({ 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}), ...internalHeaders(url, payload) }),
    body: payload,
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new ServiceCallError(first.message, first.extensions?.code, body.errors);
  }
  return body.data as T;
}
