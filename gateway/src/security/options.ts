import { DEFAULT_LIMITS } from '../limits.js';

/** Hardening of the gateway: what production switches on, and what tests may switch on one by one. */
export interface SecurityOptions {
  /**
   * `production` enforces trusted documents, turns introspection off (except for admins) and hides
   * field suggestions. Default: `production` when NODE_ENV=production, else `development`.
   */
  mode?: 'development' | 'production';
  /**
   * The platform's PostgreSQL, for its change channel only: integrator API keys, client credentials and the
   * audit trail are on with it, since a revoked key must be refused at once and the gateway hears of that
   * there (security/revocation.ts). Keys, clients, registered operations and audit rows themselves go
   * through the supergraph's integrator directory (security/directory.ts), never through its tables.
   * Without it API keys and client credentials are refused and nothing is audited.
   */
  databaseUrl?: string;
  /** How long a resolved API key / client state is cached (default 5000 ms). Changes evict it at once when the gateway hears of them (security/revocation.ts); this bounds the rest. */
  keyCacheMs?: number;
  /** Lifetime of tokens from `POST /oauth/token` (client credentials), in seconds (default 300). */
  clientTokenTtlSeconds?: number;
  trustedDocuments?: {
    /** Refuse documents not in the allow-lists (default: on in production). */
    enforce?: boolean;
    /**
     * JSON manifest of the web app's documents, `{ "<sha256 hex>": "<document>" }` (GraphQL Code Generator
     * client preset `persistedDocuments` output). Default `web/src/gql/persisted-documents.json` under the repo.
     */
    manifestPath?: string;
    /** Extra documents browsers may run (tests). */
    documents?: string[];
  };
  /**
   * Token bucket per client: API key client, user subject, or the client's address for anonymous callers.
   * Anonymous sign-in (`signInChallenge`, `signIn`) has a bucket of its own per address (`signInPerMinute`),
   * so other anonymous traffic from any address cannot lock anyone out of signing in. `false` turns it off.
   */
  rateLimit?: false | { perMinute?: number; burst?: number; anonymousPerMinute?: number; signInPerMinute?: number };
  /**
   * Our reverse proxies (addresses, CIDRs or host names): only from these is `X-Forwarded-For` believed, for
   * the client's address (security/client-address.ts). Default: `GATEWAY_TRUSTED_PROXIES` (comma-separated),
   * else none (every caller is its socket address).
   */
  trustedProxies?: string[];
  /** Operation limits (graphql-armor + the parser's token limit). */
  limits?: false | { maxDepth?: number; maxAliases?: number; maxDirectives?: number; maxTokens?: number; maxCost?: number };
  /** `all` (development default), `admins` (production default) or `none`. */
  introspection?: 'all' | 'admins' | 'none';
  /** Record reads of personal data and every mutation (needs `databaseUrl` and a directory; default on with `databaseUrl`). */
  audit?: boolean;
  /**
   * Most audit rows per INSERT when concurrent requests are committed together (default 100).
   * 1 writes every row in its own statement, as before group commit (for comparisons in bench/).
   */
  auditBatchRows?: number;
}

export const DEFAULT_RATE = { perMinute: 600, burst: 60, anonymousPerMinute: 120, signInPerMinute: 60 };

export interface ResolvedSecurity {
  production: boolean;
  databaseUrl?: string;
  keyCacheMs: number;
  clientTokenTtlSeconds: number;
  enforceDocuments: boolean;
  manifestPath?: string;
  documents: string[];
  rate: false | typeof DEFAULT_RATE;
  trustedProxies: string[];
  limits: false | typeof DEFAULT_LIMITS;
  introspection: 'all' | 'admins' | 'none';
  audit: boolean;
  auditBatchRows: number;
}

export function resolveSecurity(o: SecurityOptions = {}): ResolvedSecurity {
  const production = (o.mode ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development')) === 'production';
  return {
    production,
    databaseUrl: o.databaseUrl,
    keyCacheMs: o.keyCacheMs ?? 5000,
    clientTokenTtlSeconds: o.clientTokenTtlSeconds ?? 300,
    enforceDocuments: o.trustedDocuments?.enforce ?? production,
    manifestPath: o.trustedDocuments?.manifestPath,
    documents: o.trustedDocuments?.documents ?? [],
    rate: o.rateLimit === false ? false : { ...DEFAULT_RATE, ...o.rateLimit },
    trustedProxies: o.trustedProxies ?? (process.env.GATEWAY_TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()).filter(Boolean),
    limits: o.limits === false ? false : { ...DEFAULT_LIMITS, ...o.limits },
    introspection: o.introspection ?? (production ? 'admins' : 'all'),
    audit: o.audit ?? Boolean(o.databaseUrl),
    auditBatchRows: Math.max(1, Math.floor(o.auditBatchRows ?? 100)),
  };
}
