import DataLoader from 'dataloader';
import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { isUuid } from '@aleumet/core';
import { readByKeys } from '@aleumet/cache-tags';
import { withChildSpan } from '@aleumet/observability';
import { findByKeys } from './read-rows.js';

const nameOf = (entity: unknown): string => (typeof entity === 'string' ? entity : (entity as { name?: string }).name ?? 'entity');

/**
 * A DataLoader batch function in a span of its own under the request's (`dataloader <name>`, with the batch
 * size): a trace shows each batch and, below it, its SQL statement. Just the function when tracing is off.
 */
export function tracedBatch<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): (keys: readonly K[]) => Promise<V[]> {
  return (keys) => withChildSpan(`dataloader ${name}`, { 'dataloader.name': name, 'dataloader.batch_size': keys.length }, () => batch(keys));
}

/**
 * One `IN (...)` query per batch on a unique key; results in key order, null for missing keys.
 * The query is tagged per requested key (@aleumet/cache-tags reads.ts): a cache keeps the answer until one of those rows changes.
 */
export function byKeyLoader<T extends object>(em: EntityManager, entity: EntityName<T>, key: keyof T & string, isValid: (k: string) => boolean = () => true) {
  return new DataLoader<string, T | null>(tracedBatch(`${nameOf(entity)}.${key}`, async (keys) => {
    const valid = keys.filter(isValid);
    const rows = valid.length ? ((await readByKeys(em, entity, key, valid, () => findByKeys(em, entity, key, valid))) as T[]) : [];
    const byKey = new Map(rows.map((r) => [String(r[key]), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  }));
}

export const byIdLoader = <T extends { id: string }>(em: EntityManager, entity: EntityName<T>) =>
  byKeyLoader(em, entity, 'id' as keyof T & string, isUuid);

/** Children per parent key with one query: `field IN (...)`, each group ordered by id; tagged per parent key like byKeyLoader. */
export function groupLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>, field: keyof T & string) {
  return new DataLoader<string, T[]>(tracedBatch(`${nameOf(entity)} by ${field}`, async (keys) => {
    const valid = keys.filter(isUuid);
    const rows = valid.length
      ? ((await readByKeys(em, entity, field, valid, () => findByKeys(em, entity, field, valid, true))) as T[])
      : [];
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const raw = (row as Record<string, unknown>)[field];
      const key = typeof raw === 'object' && raw !== null ? (raw as { id: string }).id : String(raw);
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  }));
}
