import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash, type ScryptOptions } from 'node:crypto';
import { EventEmitter } from 'node:events';

/**
 * Integrator API keys: `alk_<keyId>_<secret>`. The key id (public, 16 hex) finds the row; the
 * secret (32 random bytes) is stored only as a salted scrypt hash and shown once, at creation.
 */
export const API_KEY_PREFIX = 'alk_';
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

const scrypt = (secret: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(secret, salt, keylen, opts, (e, key) => (e ? reject(e) : resolve(key))));

export interface NewApiKey {
  keyId: string;
  /** The full key, shown to the integrator once. */
  key: string;
  /** What is stored: `scrypt$N$r$p$salt$hash`. */
  hash: string;
}

export async function hashApiKeySecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function newApiKey(): Promise<NewApiKey> {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `${API_KEY_PREFIX}${keyId}_${secret}`, hash: await hashApiKeySecret(secret) };
}

/** Splits a presented key; null when it is not shaped like one of ours. */
export function parseApiKey(key: string): { keyId: string; secret: string } | null {
  const m = /^alk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(key);
  return m ? { keyId: m[1]!, secret: m[2]! } : null;
}

export async function verifyApiKeySecret(secret: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(secret, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** sha256 (hex) of a GraphQL document: the id of a persisted operation (trusted document). */
export const documentHash = (document: string) => createHash('sha256').update(document, 'utf8').digest('hex');

/**
 * In-process announcement that integrator keys, clients or operations changed ('change', after the commit):
 * a gateway in the same process evicts its cached keys at once. Across processes the table-change
 * notifications of PostgreSQL do this; the embedded database delivers none across connections.
 */
export const integratorChanges = new EventEmitter().setMaxListeners(0);
export const announceIntegratorChange = (): void => void integratorChanges.emit('change');
