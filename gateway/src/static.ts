import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type http from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};
/** Text formats worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map']);
/** Vite names built files `name-<hash>.ext`: their content never changes under that name. */
const HASHED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9.]+$/;

type Encoding = 'br' | 'gzip' | 'identity';
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The client's preferred encoding among ours (brotli first, as it is smaller), from Accept-Encoding with q-values. */
export function negotiateEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const allows = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return 'identity';
}

interface Variants {
  version: string;
  identity: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

/**
 * Serves the built web app; unknown paths fall back to index.html (client-side routes).
 * Text files go out brotli- or gzip-compressed as the client accepts: the `.br`/`.gz` files the
 * build wrote beside them, else compressed once and kept in memory until the file changes.
 * Hashed files are cached for a year (`immutable`); everything else, index.html above all, is
 * revalidated on every load (`no-cache` with an ETag), so a new release reaches users at once.
 */
export function staticFiles(root: string) {
  const base = path.resolve(root);
  const cache = new Map<string, Variants>();

  function variants(file: string, version: string): Variants {
    const known = cache.get(file);
    if (known?.version === version) return known;
    const fresh: Variants = { version, identity: readFileSync(file) };
    cache.set(file, fresh);
    return fresh;
  }

  function encoded(file: string, v: Variants, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer> {
    const prebuilt = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    v[encoding] ??= existsSync(prebuilt) && statSync(prebuilt).mtimeMs >= statSync(file).mtimeMs
      ? Promise.resolve(readFileSync(prebuilt))
      : encoding === 'br'
        ? brotli(v.identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: v.identity.length } })
        : gzip(v.identity, { level: 9 });
    return v[encoding];
  }

  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let urlPath: string;
    try {
      urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    } catch {
      return false;
    }
    let file = path.resolve(base, `.${urlPath}`);
    if (file !== base && !file.startsWith(base + path.sep)) return false;
    if (!existsSync(file) || statSync(file).isDirectory()) {
      file = path.join(base, 'index.html');
      urlPath = '/index.html';
    }
    if (!existsSync(file)) return false;
    const stat = statSync(file);
    const ext = path.extname(file);
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const compressible = COMPRESSIBLE.has(ext);
    const encoding = compressible ? negotiateEncoding(req.headers['accept-encoding']) : 'identity';
    const headers: http.OutgoingHttpHeaders = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': HASHED.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      etag,
      ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const v = variants(file, etag);
    const send = (body: Buffer, used: Encoding) => {
      res.writeHead(200, { ...headers, ...(used === 'identity' ? {} : { 'content-encoding': used }), 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (encoding === 'identity') send(v.identity, 'identity');
    else
      encoded(file, v, encoding).then(
        (body) => send(body, encoding),
        () => send(v.identity, 'identity'),
      );
    return true;
  };
}
