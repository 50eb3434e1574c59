import { SmsProviderError, type SmsAdapter, type SmsMessage, type SmsStatus } from './sms.js';

export interface SmscOptions {
  /** Base address of the provider, e.g. https://smsc.kz (its HTTP API lives under /sys/). */
  url: string;
  login: string;
  password: string;
  /** Registered sender name (Sender ID); the account's default when absent. */
  sender?: string;
  timeoutMs?: number;
  /** Attempts per call on network errors and 5xx answers. */
  retries?: number;
}

/**
 * Provider error codes (answer `{"error": …, "error_code": N}` with fmt=3). Retrying cannot help
 * after 1 (bad parameters), 5 (bad time format), 6 (message forbidden), 7 (bad phone), 8 (cannot be
 * delivered); 2 (credentials), 3 (balance), 4 (IP blocked) and 9 (too many identical requests) are
 * retried later by the caller.
 */
const FINAL_CODES = new Set([1, 5, 6, 7, 8]);

interface SmscAnswer {
  id?: number | string;
  cnt?: number;
  status?: number;
  err?: number;
  last_timestamp?: number;
  error?: string;
  error_code?: number;
}

/**
 * SMSC.kz HTTP API (the SMS service many Kazakh public bodies buy): `POST /sys/send.php` with
 * login, psw, phones, mes, id (our message id), sender, charset=utf-8 and fmt=3 (JSON answer
 * `{"id", "cnt"}`); delivery reports by `GET /sys/status.php?login&psw&phone&id&fmt=3`
 * (`{"status", "last_date", "last_timestamp", "flag", "err"}`; status -3 means the provider never received the id).
 */
export class SmscSmsAdapter implements SmsAdapter {
  private readonly base: string;
  constructor(private readonly opts: SmscOptions) {
    this.base = opts.url.replace(/\/+$/, '');
  }

  async send(message: SmsMessage): Promise<void> {
    const form: Record<string, string> = {
      login: this.opts.login,
      psw: this.opts.password,
      phones: message.to,
      mes: message.text,
      id: message.messageId,
      charset: 'utf-8',
      fmt: '3',
    };
    if (this.opts.sender) form.sender = this.opts.sender;
    const answer = await this.call('send.php', form, 'POST');
    if (answer.error !== undefined || answer.error_code !== undefined) {
      const code = Number(answer.error_code ?? 0);
      throw new SmsProviderError(`SMS provider refused (${code}): ${answer.error ?? ''}`, code, FINAL_CODES.has(code));
    }
  }

  async status(message: { messageId: string; to: string }): Promise<SmsStatus> {
    const answer = await this.call('status.php', { login: this.opts.login, psw: this.opts.password, phone: message.to, id: message.messageId, fmt: '3', charset: 'utf-8' }, 'GET');
    if (answer.error !== undefined || answer.error_code !== undefined) {
      // The documented answer for an unknown id is status -3; error_code 3 is taken the same way.
      if (Number(answer.error_code) === 3) return 'UNKNOWN';
      throw new SmsProviderError(`SMS provider status refused (${answer.error_code}): ${answer.error ?? ''}`, Number(answer.error_code ?? 0), false);
    }
    return statusOf(Number(answer.status));
  }

  private async call(script: string, params: Record<string, string>, method: 'GET' | 'POST'): Promise<SmscAnswer> {
    const attempts = Math.max(1, this.opts.retries ?? 3);
    let last: unknown;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200 * 2 ** (i - 1)));
      try {
        const body = new URLSearchParams(params);
        const url = `${this.base}/sys/${script}${method === 'GET' ? `?${body}` : ''}`;
        const res = await fetch(url, {
          method,
          headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {},
          body: method === 'POST' ? body.toString() : undefined,
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
        });
        if (res.status >= 500) throw new Error(`SMS provider answered HTTP ${res.status}`);
        if (!res.ok) throw new SmsProviderError(`SMS provider answered HTTP ${res.status}`, null, false);
        return (await res.json()) as SmscAnswer;
      } catch (e) {
        if (e instanceof SmsProviderError) throw e;
        last = e;
      }
    }
    throw new SmsProviderError(`SMS provider unreachable: ${(last as Error)?.message}`, null, false);
  }
}

/** Provider statuses: -3 not found, -1 waiting, 0 handed to the operator, 1 delivered, 2 read, 3 expired, 20/22/23/24/25 undeliverable. */
export function statusOf(code: number): SmsStatus {
  if (code === -3) return 'UNKNOWN';
  if (code === -1 || code === 0) return 'PENDING';
  if (code === 1 || code === 2 || code === 4) return 'DELIVERED';
  return 'FAILED';
}
