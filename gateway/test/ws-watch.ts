import type { Client } from 'graphql-ws';

/** One graphql-ws subscription under test: what it delivered, how it failed or completed. */
export interface Watcher {
  /** Delivered events (`pick(data)` of each). */
  events: any[];
  errors: any[];
  completed: boolean;
  stop(): void;
  /** The events `keep` accepts (all by default). */
  kept(): any[];
  /** Waits until `n` kept events arrived (throws on an error or after `ms`); returns them. */
  waitFor(n: number, ms?: number): Promise<any[]>;
  /** Waits for the first error; returns the errors so far. */
  failed(ms?: number): Promise<any[]>;
}

const tick = () => new Promise((r) => setTimeout(r, 25));

export function watch(
  c: Client,
  payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> },
  { pick = (data: any) => data, keep = () => true }: { pick?: (data: any) => any; keep?: (event: any) => boolean } = {},
): Watcher {
  const w: Watcher = {
    events: [],
    errors: [],
    completed: false,
    stop: () => {},
    kept: () => w.events.filter(keep),
    async waitFor(n, ms = 15_000) {
      const until = Date.now() + ms;
      while (w.kept().length < n && w.errors.length === 0 && Date.now() < until) await tick();
      if (w.errors.length) throw new Error(`subscription failed: ${JSON.stringify(w.errors)}`);
      if (w.kept().length < n) throw new Error(`expected ${n} events, got ${JSON.stringify(w.kept())}`);
      return w.kept();
    },
    async failed(ms = 10_000) {
      const until = Date.now() + ms;
      while (w.errors.length === 0 && Date.now() < until) await tick();
      return w.errors.flat();
    },
  };
  w.stop = c.subscribe(payload as never, {
    next: (r) => (r.errors ? w.errors.push(r.errors) : w.events.push(pick(r.data))),
    error: (e) => w.errors.push(e),
    complete: () => (w.completed = true),
  });
  return w;
}
