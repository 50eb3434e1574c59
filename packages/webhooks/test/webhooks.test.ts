import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, newWebhookSecret, postWebhook, retryDelayMs, signedHeaders, verifyWebhookSignature } from '../src/index.js';

describe('webhook signatures', () => {
  it('v1= hex HMAC-SHA256 of "<timestamp>.<body>", checked with the timestamp tolerance', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const body = '{"id":"e1","type":"measure.fulfilled"}';
    const now = Date.parse('2026-12-07T05:00:00Z');
    const h = signedHeaders(secret, 'e1', body, now);
    expect(h[TIMESTAMP_HEADER]).toBe(String(now / 1000));
    expect(h[SIGNATURE_HEADER]).toBe(`v1=${createHmac('sha256', secret).update(`${now / 1000}.${body}`).digest('hex')}`);
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({ secret, body, timestamp: h[TIMESTAMP_HEADER], signature: h[SIGNATURE_HEADER], now, ...over });
    expect(check({})).toBe(true);
    expect(check({ now: now + 299_000 })).toBe(true);
    expect(check({ now: now + 301_000 })).toBe(false);
    expect(check({ body: body.replace('fulfilled', 'cancelled') })).toBe(false);
    expect(check({ timestamp: String(now / 1000 + 1) })).toBe(false);
    expect(check({ secret: newWebhookSecret() })).toBe(false);
    expect(check({ signature: undefined })).toBe(false);
  });

  it('backs off 30 s, doubling, at most 6 hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(40)).toBe(6 * 3600_000);
  });
});

describe('posting a delivery', () => {
  it('a 2xx is an acknowledgement; another status, a refused connection or a timeout is an outcome to retry', async () => {
    let answer = 204;
    let seen: http.IncomingHttpHeaders | undefined;
    const server = http.createServer((req, res) => {
      seen = req.headers;
      req.resume();
      req.on('end', () => (answer === 0 ? undefined : res.writeHead(answer).end('busy')));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      expect(await postWebhook(url, 'whsec_x', 'e1', '{}')).toMatchObject({ ok: true, status: 204, error: null });
      expect(seen?.[EVENT_ID_HEADER]).toBe('e1');
      answer = 503;
      expect(await postWebhook(url, 'whsec_x', 'e1', '{}')).toMatchObject({ ok: false, status: 503, error: 'HTTP 503: busy' });
      answer = 0; // never answers
      const slow = await postWebhook(url, 'whsec_x', 'e1', '{}', 200);
      expect(slow).toMatchObject({ ok: false, status: null });
      expect(slow.error).toMatch(/^timeout/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    const refused = await postWebhook(url, 'whsec_x', 'e1', '{}');
    expect(refused).toMatchObject({ ok: false, status: null });
  });
});
