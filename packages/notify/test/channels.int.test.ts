import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmscSmsAdapter, SmsProviderError, SmtpEmailAdapter, channelsFromEnv } from '../src/index.js';

/** A local server answering SMSC.kz's send.php and status.php (fmt=3) and keeping what it received. */
function smscServer() {
  const received: Record<string, string>[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const params = Object.fromEntries(req.method === 'POST' ? new URLSearchParams(body) : url.searchParams);
      res.setHeader('content-type', 'application/json');
      if (params.login !== 'portal' || params.psw !== 'secret') return res.end(JSON.stringify({ error: 'authorise error', error_code: 2 }));
      if (url.pathname === '/sys/send.php') {
        if (!/^\+?7\d{10}$/.test(params.phones!)) return res.end(JSON.stringify({ error: 'invalid number', error_code: 7 }));
        received.push(params);
        return res.end(JSON.stringify({ id: params.id, cnt: 1 }));
      }
      if (url.pathname === '/sys/status.php') {
        const known = received.some((r) => r.id === params.id);
        return res.end(JSON.stringify(known ? { status: 1, last_date: '07.12.2026 10:00:00', last_timestamp: 1796623200, err: 0 } : { status: -3, err: 0 }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  return { server, received };
}

describe('SMS over the SMSC.kz HTTP API', () => {
  const { server, received } = smscServer();
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts login, psw, phones, mes, id, charset utf-8 and fmt=3; the status report answers by our id', async () => {
    const sms = new SmscSmsAdapter({ url, login: 'portal', password: 'secret', sender: 'Aleumet' });
    expect(await sms.status({ messageId: 'd-1', to: '+77011234567' })).toBe('UNKNOWN');
    await sms.send({ messageId: 'd-1', to: '+77011234567', text: 'Aleumet: мера қолжетімді' });
    expect(received).toEqual([{ login: 'portal', psw: 'secret', phones: '+77011234567', mes: 'Aleumet: мера қолжетімді', id: 'd-1', charset: 'utf-8', fmt: '3', sender: 'Aleumet' }]);
    expect(await sms.status({ messageId: 'd-1', to: '+77011234567' })).toBe('DELIVERED');
  });

  it('a refusal names its code; a bad number is final, bad credentials are not', async () => {
    const sms = new SmscSmsAdapter({ url, login: 'portal', password: 'secret' });
    const bad = await sms.send({ messageId: 'd-2', to: '123', text: 'x' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(SmsProviderError);
    expect(bad).toMatchObject({ code: 7, final: true });
    const creds = await new SmscSmsAdapter({ url, login: 'portal', password: 'wrong' }).send({ messageId: 'd-3', to: '+77011234567', text: 'x' }).catch((e: unknown) => e);
    expect(creds).toMatchObject({ code: 2, final: false });
  });
});

describe('e-mail over SMTP', () => {
  const mails: { from: string; to: string[]; data: string; user?: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, cb) {
      if (auth.username === 'mailer' && auth.password === 'pw') return cb(null, { user: auth.username });
      cb(new Error('bad credentials'));
    },
    onData(stream, session, cb) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data, user: String(session.user) });
        cb();
      });
    },
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => smtp.close(() => r())));

  it('sends text and HTML parts with our message id to the SMTP server, authenticated', async () => {
    const mail = new SmtpEmailAdapter({ url: `smtp://mailer:pw@127.0.0.1:${port}`, from: '"Aleumet" <noreply@aleumet.kz>' });
    await mail.send({ messageId: 'n-1', to: 'reporter@example.kz', subject: 'Aleumet: Обращение №1234', text: 'Текст', html: '<p>Текст</p>' });
    mail.close();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: 'noreply@aleumet.kz', to: ['reporter@example.kz'], user: 'mailer' });
    expect(mails[0]!.data).toContain('Message-ID: <n-1@aleumet.kz>');
    expect(mails[0]!.data).toMatch(/Content-Type: text\/plain/);
    expect(mails[0]!.data).toMatch(/Content-Type: text\/html/);
  });
});

describe('configuration', () => {
  it('production without channel settings is a start-up error; development logs', () => {
    expect(() => channelsFromEnv({ NODE_ENV: 'production' })).toThrow(/SMS_URL, SMS_LOGIN, SMS_PASSWORD, SMTP_URL, MAIL_FROM/);
    expect(() => channelsFromEnv({ NODE_ENV: 'production', SMS_URL: 'http://x', SMS_LOGIN: 'a', SMS_PASSWORD: 'b', SMTP_URL: 'smtp://h:25', MAIL_FROM: 'a@b.kz' })).not.toThrow();
    expect(channelsFromEnv({}).sms.constructor.name).toBe('LogSmsAdapter');
  });
});
