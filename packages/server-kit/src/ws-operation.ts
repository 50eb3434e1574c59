import { verifyToken, type Identity } from '@aleumet/core';

/**
 * Per-operation authorization on graphql-ws: a gateway multiplexes the subscriptions of many
 * callers over one connection per subgraph and sends each caller's bearer token in the subscribe
 * message (`payload.extensions.authorization`). The operation then runs as that caller, exactly
 * as if the caller had connected itself: the token is verified here the same way. Servers that do
 * this say so in `connection_ack` (`OPERATION_AUTHORIZATION_ACK`); a gateway multiplexes only then.
 */
export const OPERATION_AUTHORIZATION_ACK = { operationAuthorization: true } as const;

/** Who runs one operation: the token of its subscribe message when it carries one, else the connection's caller. */
export async function operationCaller(
  payload: { extensions?: Record<string, unknown> | null } | undefined,
  connection: { identity?: Identity | null; authorization?: string },
): Promise<{ identity: Identity | null; authorization: string | undefined }> {
  const header = payload?.extensions?.authorization;
  if (header === undefined) return { identity: connection.identity ?? null, authorization: connection.authorization };
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  // A bad or expired token: the operation runs unauthenticated (its resolvers refuse it), the connection and its other operations go on.
  if (!m) return { identity: null, authorization: undefined };
  try {
    return { identity: await verifyToken(m[1]!), authorization: `Bearer ${m[1]}` };
  } catch {
    return { identity: null, authorization: undefined };
  }
}
