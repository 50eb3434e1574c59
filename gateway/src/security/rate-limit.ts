import { rateLimited } from '@aleumet/core';

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
