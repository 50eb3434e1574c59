import { Kind, type OperationDefinitionNode } from 'graphql';
import { rateLimited } from '@aleumet/core';
import type { Step } from '../pipeline.js';
import type { SecureContext } from './context.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets per client: `burst` requests at once, refilled at `perMinute`. Over the limit the
 * caller gets RATE_LIMITED with `extensions.retryAfterSeconds` (and HTTP 429 with Retry-After).
 */
export function useRateLimit({ burst, now = () => Date.now() }: { burst: number; now?: () => number }) {
  const buckets = new Map<string, Bucket>();

  function sweep(t: number, perMinute: number) {
    if (buckets.size < 50_000) return;
    // Full buckets carry no state worth keeping.
    for (const [k, b] of buckets) if (b.tokens + ((t - b.at) / 60_000) * perMinute >= burst) buckets.delete(k);
  }

  return {
    /** Takes one token for `key`, or throws RATE_LIMITED. */
    take(key: string, perMinute: number): void {
      const t = now();
      sweep(t, perMinute);
      const capacity = Math.max(1, Math.min(burst, perMinute));
      const b = buckets.get(key) ?? { tokens: capacity, at: t };
      b.tokens = Math.min(capacity, b.tokens + ((t - b.at) / 60_000) * perMinute);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens < 1) {
        const seconds = Math.max(1, Math.ceil(((1 - b.tokens) * 60) / perMinute));
        throw rateLimited(seconds);
      }
      b.tokens -= 1;
    },
    reset() {
      buckets.clear();
    },
  };
}

/** Bucket key prefixes of anonymous callers: sign-in, and everything else, per client address. */
export const ANONYMOUS_KEY = 'ip:';
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

export type RateLimits = { perMinute: number; burst: number; anonymousPerMinute: number; signInPerMinute: number };

/**
 * Token bucket per caller: integrator client, user subject, or the client's address for anonymous callers.
 * Identified callers take one token per operation before it is parsed (`admit`). Anonymous callers are
 * counted once the operation is known: sign-in takes from the address's sign-in bucket, anything else from
 * its anonymous bucket, so a flood of catalog queries (from any address, even the same one) cannot lock
 * visitors out of signing in; a request refused before it resolved counts as anonymous traffic.
 */
export function useRateLimits(rates: RateLimits | false) {
  const buckets = useRateLimit({ burst: rates ? rates.burst : 1 });
  const take = (key: string, perMinute?: number | null) => {
    if (!rates) return;
    const byKind = key.startsWith(SIGN_IN_KEY) ? rates.signInPerMinute : key.startsWith(ANONYMOUS_KEY) ? rates.anonymousPerMinute : rates.perMinute;
    buckets.take(key, perMinute ?? byKind);
  };
  const anonymousKey = (ctx: SecureContext) => (ctx.security?.via === 'anonymous' && ctx.security.rateKey?.startsWith(ANONYMOUS_KEY) ? ctx.security.rateKey : undefined);
  const step: Step = {
    admit(ctx) {
      if (ctx.security?.via !== 'anonymous' && ctx.security?.rateKey) take(ctx.security.rateKey, ctx.security.ratePerMinute);
    },
    operation(op) {
      const key = anonymousKey(op.context);
      if (key) take(isSignIn(op.operation) ? SIGN_IN_KEY + key.slice(ANONYMOUS_KEY.length) : key);
    },
    unresolved(ctx) {
      const key = anonymousKey(ctx);
      if (key) take(key);
    },
  };
  return { step, take, reset: () => buckets.reset() };
}
