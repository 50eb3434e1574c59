import { afterEach, describe, expect, it, vi } from 'vitest';
import { Role, signToken, verifyToken, type Identity } from '@aleumet/core';

const recipient = (sub: string): Identity => ({ sub, role: Role.RECIPIENT, personId: sub, represents: ['p-2'], scopes: [] });
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { extensions?: { code?: string }; message: string }) => `${e.extensions?.code}: ${e.message}`);

describe('verifyToken (verified tokens are remembered until they expire)', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('answers a second verification of the same token with the same identity, and a caller changing its copy changes nothing', async () => {
    const token = await signToken(recipient('p-1'));
    const first = await verifyToken(token);
    first.represents.push('p-3');
    first.role = Role.ADMIN;
    const second = await verifyToken(token);
    expect(second).toMatchObject({ sub: 'p-1', role: Role.RECIPIENT, personId: 'p-1', represents: ['p-2'] });
  });

  it('refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
    const token = await signToken(recipient('p-4'), '60s');
    await expect(verifyToken(token)).resolves.toMatchObject({ sub: 'p-4' });
    vi.setSystemTime(new Date('2026-11-30T10:00:59Z'));
    await expect(verifyToken(token)).resolves.toMatchObject({ sub: 'p-4' });
    vi.setSystemTime(new Date('2026-11-30T10:01:00Z'));
    expect(await codeOf(verifyToken(token))).toBe('UNAUTHENTICATED: Token expired');
  });

  it('still refuses tampered tokens, and verifies again when the secret changes', async () => {
    const token = await signToken(recipient('p-5'));
    await verifyToken(token);
    const [h, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = [h, Buffer.from(JSON.stringify({ ...claims, role: Role.ADMIN })).toString('base64url'), sig].join('.');
    expect(await codeOf(verifyToken(forged))).toBe('UNAUTHENTICATED: Invalid token');
    vi.stubEnv('JWT_SECRET', 'another-secret-of-at-least-thirty-two-characters');
    expect(await codeOf(verifyToken(token))).toBe('UNAUTHENTICATED: Invalid token');
  });
});
