import { REQUEST_ID_HEADER, Role, currentRequestId, internalHeaders, signToken, type Identity } from '@aleumet/core';
import type { SubgraphName } from './orm.js';

/**
 * What a subgraph needs from its surroundings besides the database: the time (a clock tests can
 * drive), the other subgraphs' URLs (for service-to-service calls), and the scheduler that runs
 * time-based rules and outbox senders.
 */

/** The only source of "now" for domain rules (deadlines, windows, expiry). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told: tests advance it instead of sleeping. */
export class TestClock implements Clock {
  private at: number;
  constructor(start: Date = new Date()) {
    this.at = start.getTime();
  }
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date): void {
    this.at = at.getTime();
  }
  advance(ms: number): Date {
    this.at += ms;
    return this.now();
  }
  advanceDays(days: number): Date {
    return this.advance(days * 86_400_000);
  }
}

/**
 * Limits a run to some records. Production runs have no scope; tests that move a TestClock over
 * the shared seeded database pass their own persons so other files' records stay untouched.
 */
export interface JobScope {
  personIds?: string[];
  /** Aborted when the scheduler stops: long jobs check it between items and return early. */
  signal?: AbortSignal;
}

export type Job = (now: Date, scope: JobScope) => Promise<unknown>;

/** A where-clause fragment for a scoped job over rows with a `personId` column. */
export const scopeFilter = (scope: JobScope): Record<string, unknown> => (scope.personIds ? { personId: { $in: scope.personIds } } : {});

/**
 * Runs registered jobs: every `intervalMs` in production (`start()`), or on demand with
 * `runAll()` (tests, after moving a TestClock). A job does "everything due as of now", so
 * running it twice or late is harmless; runs never overlap.
 */
export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private abort = new AbortController();
  constructor(readonly clock: Clock = systemClock, readonly onError: (job: string, e: unknown) => void = (job, e) => console.error(`[scheduler] ${job}`, e)) {}

  register(name: string, job: Job): void {
    if (this.jobs.has(name)) throw new Error(`job ${name} already registered`);
    this.jobs.set(name, job);
  }

  unregister(name: string): void {
    this.jobs.delete(name);
  }

  /** Runs every job once (in registration order); errors are reported, not thrown, unless `strict`. */
  async runAll(opts: { strict?: boolean; only?: string[]; scope?: JobScope } = {}): Promise<void> {
    while (this.running) await this.running;
    const run = (async () => {
      const errors: unknown[] = [];
      for (const [name, job] of this.jobs) {
        if (opts.only && !opts.only.includes(name)) continue;
        if (this.abort.signal.aborted) break;
        try {
          await job(this.clock.now(), { ...opts.scope, signal: this.abort.signal });
        } catch (e) {
          errors.push(e);
          this.onError(name, e);
        }
      }
      if (opts.strict && errors.length) throw errors[0];
    })();
    this.running = run.finally(() => {
      this.running = undefined;
    }).catch(() => {});
    return run;
  }

  start(intervalMs = 5_000): void {
    if (this.timer) return;
    if (this.abort.signal.aborted) this.abort = new AbortController();
    this.timer = setInterval(() => void this.runAll(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.abort.abort();
    while (this.running) await this.running;
  }
}

/** URLs of the subgraphs, filled in by whoever starts them (startPlatform, or environment variables). */
export class PeerDirectory {
  private readonly urls = new Map<SubgraphName, string>();
  set(name: SubgraphName, url: string): void {
    this.urls.set(name, url);
  }
  url(name: SubgraphName): string {
    const fromEnv = process.env[`${name.toUpperCase()}_URL`];
    const url = this.urls.get(name) ?? fromEnv;
    if (!url) throw new Error(`URL of subgraph ${name} is not known`);
    return url;
  }
}

/** The identity a subgraph uses when calling another subgraph (an integrator with internal scopes). */
export function serviceIdentity(name: SubgraphName, scopes: string[]): Identity {
  return { sub: `service:${name}`, role: Role.INTEGRATOR, represents: [], scopes, clientId: `service:${name}` };
}

export class ServiceCallError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly errors: unknown[]) {
    super(message);
  }
}

/**
 * One GraphQL operation against another subgraph as a service. Throws ServiceCallError with the
 * first error's code when the callee refused; callers decide which codes are final.
 */
export async function callSubgraph<T = any>(url: string, identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await signToken(identity, '5m');
  const payload = JSON.stringify({ query, variables });
  const requestId = currentRequestId();
  // Signed like the gateway's requests: subgraphs answer only the gateway and each other.
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}), ...internalHeaders(url, payload) },
    body: payload,
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new ServiceCallError(first.message, first.extensions?.code, body.errors);
  }
  return body.data as T;
}

/** The SMS gateway. `messageId` is the idempotency key: the gateway delivers one message per id. */
export interface SmsAdapter {
  send(message: { messageId: string; to: string; text: string }): Promise<void>;
}

/**
 * The default SMS "gateway": writes each message to a log once per message id (like a real
 * gateway honouring idempotency keys) and keeps what it delivered for inspection.
 */
export class LogSmsAdapter implements SmsAdapter {
  readonly delivered: { messageId: string; to: string; text: string; at: Date }[] = [];
  private readonly seen = new Set<string>();
  /** Number of send calls, including repeated ids that were not delivered again. */
  calls = 0;
  constructor(private readonly log: (line: string) => void = () => {}) {}
  async send(message: { messageId: string; to: string; text: string }): Promise<void> {
    this.calls++;
    if (this.seen.has(message.messageId)) return;
    this.seen.add(message.messageId);
    this.delivered.push({ ...message, at: new Date() });
    this.log(`[sms] to ${message.to}: ${message.text}`);
  }
}

export interface SubgraphRuntime {
  clock: Clock;
  peers: PeerDirectory;
  scheduler: Scheduler;
  sms: SmsAdapter;
}

export function createRuntime(clock: Clock = systemClock, sms: SmsAdapter = new LogSmsAdapter()): SubgraphRuntime {
  return { clock, peers: new PeerDirectory(), scheduler: new Scheduler(clock), sms };
}
