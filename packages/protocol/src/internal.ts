/**
 * Requests between our own processes (the gateway to the subgraphs, subgraph to subgraph) carry this
 * header: an HMAC-SHA256 with the internal secret over the method, path, a timestamp and the SHA-256 of
 * the body (signed and checked by @aleumet/core internal.ts). Over graphql-ws it travels in
 * `connection_init`'s payload, signed over method `WS`, the upgrade path and the `authorization` value.
 */
export const INTERNAL_SIGNATURE_HEADER = 'x-aleumet-internal-signature';
/** A signature is accepted this long before and after its timestamp (clock skew, a slow connection). */
export const INTERNAL_SIGNATURE_WINDOW_MS = 30_000;

/**
 * The integrator directory's audit-trail append on the directory subgraph's port, beside its /graphql: a
 * signed POST of `{ entries }` by the gateway's service identity, answered `{ data: { written } }` or
 * `{ errors }` (a row the table refuses: BAD_USER_INPUT with `extensions.sqlState`). Plain JSON, not a
 * GraphQL execution, because a batch of rows is written before nearly every answer leaves the gateway.
 */
export const AUDIT_APPEND_PATH = '/internal/audit';
