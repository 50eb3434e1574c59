/**
 * Per-operation authorization on graphql-ws: a gateway multiplexes the subscriptions of many
 * callers over one connection per subgraph and sends each caller's bearer token in the subscribe
 * message (`payload.extensions.authorization`). The operation then runs as that caller, exactly
 * as if the caller had connected itself. Servers that do this say so in `connection_ack`
 * (`OPERATION_AUTHORIZATION_ACK`); a gateway multiplexes only then.
 */
export const OPERATION_AUTHORIZATION_ACK = { operationAuthorization: true } as const;

/**
 * Close codes with which a server refuses a graphql-ws connection (graphql-ws's own `CloseCode`
 * values): a client tells "no or expired credentials, or no internal signature" from "credentials
 * refused" and reconnects only after the first with new credentials.
 */
export const WS_REFUSAL = {
  /** connection_init without credentials (or, at a subgraph, without a valid internal signature); a credential expired. */
  UNAUTHORIZED: 4401,
  /** Credentials given and refused (bad token, revoked or disabled key). */
  FORBIDDEN: 4403,
} as const;
