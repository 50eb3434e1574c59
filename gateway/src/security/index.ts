import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type GraphQLFormattedError, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { ErrorCode, Role, currentRequestId, identityFromHeader, maskError, unauthenticated } from '@aleumet/core';
import { resolveSecurity, type SecurityOptions, type ResolvedSecurity } from './options.js';
import { IntegratorStore } from './integrator-store.js';
import { useApiKeys, type CredentialChange } from './api-keys.js';
import { watchCredentials } from './revocation.js';
import { useRateLimit } from './rate-limit.js';
import { useTrustedDocuments, loadManifest, isApolloHashMismatch, HASH_MISMATCH_MESSAGE } from './trusted-documents.js';
import { useIntrospectionGuard } from './introspection.js';
import { useLimits, isLimitMessage } from './limits.js';
import { useAudit, AuditBatcher } from './audit.js';
import { clientCredentials } from './client-credentials.js';
import { trustedProxies } from './client-address.js';
import type { RequestSecurity, SecureContext } from './context.js';

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
  /** Takes one token from the caller's bucket, or throws RATE_LIMITED. */
  count(ctx: SecureContext): void;
  /** The web app's documents (trusted documents of browsers). */
  manifest: Map<string, string>;
  /** Audit store (with `databaseUrl` and audit on). */
  auditStore: IntegratorStore | null;
  /** Group commit of the HTTP requests' audit rows (with `databaseUrl` and audit on); `stats` counts INSERTs. */
  auditBatcher: AuditBatcher | null;
  /** API keys and integrator clients (cached): long-lived connections re-check their client here. */
  keys: ReturnType<typeof useApiKeys>;
  /** Identity (bearer JWT or API key), rate limit, per-request state; throws UNAUTHENTICATED / RATE_LIMITED. */
  authenticate(req: http.IncomingMessage): Promise<SecureContext>;
  plugins: ApolloServerPlugin<any>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens?: number };
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** The caller's address: the socket peer, or from `X-Forwarded-For` when the peer is a trusted proxy. */
  clientAddress(req: http.IncomingMessage): string;
  /** Called after a key, client or operation changed and the cache forgot it (open connections re-check). */
  onCredentialChange(listener: (change: CredentialChange) => void): void;
  /** Serves `POST /oauth/token`; true when the request was one of ours. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** Forget cached keys and buckets (tests). */
  reset(): void;
  close(): Promise<void>;
}

/** Bucket key prefixes of anonymous callers: sign-in, and everything else, per client address. */
const ANONYMOUS_KEY = 'ip:';
const SIGN_IN_KEY = 'signin:';
/** The root fields of anonymous sign-in (people subgraph, resolvers/auth.resolver.ts; the web app's SignIn page). */
export const SIGN_IN_FIELDS = new Set(['signInChallenge', 'signIn']);

/** A mutation selecting only sign-in fields (and `__typename`). */
export function isSignIn(operation: OperationDefinitionNode | null | undefined): boolean {
  if (operation?.operation !== 'mutation') return false;
  const fields = operation.selectionSet.selections;
  return fields.every((f) => f.kind === Kind.FIELD && (SIGN_IN_FIELDS.has(f.name.value) || f.name.value === '__typename')) &&
    fields.some((f) => f.kind === Kind.FIELD && SIGN_IN_FIELDS.has(f.name.value));
}

/**
 * Rate limit of anonymous callers, once the operation is known: sign-in takes from the address's sign-in
 * bucket, anything else from its anonymous bucket, so a flood of catalog queries (from any address, even the
 * same one) cannot lock visitors out of signing in. Requests refused before (unparsable, invalid) are
 * counted as anonymous traffic.
 */
function useAnonymousRateLimit(rate: (key: string) => void): ApolloServerPlugin<SecureContext> {
  return {
    async requestDidStart(rc) {
      const s = rc.contextValue.security;
      if (!s || s.via !== 'anonymous' || !s.rateKey?.startsWith(ANONYMOUS_KEY)) return;
      const key = s.rateKey;
      let counted = false;
      return {
        async didResolveOperation(ctx) {
          counted = true;
          rate(isSignIn(ctx.operation) ? SIGN_IN_KEY + key.slice(ANONYMOUS_KEY.length) : key);
        },
        async didEncounterErrors() {
          if (counted) return;
          counted = true;
          try {
            rate(key);
          } catch {
            // Already answered with its own error; the next request gets RATE_LIMITED.
          }
        },
      };
    },
  };
}
/**
 * HTTP 401 when the operation needed a caller and none (or none valid) was given: every error is
 * UNAUTHENTICATED and no field was answered. A partly answered request stays 200 (its errors say which
 * fields were refused), as does any other mix of errors.
 */
