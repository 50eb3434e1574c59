/** What the provider says about a message it was given: UNKNOWN when it never received that id. */
export type SmsStatus = 'UNKNOWN' | 'PENDING' | 'DELIVERED' | 'FAILED';

export interface SmsMessage {
  /** Our idempotency key (one delivery row); the provider stores it as the message id. */
  messageId: string;
  to: string;
  text: string;
}

/** A refusal from the provider; `final` when sending the same message again cannot succeed. */
export class SmsProviderError extends Error {
  constructor(message: string, readonly code: number | null, readonly final: boolean) {
    super(message);
  }
}

/** The SMS gateway. */
export interface SmsAdapter {
  send(message: SmsMessage): Promise<void>;
  /** Delivery report of a message by our id (also tells, after a crash, whether it was sent at all). */
  status(message: { messageId: string; to: string }): Promise<SmsStatus>;
}

/**
 * The development SMS "gateway": writes each message to a log once per message id (like a real
 * gateway answering for its ids) and keeps what it delivered for inspection.
 */
export class LogSmsAdapter implements SmsAdapter {
  readonly delivered: { messageId: string; to: string; text: string; at: Date }[] = [];
  private readonly seen = new Set<string>();
  /** Number of send calls, including repeated ids that were not delivered again. */
  calls = 0;
  constructor(private readonly log: (line: string) => void = () => {}) {}
  async send(message: SmsMessage): Promise<void> {
    this.calls++;
    if (this.seen.has(message.messageId)) return;
    this.seen.add(message.messageId);
    this.delivered.push({ ...message, at: new Date() });
    this.log(`[sms] to ${message.to}: ${message.text}`);
  }
  async status(message: { messageId: string }): Promise<SmsStatus> {
    return this.seen.has(message.messageId) ? 'DELIVERED' : 'UNKNOWN';
  }
}
