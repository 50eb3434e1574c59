import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Role, identityFromHeader, signToken, verifyToken, type Identity } from '@aleumet/core';

/**
 * `Authorization: Bearer <JWT>` signed by the platform (jose), carrying the subject and one of
 * the six roles. Anything else is UNAUTHENTICATED: another issuer or audience, an unsigned token,
 * an unknown role, no subject; in production the development secret is never used.
 */
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { extensions?: { code?: string }; message: string }) => `${e.extensions?.code}: ${e.message}`);
const DEV_SECRET = new TextEncoder().encode('aleumet-development-secret-do-not-use-in-production');
const sign = (claims: Record<string, unknown>, edit: (j: SignJWT) => SignJWT = (j) => j) =>
  edit(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('aleumet').setAudience('aleumet-api').setIssuedAt().setExpirationTime('1h')).sign(DEV_SECRET);

afterEach(() => vi.unstubAllEnvs());

describe('platform tokens', () => {
  it('carry the subject and each of the six roles, with what the role needs', async () => {
    const identities: Identity[] = [
      { sub: 'p-1', role: Role.RECIPIENT, personId: 'p-1', represents: [], scopes: [] },
      { sub: 'p-2', role: Role.REPRESENTATIVE, personId: 'p-2', represents: ['p-1'], scopes: [] },
      { sub: 's-1', role: Role.SUPPLIER, supplierId: 'sup-1', represents: [], scopes: [] },
      { sub: 's-2', role: Role.EMPLOYMENT_DEPARTMENT, regionCode: 'KZ-71', represents: [], scopes: [] },
      { sub: 's-3', role: Role.ADMIN, represents: [], scopes: [] },
      { sub: 'c-1', role: Role.INTEGRATOR, clientId: 'c-1', represents: [], scopes: ['orders:read'] },
    ];
    expect(new Set(identities.map((i) => i.role))).toEqual(new Set(Object.values(Role)));
    for (const identity of identities) {
      const token = await signToken(identity);
      expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'HS256' });
      expect(await verifyToken(token)).toEqual(expect.objectContaining(identity));
      expect(await identityFromHeader(`Bearer ${token}`)).toEqual(expect.objectContaining(identity));
    }
  });

  it('refuses other issuers and audiences, unsigned tokens, unknown roles and a missing subject', async () => {
    const ok = { role: Role.ADMIN, represents: [], scopes: [] };
    expect(await codeOf(verifyToken(await sign(ok, (j) => j.setSubject('a-1'))))).toBe('resolved');
    expect(await codeOf(verifyToken(await sign(ok, (j) => j.setSubject('a-2').setIssuer('someone-else'))))).toMatch(/^UNAUTHENTICATED/);
    expect(await codeOf(verifyToken(await sign(ok, (j) => j.setSubject('a-3').setAudience('another-api'))))).toMatch(/^UNAUTHENTICATED/);
    expect(await codeOf(verifyToken(await sign({ ...ok, role: 'SUPERUSER' }, (j) => j.setSubject('a-4'))))).toMatch(/^UNAUTHENTICATED/);
    expect(await codeOf(verifyToken(await sign(ok)))).toMatch(/^UNAUTHENTICATED/);
    const unsigned = new UnsecuredJWT(ok).setSubject('a-5').setIssuer('aleumet').setAudience('aleumet-api').setExpirationTime('1h').encode();
    expect(await codeOf(verifyToken(unsigned))).toMatch(/^UNAUTHENTICATED/);
    expect(await codeOf(identityFromHeader('Basic abc'))).toMatch(/^UNAUTHENTICATED/);
    expect(await identityFromHeader(undefined)).toBeNull();
  });

  it('refuses a signed token without an expiry (exp): it would be valid forever', async () => {
    const forever = await new SignJWT({ role: Role.ADMIN, represents: [], scopes: [] })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('a-6').setIssuer('aleumet').setAudience('aleumet-api').setIssuedAt().sign(DEV_SECRET);
    expect(await codeOf(verifyToken(forever))).toBe('UNAUTHENTICATED: Token has no expiry (exp)');
    expect(await codeOf(identityFromHeader(`Bearer ${forever}`))).toMatch(/^UNAUTHENTICATED/);
  });

  it('in production: no token without JWT_SECRET, and development-secret tokens are refused once a secret is set', async () => {
    const dev = await signToken({ sub: 'p-9', role: Role.RECIPIENT, personId: 'p-9', represents: [], scopes: [] });
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('JWT_SECRET', '');
    delete process.env.JWT_SECRET;
    await expect(signToken({ sub: 'x', role: Role.ADMIN, represents: [], scopes: [] })).rejects.toThrow(/JWT_SECRET must be set/);
    vi.stubEnv('JWT_SECRET', 'a-production-secret-of-at-least-thirty-two-chars');
    expect(await codeOf(verifyToken(dev))).toBe('UNAUTHENTICATED: Invalid token');
  });
});
