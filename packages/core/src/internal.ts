import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from './errors.js';

/**
 * Requests between our own processes: the gateway to the subgraphs, and subgraph to subgraph
 * (commands, reads). Every such request carries this header, an HMAC-SHA256 with the internal secret
 * (INTERNAL_SECRET, never the JWT secret: integrators hold tokens signed with that one) over the
 * method, path, a timestamp and the SHA-256 of the body. A subgraph answers nothing without a valid
 * one: a user's bearer token alone, however valid, does not reach a subgraph except through the
 * gateway (which checks, limits and audits it first). The header's name is part of @aleumet/protocol.
 */
import { INTERNAL_SIGNATURE_HEADER, INTERNAL_SIGNATURE_WINDOW_MS } from '@aleumet/protocol';

export { INTERNAL_SIGNATURE_HEADER, INTERNAL_SIGNATURE_WINDOW_MS };

const DEV_INTERNAL_SECRET = 'aleumet-development-internal-secret-do-not-use-in-production';

/** INTERNAL_SECRET, or the development default; in production a missing or short one is an error. */
export function internalSecret(): string {
  const secret = process.env.INTERNAL_SECRET;
  if (!secret) {
    if (process.env.NODE_ENV === 'production') throw new Error('INTERNAL_SECRET must be set in production (the gateway and every subgraph share it)');
    return DEV_INTERNAL_SECRET;
  }
  if (secret.length < 32) throw new Error('INTERNAL_SECRET must be at least 32 characters');
  return secret;
}

/** What one signature covers. `path` is the request target (path and query string); `body` the exact bytes sent. */
export interface InternalRequest {
  /** `POST` for HTTP; `WS` for a graphql-ws connection_init (its body: the connection's `authorization` value). */
  method: string;
  path: string;
  body: string | Uint8Array;
}

/** The request target of a URL as an HTTP client sends it (path and query string). */
export const requestTarget = (url: string | URL): string => {
  const u = typeof url === 'string' ? new URL(url) : url;
  return `${u.pathname}${u.search}`;
};

function mac(secret: string, at: number, r: InternalRequest): Buffer {
  const bodyHash = createHash('sha256').update(r.body).digest('hex');
  return createHmac('sha256', secret).update(`aleumet-internal-v1\n${r.method.toUpperCase()}\n${r.path}\n${at}\n${bodyHash}`).digest();
}

/** The header value for one request: `t=<epoch ms>,v1=<hex HMAC>`. */
export function signInternal(r: InternalRequest, now = Date.now()): string {
  return `t=${now},v1=${mac(internalSecret(), now, r).toString('hex')}`;
}

/** The header for a request to `url` with this body (POST). */
export const internalHeaders = (url: string, body: string, method = 'POST'): Record<string, string> => ({
  [INTERNAL_SIGNATURE_HEADER]: signInternal({ method, path: requestTarget(url), body }),
});

export type InternalRefusal = 'missing' | 'malformed' | 'expired' | 'mismatch';

/** Why a signature is not accepted, or null when it is. */
export function checkInternal(header: unknown, r: InternalRequest, now = Date.now()): InternalRefusal | null {
  if (header === undefined || header === null || header === '') return 'missing';
  const m = typeof header === 'string' ? /^t=(\d{1,15}),v1=([0-9a-f]{64})$/.exec(header.trim()) : null;
  if (!m) return 'malformed';
  const at = Number(m[1]);
  if (Math.abs(now - at) > INTERNAL_SIGNATURE_WINDOW_MS) return 'expired';
  const expected = mac(internalSecret(), at, r);
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex')) ? null : 'mismatch';
}

/** The refusal of a request that is not from the gateway or another subgraph (HTTP 403, code GATEWAY_ONLY). */
export const gatewayOnly = (reason: InternalRefusal) =>
  new DomainError(ErrorCode.GATEWAY_ONLY, `This service answers the gateway only (internal signature ${reason})`, { reason, http: { status: 403 } });

/** Throws GATEWAY_ONLY unless the request carries a valid internal signature. */
export function requireInternal(header: unknown, r: InternalRequest, now = Date.now()): void {
  const refusal = checkInternal(header, r, now);
  if (refusal) throw gatewayOnly(refusal);
}
