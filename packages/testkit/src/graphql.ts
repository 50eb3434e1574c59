import { internalHeaders } from '@aleumet/core';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface GqlOptions {
  /**
   * Sign the request with the internal secret, as the gateway signs its requests to subgraphs (default
   * true: a test calling a subgraph stands in for the gateway; the gateway itself ignores the header).
   * `false` sends it as an outsider would, for refusal tests.
   */
  signed?: boolean;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** The internal-signature header for a POST of `body` to `url` (raw `fetch` calls standing in for the gateway). */
export const gatewaySignature = (url: string, body: string): Record<string, string> => internalHeaders(url, body);

/** POSTs one operation over real HTTP, as any client would (signed as the gateway unless `signed: false`). */
export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, options: GqlOptions = {}): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.signed === false ? {} : gatewaySignature(url, body)),
      ...options.headers,
    },
    body,
  });
  const payload = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...payload };
}

export const codes = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.code);
