import { randomBytes, createHash } from 'node:crypto';

function format(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** UUIDv7: time-ordered, so primary-key order is creation order and cursors stay stable. */
export function uuidv7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return format(b);
}

/** Deterministic UUIDv7-shaped id for seed data: the same name gives the same id in every subgraph. */
export function seedId(kind: string, n: number, at = Date.UTC(2020, 0, 1)): string {
  const b = createHash('sha256').update(`${kind}:${n}`).digest().subarray(0, 16);
  b.writeUIntBE(at + n, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return format(Buffer.from(b));
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
