import { badInput } from './errors.js';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 200;

export const encodeCursor = (id: string) => Buffer.from(`c:${id}`).toString('base64url');

export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString();
  if (!raw.startsWith('c:')) throw badInput('Malformed cursor', 'after');
  return raw.slice(2);
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE) throw badInput(`first must be between 0 and ${MAX_PAGE}`, 'first');
  return n;
}
