import { createLogger } from '@aleumet/observability';
import { systemClock, type Clock } from './clock.js';

const logger = createLogger('scheduler');

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

/**
 * Runs a job only if no other replica runs it right now (`run` is not called then): subgraph-kit's
 * `onceAcrossReplicas` takes a PostgreSQL advisory lock per job name.
 */
export type JobGuard = (job: string, run: () => Promise<unknown>) => Promise<unknown>;

/** A where-clause fragment for a scoped job over rows with a `personId` column. */
export const scopeFilter = (scope: JobScope): Record<string, unknown> => (scope.personIds ? { personId: { $in: scope.personIds } } : {});

/**
 * Runs registered jobs: every `intervalMs` in production (`start()`), or on demand with
 * `runAll()` (tests, after moving a TestClock). A job does "everything due as of now", so
 * running it twice or late is harmless; runs never overlap, and with a guard (`guard`) not across
 * replicas either.
 */
export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  /** Guards by job-name prefix (a subgraph's name: its jobs are `orders:…`, `orders.retention`). */
  private readonly guards = new Map<string, JobGuard>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private abort = new AbortController();
  constructor(readonly clock: Clock = systemClock, readonly onError: (job: string, e: unknown) => void = (job, e) => logger.error({ job, err: e }, 'job failed')) {}

  register(name: string, job: Job): void {
    if (this.jobs.has(name)) throw new Error(`job ${name} already registered`);
    this.jobs.set(name, job);
  }

  /** Jobs named `<prefix>:…` or `<prefix>.…` run through `guard` (one replica at a time). */
  guard(prefix: string, guard: JobGuard): void {
    this.guards.set(prefix, guard);
  }

  private guardOf(name: string): JobGuard | undefined {
    const prefix = /^[^:.]+/.exec(name)?.[0];
    return prefix ? this.guards.get(prefix) : undefined;
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
          const run = () => job(this.clock.now(), { ...opts.scope, signal: this.abort.signal });
          const guard = this.guardOf(name);
          await (guard ? guard(name, run) : run());
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