const unauthenticatedStatus: ApolloServerPlugin<any> = {
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

/**
 * Everything the issue "integrators and hardening" adds to the gateway, as one factory:
 * API keys and client credentials → integrator identity, rate limits, trusted documents,
 * limits, introspection guard, error masking and the audit trail. gateway.ts wires it in.
 */
export function createSecurity(options: SecurityOptions = {}): GatewaySecurity {
  const config = resolveSecurity(options);
  const store = config.databaseUrl ? new IntegratorStore(config.databaseUrl) : null;
  const keys = useApiKeys(store, { cacheMs: config.keyCacheMs, tokenTtlSeconds: config.clientTokenTtlSeconds });
  const changeListeners: ((change: CredentialChange) => void)[] = [];
  const watcher = store
    ? watchCredentials(config.databaseUrl, (change) => {
        keys.evict(change);
        for (const l of changeListeners) l(change);
      })
    : null;
  const buckets = useRateLimit({ burst: config.rate ? config.rate.burst : 1 });
  const rate = (key: string, perMinute?: number | null) => {
    if (!config.rate) return;
    const byKind = key.startsWith(SIGN_IN_KEY) ? config.rate.signInPerMinute : key.startsWith(ANONYMOUS_KEY) ? config.rate.anonymousPerMinute : config.rate.perMinute;
    buckets.take(key, perMinute ?? byKind);
  };
  const proxies = trustedProxies(config.trustedProxies);
  const manifest = loadManifest(config.manifestPath ?? DEFAULT_MANIFEST, config.documents);
  const limits = config.limits ? useLimits(config.limits, { production: config.production }) : null;
  const mask = maskError();
  // auditBatchRows 1: each row in its own statement, as many at once as requests (the behaviour before group commit).
  const auditBatcher = store && config.audit
    ? new AuditBatcher(store, config.auditBatchRows === 1 ? { maxRows: 1, maxInFlight: Number.POSITIVE_INFINITY } : { maxRows: config.auditBatchRows })
    : null;

  const plugins: ApolloServerPlugin<any>[] = [
    // First: when the bucket is empty, RATE_LIMITED is the answer (other refusals of the operation come after).
    useAnonymousRateLimit(rate),
    unauthenticatedStatus,
    useTrustedDocuments({ enforce: config.enforceDocuments, manifest }),
    useIntrospectionGuard(config.introspection),
    ...((limits?.plugins ?? []) as ApolloServerPlugin<any>[]),
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
    return { identity, authorization: header, security: { ...security, rateKey: identity.clientId ? `client:${identity.clientId}` : `sub:${identity.sub}` } };
  }

  /** One operation against the caller's bucket (RATE_LIMITED when empty). */
  function count(ctx: SecureContext): void {
    if (ctx.security?.rateKey) rate(ctx.security.rateKey, ctx.security.ratePerMinute);
  }

  async function authenticate(req: http.IncomingMessage): Promise<SecureContext> {
    // Cookies are never read: a browser session is a bearer token the page sends itself, so a
    // cross-site request cannot carry one (and Apollo's CSRF prevention refuses simple requests).
    const ctx = await identify({ ...credentialsFrom(req.headers, proxies.clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'])), requestId: currentRequestId() });
    // Anonymous callers are counted once the operation is known (sign-in has its own bucket): useAnonymousRateLimit.
    if (ctx.security?.via !== 'anonymous') count(ctx);
    return ctx;
  }

  const onToken = clientCredentials(keys, { ttlSeconds: config.clientTokenTtlSeconds, rateLimit: rate });

  return {
    config,
    identify,
    count,
    manifest,
    auditStore: store && config.audit ? store : null,
    auditBatcher,
    keys,
    authenticate,
    plugins,
    validationRules: limits?.validationRules ?? [],
    parseOptions: limits?.parseOptions ?? {},
    formatError(formatted, error) {
      let f = formatted;
      if (isLimitMessage(f.message)) {
        f = { message: f.message.replace(/^Syntax Error:\s*/, ''), locations: f.locations, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
      }
      if (isApolloHashMismatch(f)) f = { message: HASH_MISMATCH_MESSAGE, extensions: { code: 'BAD_REQUEST' } };
      if (config.production && f.message.includes('Did you mean')) f = { ...f, message: withoutSuggestions(f.message) };
      return mask(f, error);
    },
    onCredentialChange(listener) {
      changeListeners.push(listener);
    },
    handle(req, res) {
      const p = (req.url ?? '/').split('?')[0];
      if (p !== '/oauth/token') return false;
      void onToken(req, res);
      return true;
    },
    reset() {
      keys.clear();
      buckets.reset();
    },
    clientAddress: (req) => proxies.clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']),
    async close() {
      proxies.close();
      await watcher?.close();
      await store?.close();
    },
  };
}
