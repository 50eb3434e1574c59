export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failed calls that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before one trial call is let through (half-open). */
  openMs: number;
  now?: () => number;
}

/**
 * A circuit breaker per registry: after `failureThreshold` failed calls in a row it refuses at once
 * for `openMs` (a registry that is down is not hammered, and sign-in answers quickly); then one
 * trial call goes through: success closes it, failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trial = false;
  private readonly now: () => number;
  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.failures < this.options.failureThreshold) return 'closed';
    return this.now() - this.openedAt >= this.options.openMs ? 'half-open' : 'open';
  }

  /** Whether a call may go now; in half-open only one trial at a time. */
  acquire(): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const state = this.state;
    if (state === 'closed') return { allowed: true };
    if (state === 'half-open' && !this.trial) {
      this.trial = true;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.max(0, this.options.openMs - (this.now() - this.openedAt)) };
  }

  success(): void {
    this.failures = 0;
    this.trial = false;
  }

  failure(): void {
    this.trial = false;
    this.failures++;
    if (this.failures >= this.options.failureThreshold) this.openedAt = this.now();
  }
}
