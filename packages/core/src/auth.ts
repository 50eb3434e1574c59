import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { unauthenticated, forbidden } from './errors.js';

export const Role = {
  RECIPIENT: 'RECIPIENT',
  REPRESENTATIVE: 'REPRESENTATIVE',
  SUPPLIER: 'SUPPLIER',
  EMPLOYMENT_DEPARTMENT: 'EMPLOYMENT_DEPARTMENT',
  ADMIN: 'ADMIN',
  INTEGRATOR: 'INTEGRATOR',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
const ROLES = new Set<string>(Object.values(Role));

/** The verified caller, as every subgraph sees it. */
export interface Identity {
  sub: string;
  role: Role;
  /** The person this caller is (recipients and representatives). */
  personId?: string;
  /** Persons this caller may act for besides itself (legal representative, proxy). */
  represents: string[];
  supplierId?: string;
  regionCode?: string;
  scopes: string[];
  clientId?: string;
  /** The API key a client-credential token was issued from: revoking the key ends the token too. */
  keyId?: string;
}

const ISSUER = 'aleumet';
const AUDIENCE = 'aleumet-api';
const DEV_SECRET = 'aleumet-development-secret-do-not-use-in-production';

function secretKey(): Uint8Array {
  const secret = process.env.JWT_SECRET;
  if (!secret) {
    if (process.env.NODE_ENV === 'production') throw new Error('JWT_SECRET must be set in production');
    return new TextEncoder().encode(DEV_SECRET);
  }
  if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

/**
 * During a rotation of the JWT secret: tokens signed with the previous secret (JWT_PREVIOUS_SECRET) are
 * still accepted until they expire (12 h at most), while every new token is signed with JWT_SECRET.
 * Remove JWT_PREVIOUS_SECRET once the longest token lifetime has passed (docs/operations.md).
 */
function previousSecretKey(): Uint8Array | null {
  const previous = process.env.JWT_PREVIOUS_SECRET;
  if (!previous) return null;
  if (previous.length < 32) throw new Error('JWT_PREVIOUS_SECRET must be at least 32 characters');
  return new TextEncoder().encode(previous);
}

export async function signToken(identity: Identity, ttl = '12h'): Promise<string> {
  const { sub, ...claims } = identity;
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(secretKey());
}

/**
 * Tokens already verified, until they expire: every subgraph request and every per-event fetch of a
 * subscription carries its caller's token, and the HMAC check (key import included) was a tenth of a
 * busy subgraph's time. Keyed by the whole token and the secret, so a changed secret verifies again.
 */
const verified = new Map<string, { identity: Identity; exp: number; secret: string }>();
const VERIFIED_MAX = 20_000;

function copyIdentity(i: Identity): Identity {
  return { ...i, represents: [...i.represents], scopes: [...i.scopes] };
}

export async function verifyToken(token: string): Promise<Identity> {
  const secret = `${process.env.JWT_SECRET ?? ''}\n${process.env.JWT_PREVIOUS_SECRET ?? ''}`;
  const hit = verified.get(token);
  if (hit && hit.secret === secret) {
    if (Date.now() < hit.exp * 1000) return copyIdentity(hit.identity);
    verified.delete(token);
  }
  try {
    // `exp` is required: a token without one would be accepted forever (ours always carry one).
    const options = { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp'] };
    const previous = previousSecretKey();
    const { payload } = await jwtVerify(token, secretKey(), options).catch((e: unknown) => {
      if (previous && e instanceof joseErrors.JWSSignatureVerificationFailed) return jwtVerify(token, previous, options);
      throw e;
    });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || typeof role !== 'string' || !ROLES.has(role)) throw unauthenticated('Token has no valid subject or role');
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const identity: Identity = {
      sub: payload.sub,
      role: role as Role,
      personId: str(payload.personId),
      represents: strs(payload.represents),
      supplierId: str(payload.supplierId),
      regionCode: str(payload.regionCode),
      scopes: strs(payload.scopes),
      clientId: str(payload.clientId),
      keyId: str(payload.keyId),
    };
    // Remembered until its expiry, never past it.
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
    verified.set(token, { identity: copyIdentity(identity), exp: payload.exp!, secret });
    return identity;
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw unauthenticated('Token expired');
    if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'exp') throw unauthenticated('Token has no expiry (exp)');
    if (e instanceof joseErrors.JOSEError) throw unauthenticated('Invalid token');
    throw e;
  }
}

/** Reads `Authorization: Bearer …`; no header means anonymous (null), a bad token is an error. */
export async function identityFromHeader(header: string | undefined | null): Promise<Identity | null> {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw unauthenticated('Authorization header must be "Bearer <token>"');
  return verifyToken(m[1]!);
}

export function requireIdentity(identity: Identity | null): Identity {
  if (!identity) throw unauthenticated();
  return identity;
}

export function requireRole(identity: Identity | null, ...roles: Role[]): Identity {
  const id = requireIdentity(identity);
  if (!roles.includes(id.role)) throw forbidden();
  return id;
}

export function hasScope(identity: Identity, scope: string): boolean {
  return identity.role === Role.INTEGRATOR && identity.scopes.includes(scope);
}

/** Persons whose own data this caller may see as "self": itself and those it represents. */
export function actsFor(identity: Identity, personId: string): boolean {
  return identity.personId === personId || identity.represents.includes(personId);
}

/**
 * The `exp` (ms) of a bearer JWT, read without verifying it: for a token verified elsewhere, or only to
 * choose among tokens (whoever receives it verifies it).
 */
export function bearerExpiresAt(authorization: string): number | undefined {
  const payload = /^Bearer\s+[^.\s]+\.([^.\s]+)\.[^.\s]*$/i.exec(authorization)?.[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
