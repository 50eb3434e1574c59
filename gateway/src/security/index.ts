import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, Role, currentRequestId, identityFromHeader, maskError, unauthenticated } from '@aleumet/core';
import type { Step } from '../pipeline.js';
import { resolveSecurity, type SecurityOptions, type ResolvedSecurity } from './options.js';
import { IntegratorDirectory, findDirectory, type DirectoryPost } from './directory.js';
import { useApiKeys, type CredentialChange } from './api-keys.js';
import { watchCredentials } from './revocation.js';
import { useRepresentations, type Representations } from './representations.js';
import { ANONYMOUS_KEY, useRateLimits } from './rate-limit.js';
import { useTrustedDocuments, loadManifest } from './trusted-documents.js';
import { useIntrospection } from './introspection.js';
import { useAudit, AuditBatcher } from './audit.js';
import { clientCredentials } from './client-credentials.js';
import { trustedProxies } from './client-address.js';
import type { RequestSecurity, SecureContext } from './context.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('gateway');

export type { SecurityOptions } from './options.js';
export type { RequestSecurity, SecureContext } from './context.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_MANIFEST = path.join(ROOT, 'web/src/gql/persisted-documents.json');

/** What a caller presents: the `authorization` header (Bearer JWT or `ApiKey <key>`) or `x-api-key`. */
export interface Credentials {
  authorization?: string;
  apiKey?: string;
  remoteAddress?: string;
  /** The HTTP request's id (graphql-ws operations get ids of their own). */
  requestId?: string;
}

/**
 * Credentials from HTTP headers or a graphql-ws `connection_init` payload: the same names
 * (`authorization`, `x-api-key`), in any letter case.
 */
export function credentialsFrom(source: Record<string, unknown> | undefined | null, remoteAddress?: string): Credentials {
  const out: Credentials = { remoteAddress };
  for (const [k, v] of Object.entries(source ?? {})) {
    if (typeof v !== 'string') continue;
    const name = k.toLowerCase();
    if (name === 'authorization') out.authorization = v;
    else if (name === 'x-api-key') out.apiKey = v;
  }
  return out;
}

export interface GatewaySecurity {
  config: ResolvedSecurity;
  /** Who is calling (bearer JWT or API key), without counting anything; throws UNAUTHENTICATED. */
  identify(creds: Credentials): Promise<SecureContext>;
  /** The web app's documents (trusted documents of browsers). */
  manifest: Map<string, string>;
  /** Group commit of every audit row, HTTP and graphql-ws alike (with `databaseUrl` and audit on); `stats` counts INSERTs. */
  auditBatcher: AuditBatcher | null;
  /** For whom a person acts now: `represents` of every request is narrowed here (representations.ts). */
  representations: Representations;
  /** API keys and integrator clients (cached): long-lived connections re-check their client here. */
  keys: ReturnType<typeof useApiKeys>;
  /** The security steps of the operation pipeline, in order: rate limit, trusted documents, introspection, audit. */
  steps: Step[];
  /** The last step: error shaping (field suggestions hidden in production) and masking of internal errors. */
  errors: Step;
  /** The caller of an HTTP request: identity (bearer JWT or API key), its rate-limit bucket, a request id. */
  authenticate(req: http.IncomingMessage): Promise<SecureContext>;
  /** The caller's address: the socket peer, or from `X-Forwarded-For` when the peer is a trusted proxy. */
  clientAddress(req: http.IncomingMessage): string;
  /** Called after a key, client or operation changed and the cache forgot it (open connections re-check). */
  onCredentialChange(listener: (change: CredentialChange) => void): void;
  /** The supergraph being served: where its integrator directory is (none on a foreign supergraph). */
  useSupergraph(supergraphSdl: string, subgraphUrls?: Record<string, string>): void;
  /** Serves `POST /oauth/token`; true when the request was one of ours. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** Forget cached keys and buckets (tests). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * HTTP 401 when the operation needed a caller and none (or none valid) was given: every error is
 * UNAUTHENTICATED and no field was answered. A partly answered request stays 200 (its errors say which
 * fields were refused), as does any other mix of errors.
 */
export const unauthenticatedStatus: ApolloServerPlugin<any> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || !errors.every((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED)) return;
        if (data && Object.entries(data).some(([k, v]) => v != null && k !== '__typename')) return;
        response.http.status = 401;
      },
    };
  },
};

/** Strips "Did you mean …" from messages (production): it would reveal the schema to callers without introspection. */
const withoutSuggestions = (m: string) => m.replace(/\s*Did you mean[^?]*\?/g, '');

/** Error shaping: no schema hints in production, internal errors masked (with a correlation id). */
function useErrorMasking({ production }: { production: boolean }): Step {
  const mask = maskError((correlationId, error) => logger.error({ correlationId, err: (error as { originalError?: unknown })?.originalError ?? error }, 'internal error (masked)'));
  return {
    formatError(formatted: GraphQLFormattedError, error: unknown) {
      const f = production && formatted.message.includes('Did you mean') ? { ...formatted, message: withoutSuggestions(formatted.message) } : formatted;
      return mask(f, error);
    },
  };
}

