import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH, type Platform } from '@aleumet/platform';
import { startGateway, type RunningGateway } from '@aleumet/gateway';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, world } from '@aleumet/testkit';
import { trustedProxies } from '../../src/security/client-address.js';
import { post } from './helpers.js';

/**
 * Rate limits per real client behind our reverse proxy: the gateway takes the client's address from
 * `X-Forwarded-For` only when the socket peer is a configured trusted proxy (the right-most address that is
 * not a trusted proxy), and anonymous sign-in has a bucket of its own per address. Here the test process is
 * both "nginx" (127.0.0.1, trusted) and the clients behind it (the addresses it writes into the header).
 */
let platform: Platform;
const extra: RunningGateway[] = [];
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  for (const g of extra) await g.close();
  await platform?.close();
});

const ANONYMOUS_PER_MINUTE = 5;
const SIGN_IN_PER_MINUTE = 3;
async function gateway(trusted: string[]) {
  const urls = Object.fromEntries(Object.values(platform.subgraphs).map((s) => [s.name, s.url]));
  const g = await startGateway({
    supergraphPath: SUPERGRAPH_PATH, port: 0, host: '127.0.0.1', subgraphUrls: urls, drainTimeoutMs: 100,
    security: { trustedProxies: trusted, rateLimit: { anonymousPerMinute: ANONYMOUS_PER_MINUTE, signInPerMinute: SIGN_IN_PER_MINUTE, burst: 60 } },
  });
  extra.push(g);
  return g.url;
}

const CATALOG = `query CatalogPage { regions(first: 1) { nodes { code } } }`;
const CHALLENGE = `mutation SignInChallenge($iin: String!) { signInChallenge(iin: $iin) { document expiresAt } }`;
const catalog = (url: string, forwardedFor?: string) => post(url, { query: CATALOG }, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});
const challenge = (url: string, forwardedFor?: string) => post(url, { query: CHALLENGE, variables: { iin: world().persons[0]!.iin } }, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});
/** Takes the whole anonymous bucket of this address (the next anonymous request is refused). */
async function flood(url: string, forwardedFor?: string) {
  for (let i = 0; i < ANONYMOUS_PER_MINUTE; i++) expect((await catalog(url, forwardedFor)).errors).toBeUndefined();
  const refused = await catalog(url, forwardedFor);
  expect(codes(refused)).toEqual(['RATE_LIMITED']);
  expect(refused.status).toBe(429);
}

describe('client address behind a trusted proxy', () => {
  it('gives two clients behind the proxy buckets of their own', async () => {
    const url = await gateway(['127.0.0.1', '::1']);
    await flood(url, '203.0.113.1');
    expect((await catalog(url, '203.0.113.2')).errors).toBeUndefined();
    // The proxy's own requests (no header) are a third client.
    expect((await catalog(url)).errors).toBeUndefined();
  });

  it('takes the right-most address that is not a trusted proxy: what the client wrote itself is ignored', async () => {
    const url = await gateway(['127.0.0.1', '::1', '10.0.0.0/8']);
    // The client forges addresses to the left; our proxy appends the one it saw (203.0.113.10).
    for (let i = 0; i < ANONYMOUS_PER_MINUTE; i++) expect((await catalog(url, `198.51.100.${i}, 203.0.113.10`)).errors).toBeUndefined();
    expect(codes(await catalog(url, '198.51.100.99, 203.0.113.10'))).toEqual(['RATE_LIMITED']);
    // Through two of our proxies (10.1.2.3 is trusted too): still the client before them.
    expect(codes(await catalog(url, '198.51.100.98,203.0.113.10, 10.1.2.3'))).toEqual(['RATE_LIMITED']);
    expect((await catalog(url, '203.0.113.11, 10.1.2.3')).errors).toBeUndefined();
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    // Only 10.9.9.9 is trusted: this test process (127.0.0.1) is a client like any other, whatever it claims.
    const url = await gateway(['10.9.9.9']);
    for (let i = 0; i < ANONYMOUS_PER_MINUTE; i++) expect((await catalog(url, `203.0.113.${100 + i}`)).errors).toBeUndefined();
    expect(codes(await catalog(url, '203.0.113.200'))).toEqual(['RATE_LIMITED']);
    expect(codes(await catalog(url))).toEqual(['RATE_LIMITED']);
  });

  it('ignores X-Forwarded-For when no proxy is configured', async () => {
    const url = await gateway([]);
    await flood(url, '203.0.113.50');
    expect(codes(await catalog(url, '203.0.113.51'))).toEqual(['RATE_LIMITED']);
  });
});

