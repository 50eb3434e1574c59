import type { Identity } from '@aleumet/core';
import type { ClientRecord } from './directory.js';

/** What the security layer knows about one request (kept on the gateway context as `security`). */
export interface RequestSecurity {
  requestId: string;
  /** Registered integrator client (API key, client-credentials token, or an integrator JWT naming it). */
  client?: ClientRecord;
  /** How the caller authenticated. */
  via: 'anonymous' | 'jwt' | 'api-key';
  /** Rate-limit bucket of the caller (`client:…`, `sub:…`, `ip:…`) and its refill per minute (default when absent). */
  rateKey?: string;
  ratePerMinute?: number | null;
  /** The persons the caller's token names in `represents`, before narrowing to those in force (representations.ts). */
  granted?: string[];
  /** When the caller's API key expires (API-key callers). */
  keyExpiresAt?: Date;
}

export interface SecureContext {
  identity: Identity | null;
  authorization?: string;
  security?: RequestSecurity;
  /** Persons whose rows the subgraphs loaded for this request (gathered by the transport, read by the audit). */
  personsRead?: Set<string>;
}
