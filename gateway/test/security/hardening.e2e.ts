import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { SUPERGRAPH_PATH, type Platform } from '@aleumet/platform';
import { startGateway, type RunningGateway } from '@aleumet/gateway';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { post } from './helpers.js';

/** The platform with production hardening switched on (tests run the gateway in development mode otherwise). */
let platform: Platform;
let url: string;
const WEB_DOC = `query WebOfferings { offerings(first: 2) { nodes { id title } } }`;
const ME = `query WebMe { me { id fullName } }`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  platform = await startTestPlatform({
    gatewayOptions: {
      security: {
        mode: 'production',
        trustedDocuments: { documents: [WEB_DOC, ME] },
        limits: { maxDepth: 6, maxAliases: 3, maxDirectives: 3, maxTokens: 300, maxCost: 100 },
        rateLimit: { anonymousPerMinute: 100_000, perMinute: 100_000, burst: 10_000 },
      },
    },
  });
  url = platform.gateway.url;
});
afterAll(() => platform?.close());

describe('trusted documents in production', () => {
  it("runs the web app's documents, by text or by hash, and refuses anything else", async () => {
    const ok = await gql(url, WEB_DOC);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.offerings.nodes).toHaveLength(2);
    const byHash = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(WEB_DOC) } } });
    expect(byHash.errors).toBeUndefined();
    const other = await gql(url, `{ offerings(first: 2) { nodes { id } } }`);
    expect(codes(other)).toEqual(['OPERATION_NOT_TRUSTED']);
    expect(other.status).toBe(403);
    const signedIn = await gql(url, `{ me { id iin } }`, {}, await tokenFor(recipientIdentity(0)));
    expect(codes(signedIn)).toEqual(['OPERATION_NOT_TRUSTED']);
    expect((await gql(url, ME, {}, await tokenFor(recipientIdentity(0)))).data.me.id).toBe(world().persons[0]!.id);
  });

  it('refuses integrator tokens whose client has no registered operations', async () => {
    const res = await gql(url, WEB_DOC, {}, await tokenFor({ sub: 'x', role: 'INTEGRATOR', represents: [], scopes: ['orders:read'], clientId: 'unregistered' }));
    expect(codes(res)).toEqual(['OPERATION_NOT_TRUSTED']);
  });
});

describe('introspection', () => {
  const INTROSPECT = `{ __schema { queryType { name } } }`;
  it('is off for everyone but admins in production', async () => {
    expect(codes(await gql(url, INTROSPECT))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, INTROSPECT, {}, await tokenFor(recipientIdentity(0))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, `{ __type(name: "Person") { name } }`))).toEqual(['FORBIDDEN']);
    const admin = await gql(url, INTROSPECT, {}, await tokenFor(adminIdentity()));
    expect(admin.errors).toBeUndefined();
    expect(admin.data.__schema.queryType.name).toBe('Query');
  });

  it('admins may introspect, others may not, also when the gateway runs with NODE_ENV=production', async () => {
    // Apollo Server reads NODE_ENV when it is constructed (its own default: no introspection for anyone in production).
    vi.stubEnv('NODE_ENV', 'production');
    // Production refuses to start without its own internal secret; the subgraphs here run with the
    // development one, which the gateway reads again per request once the environment is restored.
    vi.stubEnv('INTERNAL_SECRET', 'x'.repeat(32));
    let g: RunningGateway;
    try {
      const urls = Object.fromEntries(Object.values(platform.subgraphs).map((s) => [s.name, s.url]));
      g = await startGateway({ supergraphPath: SUPERGRAPH_PATH, port: 0, subgraphUrls: urls, drainTimeoutMs: 100, security: { trustedDocuments: { documents: [WEB_DOC] } } });
    } finally {
      vi.unstubAllEnvs();
    }
    try {
      const admin = await gql(g.url, INTROSPECT, {}, await tokenFor(adminIdentity()));
      expect(admin.errors).toBeUndefined();
      expect(admin.data.__schema.queryType.name).toBe('Query');
      expect((await gql(g.url, `{ __type(name: "Person") { name } }`, {}, await tokenFor(adminIdentity()))).data.__type.name).toBe('Person');
      expect(codes(await gql(g.url, INTROSPECT))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(g.url, INTROSPECT, {}, await tokenFor(recipientIdentity(0))))).toEqual(['FORBIDDEN']);
      // Production otherwise: the web app's documents only.
      expect(codes(await gql(g.url, `{ offerings(first: 1) { nodes { id } } }`))).toEqual(['OPERATION_NOT_TRUSTED']);
    } finally {
      await g.close();
    }
  });

  it('does not suggest field names', async () => {
    const res = await gql(url, `{ offering { titel } }`);
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
  });
});

describe('limits (refused before any subgraph is called)', () => {
  const limited = async (query: string) => {
    const res = await gql(url, query);
    expect(codes(res)).toContain('QUERY_TOO_COMPLEX');
    expect(res.status).toBe(400);
    return res;
  };
  it('depth', async () => {
    await limited(`{ orders { nodes { offering { supplier { offerings { nodes { supplier { name } } } } } } } }`);
  });
  it('aliases', async () => {
    await limited(`{ a: regions { nodes { code } } b: regions { nodes { code } } c: regions { nodes { code } } d: regions { nodes { code } } }`);
  });
  it('directives', async () => {
    await limited(`{ regions { nodes { code @include(if: true) @skip(if: false) @include(if: true) @skip(if: false) } } }`);
  });
  it('tokens', async () => {
    await limited(`{ regions { nodes { ${'code '.repeat(300)} } } }`);
  });
  it('cost', async () => {
    // Depth 6 and few tokens, but many fields deep down: armor's cost grows by 1.5 per level.
    await limited(`{ offerings { nodes { supplier { offerings { nodes { id title description price kind itemTypeCode createdAt regionCodes id title description price kind } } } } } }`);
  });
  it('request size (1 MB)', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ regions { nodes { code } } }`, variables: { pad: 'x'.repeat(1_100_000) } }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('CSRF and browser sessions', () => {
  it('refuses simple (form-like) requests that a foreign page could send', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: WEB_DOC }) });
    expect(res.status).toBe(400);
    const get = await fetch(`${url}?query=${encodeURIComponent(WEB_DOC)}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
  });

  it('never reads a session from cookies: a cookie-borne token is ignored', async () => {
    const token = await tokenFor(recipientIdentity(0));
    const res = await post(url, { query: ME }, { cookie: `token=${token}; session=${token}; authorization=Bearer%20${token}` });
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});
