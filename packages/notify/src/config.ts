import { LogEmailAdapter, SmtpEmailAdapter, type EmailAdapter } from './email.js';
import { LogSmsAdapter, type SmsAdapter } from './sms.js';
import { SmscSmsAdapter } from './smsc.js';

export interface NotifyChannels {
  sms: SmsAdapter;
  email: EmailAdapter;
}

/**
 * Channels from the environment: SMS_URL + SMS_LOGIN + SMS_PASSWORD (+ SMS_SENDER) for the SMS
 * provider, SMTP_URL + MAIL_FROM for e-mail. Without them the development adapters log; with
 * NODE_ENV=production a missing setting is a start-up error, never a silent log.
 */
export function channelsFromEnv(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => {}): NotifyChannels {
  const production = env.NODE_ENV === 'production';
  const missing = (names: string[]) => names.filter((n) => !env[n]);
  const smsMissing = missing(['SMS_URL', 'SMS_LOGIN', 'SMS_PASSWORD']);
  const mailMissing = missing(['SMTP_URL', 'MAIL_FROM']);
  if (production && (smsMissing.length || mailMissing.length)) {
    throw new Error(`Notification channels are not configured (NODE_ENV=production): set ${[...smsMissing, ...mailMissing].join(', ')}`);
  }
  const timeoutMs = Number(env.NOTIFY_TIMEOUT_MS ?? 10_000);
  return {
    sms: smsMissing.length ? new LogSmsAdapter(log) : new SmscSmsAdapter({ url: env.SMS_URL!, login: env.SMS_LOGIN!, password: env.SMS_PASSWORD!, sender: env.SMS_SENDER, timeoutMs }),
    email: mailMissing.length ? new LogEmailAdapter(log) : new SmtpEmailAdapter({ url: env.SMTP_URL!, from: env.MAIL_FROM!, timeoutMs }),
  };
}

/** The cabinet's address put in texts (PORTAL_URL); short, since it counts against the SMS length. */
export function portalUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.PORTAL_URL ?? 'https://aleumet.kz').replace(/\/+$/, '');
}
