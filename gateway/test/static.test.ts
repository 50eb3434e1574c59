import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding, staticFiles } from '../src/static.js';

/** The web app's files as the gateway serves them: compression by Accept-Encoding, caching by name. */
const dir = mkdtempSync(path.join(tmpdir(), 'static-'));
const script = `export const words = ${JSON.stringify(Array.from({ length: 4000 }, (_, i) => `word${i % 97}`))};\n`;
const index = '<!doctype html><html><head><script type="module" src="/assets/index-AbCd1234.js"></script></head><body><div id="root"></div></body></html>\n';
let server: http.Server;
let base: string;

function get(p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${p}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), index);
  writeFileSync(path.join(dir, 'assets', 'index-AbCd1234.js'), script);
  writeFileSync(path.join(dir, 'assets', 'page-XyZ98765.css'), 'main { padding: 1rem; }\n'.repeat(200));
  // A file the build compressed ahead of time: served as written (marked, to tell it from on-the-fly output).
  writeFileSync(path.join(dir, 'assets', 'page-XyZ98765.css.br'), zlib.brotliCompressSync('/* prebuilt */'));
  writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const serve = staticFiles(dir);
  server = http.createServer((req, res) => {
    if (!serve(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('static files of the web app', () => {
  it('chooses brotli, then gzip, by Accept-Encoding and its q-values', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('*')).toBe('br');
  });

  it('sends hashed scripts brotli- or gzip-compressed, or plain, and caches them for a year', async () => {
    const br = await get('/assets/index-AbCd1234.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 5);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);

    const gz = await get('/assets/index-AbCd1234.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get('/assets/index-AbCd1234.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('prefers the file the build compressed ahead of time', async () => {
    const res = await get('/assets/page-XyZ98765.css', { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe('/* prebuilt */');
  });

  it('revalidates index.html on every load (no-cache, ETag, 304), also for client-side routes', async () => {
    for (const p of ['/', '/index.html', '/cabinet', '/supplier/orders']) {
      const res = await get(p, { 'accept-encoding': 'br' });
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-cache');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(zlib.brotliDecompressSync(res.body).toString()).toBe(index);
    }
    const first = await get('/', { 'accept-encoding': 'gzip' });
    const again = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('leaves images uncompressed and unhashed files revalidated; answers HEAD without a body', async () => {
    const png = await get('/logo.png', { 'accept-encoding': 'br, gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['cache-control']).toBe('no-cache');
    expect(png.body.length).toBe(4);
    const head = await get('/assets/index-AbCd1234.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('never serves a file outside its folder', async () => {
    const res = await get('/../../etc/passwd');
    expect(res.headers['content-type']).not.toBe('application/octet-stream');
    const encoded = await get('/%2e%2e/%2e%2e/etc/passwd');
    expect([200, 404]).toContain(encoded.status);
    if (encoded.status === 200) expect(encoded.body.toString()).not.toContain('root:');
  });
});
