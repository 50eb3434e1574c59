import DataLoader from 'dataloader';
import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { isUuid } from '@aleumet/core';

/** One `IN (...)` query per batch; results in key order, null for missing keys. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? ((await em.find(entity, { id: { $in: valid } } as never)) as T[]) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Children per parent key with one query: `field IN (...)`, each group ordered by id. */
export function groupLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>, field: keyof T & string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const valid = keys.filter(isUuid);
    const rows = valid.length
      ? ((await em.find(entity, { [field]: { $in: valid } } as never, { orderBy: { id: 'asc' } as never })) as T[])
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
  });
}
