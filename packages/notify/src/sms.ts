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
