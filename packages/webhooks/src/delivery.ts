import { signedHeaders } from './signature.js';

/** What one POST came to: `ok` only for a 2xx answer (the receiver's acknowledgement). */
export interface WebhookOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one signed delivery with a timeout. Never throws: a refused connection, a timeout or a non-2xx
 * answer is an outcome to record and retry. Redirects are not followed (the endpoint is what was registered).
 */
export async function postWebhook(url: string, secret: string, eventId: string, body: string, timeoutMs = 10_000): Promise<WebhookOutcome> {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'aleumet-webhooks/1', ...signedHeaders(secret, eventId, body) },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read (and bound) the answer so the connection is reused; its content is not needed.
    const text = (await res.text().catch(() => '')).slice(0, 500);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}${text ? `: ${text}` : ''}`, durationMs: Date.now() - started };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { ok: false, status: null, error: `${err.name === 'TimeoutError' ? 'timeout' : err.cause?.code ?? err.name}: ${err.message}`.slice(0, 500), durationMs: Date.now() - started };
  }
}

/** Exponential backoff: 30 s after the first failure, doubling, at most 6 hours between attempts. */
export function retryDelayMs(failedAttempts: number, baseMs = 30_000, maxMs = 6 * 3600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(failedAttempts - 1, 30)));
}
