/**
 * Requests between our own processes (the gateway to the subgraphs, subgraph to subgraph) carry this
 * header: an HMAC-SHA256 with the internal secret over the method, path, a timestamp and the SHA-256 of
 * the body (signed and checked by @aleumet/core internal.ts). Over graphql-ws it travels in
 * `connection_init`'s payload, signed over method `WS`, the upgrade path and the `authorization` value.
 */
export const INTERNAL_SIGNATURE_HEADER = 'x-aleumet-internal-signature';
/** A signature is accepted this long before and after its timestamp (clock skew, a slow connection). */
export const INTERNAL_SIGNATURE_WINDOW_MS = 30_000;
