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
