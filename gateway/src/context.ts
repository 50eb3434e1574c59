import type { Identity } from '@aleumet/core';
import type { RequestSecurity } from './security/index.js';

/** The request context of an operation, as the gateway, its pipeline and its subgraph calls see it. */
export interface GatewayContext {
  identity: Identity | null;
  authorization?: string;
  /** Further request headers copied to every subgraph request (`forwardHeaders`). */
  forwarded?: Record<string, string>;
  /** Per-request state of the security layer (integrator client, request id); see security/. */
  security?: RequestSecurity;
  /** Set for operations that must not use the entity cache (mutations; see cache/). */
  cacheOff?: boolean;
  cacheSync?: Promise<boolean>;
  /** The HTTP request's id (answered in `x-request-id`, forwarded to every subgraph). */
  requestId?: string;
}
