import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedSms { id: string; phones: string; mes: string; sender?: string; at: Date }

/**
 * A local SMS provider speaking SMSC.kz's HTTP API (send.php and status.php, fmt=3, login/psw),
 * keeping every message it accepted. `report` sets the delivery status it answers (1 delivered by default).
 */
export async function startSmscServer(credentials = { login: 'portal', password: 'secret' }) {
  const received: ReceivedSms[] = [];
  const state = { report: 1, failNext: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://local');
      const p = Object.fromEntries(req.method === 'POST' ? new URLSearchParams(body) : url.searchParams);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      if (state.failNext > 0) {
        state.failNext--;
        res.statusCode = 503;
        return res.end('{}');
      }
      if (p.login !== credentials.login || p.psw !== credentials.password) return res.end(JSON.stringify({ error: 'authorise error', error_code: 2 }));
      if (p.fmt !== '3') return res.end('ERROR = 1 (parameters error)');
      if (url.pathname === '/sys/send.php') {
        if (!p.phones || !/^\+?7\d{10}$/.test(p.phones)) return res.end(JSON.stringify({ error: 'invalid number', error_code: 7 }));
        if (!p.mes) return res.end(JSON.stringify({ error: 'parameters error', error_code: 1 }));
        received.push({ id: p.id ?? '', phones: p.phones, mes: p.mes, sender: p.sender, at: new Date() });
        return res.end(JSON.stringify({ id: p.id, cnt: 1 }));
      }
      if (url.pathname === '/sys/status.php') {
        const known = received.some((r) => r.id === p.id && r.phones === p.phone);
        return res.end(JSON.stringify(known ? { status: state.report, last_date: '01.01.2027 10:00:00', last_timestamp: 1798772400, flag: 0, err: 0 } : { status: -3, err: 0 }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, ...credentials, received, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface ReceivedMail { from: string; to: string[]; data: string; at: Date }

/** A local SMTP server (smtp-server) requiring AUTH, keeping every message as received. */
export async function startSmtpServer(credentials = { user: 'mailer', password: 'pw' }) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === credentials.user && auth.password === credentials.password) return cb(null, { user: auth.username });
      cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8'), at: new Date() });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://${credentials.user}:${credentials.password}@127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The decoded text of a received message's parts (quoted-printable and base64 undone). */
export function mailText(data: string): string {
  const unfolded = data.replace(/=\r?\n/g, '');
  const qp = unfolded.replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.split('=').slice(1).map((h) => parseInt(h, 16))).toString('utf8'));
  const b64 = [...data.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/g)].map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'));
  return [qp, ...b64].join('\n');
}
