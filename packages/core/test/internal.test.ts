import { afterEach, describe, expect, it, vi } from 'vitest';
import { INTERNAL_SIGNATURE_WINDOW_MS, checkInternal, internalHeaders, requestTarget, signInternal, INTERNAL_SIGNATURE_HEADER } from '../src/internal.js';

const req = { method: 'POST', path: '/graphql', body: '{"query":"{ me { id } }"}' };

describe('internal signature', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('accepts its own signature within the window, for that method, path and body only', () => {
    const now = 1_800_000_000_000;
    const sig = signInternal(req, now);
    expect(sig).toMatch(/^t=1800000000000,v1=[0-9a-f]{64}$/);
    expect(checkInternal(sig, req, now)).toBeNull();
    expect(checkInternal(sig, req, now + INTERNAL_SIGNATURE_WINDOW_MS)).toBeNull();
    expect(checkInternal(sig, req, now + INTERNAL_SIGNATURE_WINDOW_MS + 1)).toBe('expired');
    expect(checkInternal(sig, req, now - INTERNAL_SIGNATURE_WINDOW_MS - 1)).toBe('expired');
    expect(checkInternal(sig, { ...req, body: `${req.body} ` }, now)).toBe('mismatch');
    expect(checkInternal(sig, { ...req, path: '/graphql?x=1' }, now)).toBe('mismatch');
    expect(checkInternal(sig, { ...req, method: 'WS' }, now)).toBe('mismatch');
    // The same bytes as a Buffer (what a server reads) verify the same.
    expect(checkInternal(sig, { ...req, body: Buffer.from(req.body) }, now)).toBeNull();
  });

  it('refuses missing, malformed and forged signatures', () => {
    const now = Date.now();
    expect(checkInternal(undefined, req, now)).toBe('missing');
    expect(checkInternal('', req, now)).toBe('missing');
    expect(checkInternal(['t=1,v1=00'], req, now)).toBe('malformed');
    expect(checkInternal(`t=${now},v1=xyz`, req, now)).toBe('malformed');
    expect(checkInternal(`t=${now},v1=${'0'.repeat(64)}`, req, now)).toBe('mismatch');
  });

  it('a signature made with another secret is refused; production needs a secret of 32+ characters', () => {
    vi.stubEnv('INTERNAL_SECRET', 'one-internal-secret-of-at-least-32-characters');
    const sig = signInternal(req);
    vi.stubEnv('INTERNAL_SECRET', 'another-internal-secret-of-at-least-32-chars');
    expect(checkInternal(sig, req)).toBe('mismatch');
    vi.stubEnv('INTERNAL_SECRET', 'short');
    expect(() => signInternal(req)).toThrow(/at least 32 characters/);
    vi.stubEnv('INTERNAL_SECRET', '');
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => signInternal(req)).toThrow(/INTERNAL_SECRET must be set in production/);
  });

  it('signs what an HTTP client sends: the path and query string of the URL', () => {
    expect(requestTarget('http://people:4001/graphql?a=1')).toBe('/graphql?a=1');
    const headers = internalHeaders('http://people:4001/graphql', req.body);
    expect(checkInternal(headers[INTERNAL_SIGNATURE_HEADER], req)).toBeNull();
  });
});
