import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleJsonRoute } from '../src/index.js';

/** A real node:http server with one plain JSON route, asked by Node's fetch (keep-alive, as browsers and integrators do). */
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.method === 'GET') return void res.end('ok');
    void handleJsonRoute(req, res, async (body) => body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a body over the limit', () => {
  it('is refused with 413 on a connection the client is told not to reuse, so its next requests are answered', async () => {
    for (let i = 0; i < 20; i++) {
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) });
      expect(refused.status).toBe(413);
      expect(refused.headers.get('connection')).toBe('close');
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      // Without `connection: close` the client reused the refused connection and got ECONNRESET here.
      expect(await (await fetch(url)).text()).toBe('ok');
      const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(await ok.json()).toEqual({ data: { a: 1 } });
      expect(ok.headers.get('connection')).toBe('keep-alive');
    }
  });
});
