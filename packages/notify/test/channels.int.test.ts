import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmscServer, startSmtpServer } from '@aleumet/testkit';
import { SmscSmsAdapter, SmsProviderError, SmtpEmailAdapter, channelsFromEnv } from '../src/index.js';

describe('SMS over the SMSC.kz HTTP API', () => {
  let smsc: Awaited<ReturnType<typeof startSmscServer>>;
  beforeAll(async () => {
    smsc = await startSmscServer();
  });
  afterAll(() => smsc.close());

  it('posts login, psw, phones, mes, id, charset utf-8 and fmt=3; the status report answers by our id', async () => {
    const sms = new SmscSmsAdapter({ url: smsc.url, login: smsc.login, password: smsc.password, sender: 'Aleumet' });
    expect(await sms.status({ messageId: 'd-1', to: '+77011234567' })).toBe('UNKNOWN');
    await sms.send({ messageId: 'd-1', to: '+77011234567', text: 'Aleumet: мера қолжетімді' });
    expect(smsc.received).toMatchObject([{ id: 'd-1', phones: '+77011234567', mes: 'Aleumet: мера қолжетімді', sender: 'Aleumet' }]);
    expect(await sms.status({ messageId: 'd-1', to: '+77011234567' })).toBe('DELIVERED');
    smsc.state.report = 20;
    expect(await sms.status({ messageId: 'd-1', to: '+77011234567' })).toBe('FAILED');
    smsc.state.report = 1;
  });

  it('a refusal names its code; a bad number is final, bad credentials are not; a 5xx is retried', async () => {
    const sms = new SmscSmsAdapter({ url: smsc.url, login: smsc.login, password: smsc.password, retries: 2 });
    const bad = await sms.send({ messageId: 'd-2', to: '123', text: 'x' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(SmsProviderError);
    expect(bad).toMatchObject({ code: 7, final: true });
    const creds = await new SmscSmsAdapter({ url: smsc.url, login: smsc.login, password: 'wrong' }).send({ messageId: 'd-3', to: '+77011234567', text: 'x' }).catch((e: unknown) => e);
    expect(creds).toMatchObject({ code: 2, final: false });
    smsc.state.failNext = 1;
    await sms.send({ messageId: 'd-4', to: '+77011234567', text: 'retried' });
    expect(smsc.received.at(-1)).toMatchObject({ id: 'd-4', mes: 'retried' });
  });
});

describe('e-mail over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it('sends text and HTML parts with our message id to the SMTP server, authenticated', async () => {
    const mail = new SmtpEmailAdapter({ url: smtp.url, from: '"Aleumet" <noreply@aleumet.kz>' });
    await mail.send({ messageId: 'n-1', to: 'reporter@example.kz', subject: 'Aleumet: Обращение №1234', text: 'Текст', html: '<p>Текст</p>' });
    mail.close();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: 'noreply@aleumet.kz', to: ['reporter@example.kz'] });
    expect(smtp.received[0]!.data).toContain('Message-ID: <n-1@aleumet.kz>');
    expect(smtp.received[0]!.data).toMatch(/Content-Type: text\/plain/);
    expect(smtp.received[0]!.data).toMatch(/Content-Type: text\/html/);
    const wrong = new SmtpEmailAdapter({ url: smtp.url.replace('mailer:pw', 'mailer:nope'), from: 'noreply@aleumet.kz' });
    await expect(wrong.send({ messageId: 'n-2', to: 'a@b.kz', subject: 's', text: 't', html: 'h' })).rejects.toThrow(/Invalid/);
    wrong.close();
  });
});

describe('configuration', () => {
  it('production without channel settings is a start-up error; development logs', () => {
    expect(() => channelsFromEnv({ NODE_ENV: 'production' })).toThrow(/SMS_URL, SMS_LOGIN, SMS_PASSWORD, SMTP_URL, MAIL_FROM/);
    expect(() => channelsFromEnv({ NODE_ENV: 'production', SMS_URL: 'http://x', SMS_LOGIN: 'a', SMS_PASSWORD: 'b', SMTP_URL: 'smtp://h:25', MAIL_FROM: 'a@b.kz' })).not.toThrow();
    expect(channelsFromEnv({}).sms.constructor.name).toBe('LogSmsAdapter');
  });
});
