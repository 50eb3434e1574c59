/** One outgoing HTTP exchange with a deadline and a bounded number of retries (network errors and 5xx only). */
export interface HttpPolicy {
  timeoutMs: number;
  retries: number;
}

export class HttpUnavailable extends Error {}

export async function httpExchange(url: string, init: RequestInit, policy: HttpPolicy): Promise<Response> {
  let last: unknown;
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
      if (res.status < 500) return res;
      last = new Error(`HTTP ${res.status}`);
    } catch (e) {
      last = e;
    }
  }
  throw new HttpUnavailable(`${url}: ${last instanceof Error ? last.message : String(last)}`);
}

/** A small time-bounded cache (per process): answers are kept until `expiresAt`. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  constructor(private readonly maxEntries = 10_000) {}
  get(key: string, now = Date.now()): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }
  set(key: string, value: V, expiresAt: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt });
  }
  clear(): void {
    this.entries.clear();
  }
}
