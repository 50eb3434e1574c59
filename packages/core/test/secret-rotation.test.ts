import { afterEach, describe, expect, it, vi } from 'vitest';
import { Role, signToken, verifyToken, type Identity } from '@aleumet/core';

/** Rotating the JWT secret (docs/operations.md): old tokens keep working while JWT_PREVIOUS_SECRET names the old secret. */
const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);
const who: Identity = { sub: 'p-rot', role: Role.RECIPIENT, personId: 'p-rot', represents: [], scopes: [] };
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { extensions?: { code?: string } }) => e.extensions?.code);

afterEach(() => vi.unstubAllEnvs());

describe('JWT secret rotation', () => {
  it('accepts tokens of the previous secret only while JWT_PREVIOUS_SECRET is set, and signs with the new one', async () => {
    vi.stubEnv('JWT_SECRET', OLD);
    const before = await signToken(who);
    vi.stubEnv('JWT_SECRET', NEW);
    expect(await code(verifyToken(before))).toBe('UNAUTHENTICATED');
    vi.stubEnv('JWT_PREVIOUS_SECRET', OLD);
    expect((await verifyToken(before)).sub).toBe('p-rot');
    const after = await signToken(who);
    vi.stubEnv('JWT_SECRET', OLD);
    vi.stubEnv('JWT_PREVIOUS_SECRET', '');
    expect(await code(verifyToken(after))).toBe('UNAUTHENTICATED');
    vi.stubEnv('JWT_SECRET', NEW);
    expect(await code(verifyToken(before))).toBe('UNAUTHENTICATED');
    expect((await verifyToken(after)).sub).toBe('p-rot');
  });
});
