import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed webhooks: `X-Aleumet-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the
 * receiver's own secret, `X-Aleumet-Timestamp: <unix seconds>` and `X-Aleumet-Event-Id: <event id>`.
 * The timestamp is inside the MAC, so a captured delivery cannot be replayed later than the receiver's
 * tolerance; the event id lets the receiver drop a repeated delivery. docs/integrators.md shows the
 * receiver's side with node:crypto only.
 */
export const SIGNATURE_HEADER = 'x-aleumet-signature';
export const TIMESTAMP_HEADER = 'x-aleumet-timestamp';
export const EVENT_ID_HEADER = 'x-aleumet-event-id';
const VERSION = 'v1';

/** A new per-endpoint secret: 32 random bytes, prefixed so it is recognizable in a secret store. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `${VERSION}=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of one delivery (besides content-type). */
export function signedHeaders(secret: string, eventId: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return { [EVENT_ID_HEADER]: eventId, [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body) };
}

/** The receiver's check: the MAC over the raw body, and a timestamp within `toleranceSeconds` of now. */
export function verifyWebhookSignature(opts: { secret: string; body: string; timestamp: string | undefined; signature: string | undefined; toleranceSeconds?: number; now?: number }): boolean {
  const ts = Number(opts.timestamp);
  if (!opts.signature || !Number.isInteger(ts)) return false;
  if (Math.abs((opts.now ?? Date.now()) / 1000 - ts) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(opts.secret, ts, opts.body));
  const given = Buffer.from(opts.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
