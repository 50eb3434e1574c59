import { randomUUID } from 'node:crypto';
import { CircuitBreaker, type BreakerOptions } from './breaker.js';
import { RegistryUnavailable } from './types.js';

/** Where and how to reach one registry through the e-government gateway (docs/registries.md). */
export interface RegistryEndpoint {
  url: string;
  username: string;
  password: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Further attempts after a timeout, a network error, 429 or 5xx (never after 4xx). */
  retries: number;
  /** First pause between attempts; doubled each time. */
  backoffMs: number;
  /** The portal's system id at the gateway (`sender` of every message). */
  sender: string;
  breaker: BreakerOptions;
}

export interface RegistryAnswer<T> { status: 'FOUND'; data: T }

class Retryable extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One registry service behind the gateway: a JSON message per request (`messageId`, `sentAt`,
 * `sender`, `request`), answered with the same `messageId` and `status` FOUND or NOT_FOUND.
 * Basic authentication with the portal's gateway credentials; timeouts, retries with backoff and a
 * circuit breaker. Anything but FOUND/NOT_FOUND is RegistryUnavailable: nothing is decided on it.
 */
export class RegistryClient {
  readonly breaker: CircuitBreaker;
  private readonly authorization: string;
  constructor(readonly name: string, private readonly endpoint: RegistryEndpoint) {
    this.breaker = new CircuitBreaker(endpoint.breaker);
    this.authorization = `Basic ${Buffer.from(`${endpoint.username}:${endpoint.password}`).toString('base64')}`;
  }

  async ask<T>(request: Record<string, string>, check: (data: unknown) => T): Promise<T | null> {
    const gate = this.breaker.acquire();
    if (!gate.allowed) throw new RegistryUnavailable(this.name, 'the registry failed repeatedly; not asked until it recovers', gate.retryAfterMs);
    try {
      const answer = await this.withRetries(request, check);
      this.breaker.success();
      return answer;
    } catch (e) {
      this.breaker.failure();
      throw e;
    }
  }

  private async withRetries<T>(request: Record<string, string>, check: (data: unknown) => T): Promise<T | null> {
    const messageId = randomUUID(); // the same id on every attempt: the gateway may answer a repeat from its journal
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(messageId, request, check);
      } catch (e) {
        if (!(e instanceof Retryable)) throw e;
        if (attempt >= this.endpoint.retries) throw new RegistryUnavailable(this.name, `${e.message} (after ${attempt + 1} attempts)`);
        await sleep(this.endpoint.backoffMs * 2 ** attempt);
      }
    }
  }

  private async once<T>(messageId: string, request: Record<string, string>, check: (data: unknown) => T): Promise<T | null> {
    let res: Response;
    try {
      res = await fetch(this.endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: this.authorization, 'x-message-id': messageId },
        body: JSON.stringify({ messageId, sentAt: new Date().toISOString(), sender: this.endpoint.sender, request }),
        signal: AbortSignal.timeout(this.endpoint.timeoutMs),
      });
    } catch (e) {
      const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new Retryable(timeout ? `no answer within ${this.endpoint.timeoutMs} ms` : 'cannot connect');
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel();
      throw new Retryable(`HTTP ${res.status}`);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new RegistryUnavailable(this.name, `the gateway refused the portal's credentials (HTTP ${res.status})`);
    }
    let body: { messageId?: unknown; status?: unknown; data?: unknown };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new RegistryUnavailable(this.name, `unreadable answer (HTTP ${res.status})`);
    }
    if (res.status !== 200 || body?.messageId !== messageId) throw new RegistryUnavailable(this.name, `unexpected answer (HTTP ${res.status})`);
    if (body.status === 'NOT_FOUND') return null;
    if (body.status !== 'FOUND') throw new RegistryUnavailable(this.name, `unexpected status ${String(body.status)}`);
    try {
      return check(body.data);
    } catch (e) {
      throw new RegistryUnavailable(this.name, `malformed answer: ${(e as Error).message}`);
    }
  }
}
