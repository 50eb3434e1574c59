import nodemailer, { type Transporter } from 'nodemailer';

export interface EmailMessage {
  /** Our idempotency key; becomes the Message-ID so a repeated send is recognisable downstream. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface EmailAdapter {
  send(message: EmailMessage): Promise<void>;
}

/** The development mailbox: logs and keeps each message once per id. */
export class LogEmailAdapter implements EmailAdapter {
  readonly delivered: (EmailMessage & { at: Date })[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly log: (line: string) => void = () => {}) {}
  async send(message: EmailMessage): Promise<void> {
    if (this.seen.has(message.messageId)) return;
    this.seen.add(message.messageId);
    this.delivered.push({ ...message, at: new Date() });
    this.log(`[email] to ${message.to}: ${message.subject}`);
  }
}

export interface SmtpOptions {
  /** smtp://user:password@host:port (smtps:// for implicit TLS). */
  url: string;
  /** The From header, e.g. `"Aleumet" <noreply@aleumet.kz>`. */
  from: string;
  timeoutMs?: number;
}

/** E-mail over SMTP (nodemailer): text and HTML parts, the portal as sender. The connection is set up at the first message. */
export class SmtpEmailAdapter implements EmailAdapter {
  private transport?: Transporter;
  constructor(private readonly opts: SmtpOptions) {}

  private connect(): Transporter {
    if (this.transport) return this.transport;
    const timeout = this.opts.timeoutMs ?? 15_000;
    let url: URL;
    try {
      url = new URL(this.opts.url);
    } catch {
      throw new Error('SMTP_URL must be smtp://user:password@host:port (or smtps://)');
    }
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // A plain local relay (no STARTTLS offered) is allowed; TLS is used whenever the server offers it.
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return this.transport;
  }

  async send(message: EmailMessage): Promise<void> {
    await this.connect().sendMail({
      from: this.opts.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${message.messageId}@aleumet.kz>`,
    });
  }

  close(): void {
    this.transport?.close();
  }
}
