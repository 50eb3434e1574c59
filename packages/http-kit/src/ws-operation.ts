import { verifyToken, type Identity } from '@aleumet/core';

/*
 * Per-operation authorization on graphql-ws (@aleumet/protocol ws.ts): a subscribe message may carry
 * its own caller's bearer token, verified here the same way as a connection's.
 */

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