/**
 * Integrators and hardening, as steps of the operation pipeline plus who is calling: API keys and
 * client credentials (read from the integrator directory of the supergraph, never from its tables),
 * rate limits, trusted documents, introspection guard, error masking and the audit trail.
 * Integrator keys and the audit trail need `databaseUrl`: revocation is heard on its change channel.
 * `post` carries the calls to the integrator directory (the gateway passes its subgraph transport's).
 */
export function createSecurity(options: SecurityOptions = {}, post?: DirectoryPost): GatewaySecurity {
  const config = resolveSecurity(options);
  let directoryUrl: string | null = null;
  const directory = new IntegratorDirectory(() => directoryUrl, undefined, post);
  const store = config.databaseUrl ? directory : null;
  // Representations are read whatever the database: they never come from a cache that needs its change channel.
  const representations = useRepresentations(directory);
  const keys = useApiKeys(store, { cacheMs: config.keyCacheMs, tokenTtlSeconds: config.clientTokenTtlSeconds });
  const changeListeners: ((change: CredentialChange) => void)[] = [];
  const watcher = store
    ? watchCredentials(config.databaseUrl, (change) => {
        if (!keys.evict(change)) return;
        for (const l of changeListeners) l(change);
      })
    : null;
  const rates = useRateLimits(config.rate);
  const proxies = trustedProxies(config.trustedProxies);
  const manifest = loadManifest(config.manifestPath ?? DEFAULT_MANIFEST, config.documents);
  // auditBatchRows 1: each row in its own statement, as many at once as requests (the behaviour before group commit).
  const auditBatcher = store && config.audit
    ? new AuditBatcher(store, config.auditBatchRows === 1 ? { maxRows: 1, maxInFlight: Number.POSITIVE_INFINITY } : { maxRows: config.auditBatchRows })
    : null;

  const steps: Step[] = [
    // First: when the bucket is empty, RATE_LIMITED is the answer (other refusals of the operation come after).
    rates.step,
    useTrustedDocuments({ enforce: config.enforceDocuments, manifest }),
    useIntrospection(config.introspection),
    ...(auditBatcher ? [useAudit(auditBatcher)] : []),
  ];

  /** Who is calling (bearer JWT, API key, or nobody), without taking a rate-limit token. */
  async function identify(creds: Credentials): Promise<SecureContext> {
    const security: RequestSecurity = { requestId: creds.requestId ?? randomUUID(), via: 'anonymous' };
    const header = creds.authorization;
    const apiKey = creds.apiKey ?? /^ApiKey\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (apiKey) {
      const principal = await keys.fromKey(apiKey);
      return {
        identity: principal.identity,
        authorization: `Bearer ${principal.token}`,
        security: {
          ...security, via: 'api-key', client: principal.client, rateKey: `client:${principal.client.id}`, ratePerMinute: principal.client.rateLimitPerMinute,
          keyExpiresAt: (principal as { expiresAt?: Date }).expiresAt,
        },
      };
    }
    const identity = await identityFromHeader(header);
    if (!identity) return { identity: null, authorization: undefined, security: { ...security, rateKey: `${ANONYMOUS_KEY}${creds.remoteAddress ?? 'unknown'}` } };
    security.via = 'jwt';
    if (identity.role === Role.INTEGRATOR && identity.clientId && store) {
      if (identity.keyId) await keys.assertKeyUsable(identity.keyId);
      const client = await keys.client(identity.clientId);
      if (client && !client.active) throw unauthenticated('Integrator client disabled');
      if (client) return { identity, authorization: header, security: { ...security, client, rateKey: `client:${client.id}`, ratePerMinute: client.rateLimitPerMinute } };
    }
    const acting = header ? await representations.narrow(identity, header) : { identity, authorization: header };
    return {
      identity: acting.identity,
      authorization: acting.authorization,
      security: { ...security, rateKey: identity.clientId ? `client:${identity.clientId}` : `sub:${identity.sub}`, ...(identity.represents.length ? { granted: identity.represents } : {}) },
    };
  }

  const clientAddress = (req: http.IncomingMessage) => proxies.clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']);
  const onToken = clientCredentials(keys, { ttlSeconds: config.clientTokenTtlSeconds, rateLimit: rates.take });

  return {
    config,
    identify,
    manifest,
    auditBatcher,
    keys,
    representations,
    steps,
    errors: useErrorMasking({ production: config.production }),
    async authenticate(req) {
      // Cookies are never read: a browser session is a bearer token the page sends itself, so a
      // cross-site request cannot carry one (and Apollo's CSRF prevention refuses simple requests).
      return identify({ ...credentialsFrom(req.headers, clientAddress(req)), requestId: currentRequestId() });
    },
    clientAddress,
    onCredentialChange(listener) {
      changeListeners.push(listener);
    },
    useSupergraph(supergraphSdl, subgraphUrls) {
      const found = findDirectory(supergraphSdl, subgraphUrls);
      if (store && !found) logger.warn('this supergraph has no integrator directory: API keys are refused and nothing is audited');
      directoryUrl = found?.url ?? null;
      keys.evict({ all: true });
    },
    handle(req, res) {
      const p = (req.url ?? '/').split('?')[0];
      if (p !== '/oauth/token') return false;
      void onToken(req, res);
      return true;
    },
    reset() {
      keys.clear();
      rates.reset();
    },
    async close() {
      proxies.close();
      await auditBatcher?.idle();
      await watcher?.close();
    },
  };
}