describe('anonymous sign-in has a bucket of its own per address', () => {
  it('a flood of catalog queries locks out neither another address nor the same address from signing in', async () => {
    const url = await gateway(['127.0.0.1', '::1']);
    await flood(url, '203.0.113.20');
    const other = await challenge(url, '203.0.113.21');
    expect(other.errors).toBeUndefined();
    expect(other.data.signInChallenge.document).toContain('sign-in');
    // The flooding address may still sign in: its sign-in bucket is separate from its other anonymous traffic.
    expect((await challenge(url, '203.0.113.20')).errors).toBeUndefined();
  });

  it("is limited per address too: sign-in attempts from one address do not use up another's", async () => {
    const url = await gateway(['127.0.0.1', '::1']);
    for (let i = 0; i < SIGN_IN_PER_MINUTE; i++) expect((await challenge(url, '203.0.113.30')).errors).toBeUndefined();
    const refused = await challenge(url, '203.0.113.30');
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await challenge(url, '203.0.113.31')).errors).toBeUndefined();
    // Its sign-in bucket is empty, its catalog bucket is not.
    expect((await catalog(url, '203.0.113.30')).errors).toBeUndefined();
  });

  it('counts a mutation that only looks like sign-in (another root field beside it) as other anonymous traffic', async () => {
    const url = await gateway(['127.0.0.1', '::1']);
    await flood(url, '203.0.113.40');
    const mixed = await post(url, { query: `mutation { signInChallenge(iin: "${world().persons[0]!.iin}") { expiresAt } revokeApiKey(id: "00000000-0000-0000-0000-000000000000") { id } }` }, { 'x-forwarded-for': '203.0.113.40' });
    expect(codes(mixed)).toEqual(['RATE_LIMITED']);
  });
});

describe('trusted proxies (configuration)', () => {
  it('matches addresses, CIDRs (IPv4, IPv6, IPv4 on a dual-stack socket) and host names', async () => {
    const p = trustedProxies(['10.0.0.5', '172.16.0.0/12', 'fd00::/8', 'localhost']);
    try {
      expect(p.trusts('10.0.0.5')).toBe(true);
      expect(p.trusts('::ffff:10.0.0.5')).toBe(true);
      expect(p.trusts('10.0.0.6')).toBe(false);
      expect(p.trusts('172.31.255.1')).toBe(true);
      expect(p.trusts('172.32.0.1')).toBe(false);
      expect(p.trusts('fd12::1')).toBe(true);
      expect(p.trusts('2001:db8::1')).toBe(false);
      expect(p.trusts('not-an-address')).toBe(false);
      // Host names are resolved in the background.
      await expect.poll(() => p.trusts('127.0.0.1')).toBe(true);
      expect(p.clientAddress('::ffff:10.0.0.5', '203.0.113.9')).toBe('203.0.113.9');
      expect(p.clientAddress('10.0.0.5', 'garbage, 203.0.113.9')).toBe('203.0.113.9');
      expect(p.clientAddress('10.0.0.5', ['203.0.113.8', '203.0.113.9'])).toBe('203.0.113.9');
      expect(p.clientAddress('10.0.0.5', '10.0.0.5')).toBe('10.0.0.5');
      expect(p.clientAddress('192.0.2.1', '203.0.113.9')).toBe('192.0.2.1');
    } finally {
      p.close();
    }
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow(/not an address, a CIDR or a host name/);
  });
});
