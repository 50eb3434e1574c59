import autocannon from 'autocannon';

export interface LoadResult { requests: number; seconds: number; rps: number; p50: number; p99: number; errors: number }

/**
 * autocannon against one GraphQL endpoint for a bounded time; each request takes the next
 * (body, token) pair, so many recipients/suppliers are served, not one cached row.
 */
export async function cannon(url: string, bodies: string[], tokens: string[], opts: { connections: number; seconds: number; amount?: number }): Promise<LoadResult> {
  let k = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: opts.connections,
    // A fixed number of requests (each one completes, so CPU per request is exact), or a fixed duration.
    // (A request then waits up to 5 minutes: on a busy machine every one is counted, however slow.)
    ...(opts.amount ? { amount: opts.amount, timeout: 300 } : { duration: opts.seconds }),
    requests: [{
      method: 'POST',
      setupRequest: (req: any) => {
        const i = k++;
        // No tokens: anonymous requests.
        const auth = tokens.length ? { authorization: `Bearer ${tokens[i % tokens.length]}` } : {};
        return { ...req, body: bodies[i % bodies.length], headers: { 'content-type': 'application/json', ...auth } };
      },
      // HTTP 200 with an `errors` list is a failed request too.
      onResponse: (_status: number, responseBody: string) => {
        if (responseBody.includes('"errors"')) graphqlErrors++;
      },
    }],
  });
  const requests = result.requests.total;
  // Timeouts (10 s) are slowness of a busy machine, not failures: they show as fewer requests.
  const errors = result.errors - result.timeouts + result.non2xx + graphqlErrors;
  const seconds = opts.amount ? result.duration : opts.seconds;
  return { requests, seconds, rps: requests / seconds, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/** A closed loop of `concurrency` workers calling `fn` for `seconds`; latencies in ms. */
export async function closedLoop(fn: (i: number) => Promise<unknown>, opts: { connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let k = 0;
  const end = performance.now() + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await fn(k++);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! : NaN);
  return { requests: latencies.length, seconds: opts.seconds, rps: latencies.length / opts.seconds, p50: pct(50), p99: pct(99), errors };
}

/** Sums rounds: total requests over total time; p50/p99 as the median of the rounds. */
export function combine(rounds: LoadResult[]): LoadResult {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  return { requests, seconds, rps: requests / seconds, p50: med(rounds.map((r) => r.p50)), p99: med(rounds.map((r) => r.p99)), errors: rounds.reduce((n, r) => n + r.errors, 0) };
}
