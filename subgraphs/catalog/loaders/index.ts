import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupLoader } from '@aleumet/server-kit';
import { ItemType, Offering, Region, Supplier } from '../entities/index.js';

/** Reference tables keyed by code: one query per batch like every other loader. */
function byCode<T extends { code: string }>(em: EntityManager, entity: new () => T) {
  return new DataLoader<string, T | null>(async (codes) => {
    const rows = (await em.find(entity, { code: { $in: [...codes] } } as never)) as T[];
    const map = new Map(rows.map((r) => [r.code, r]));
    return codes.map((c) => map.get(c) ?? null);
  });
}

export const createLoaders = (em: EntityManager) => ({
  supplier: byIdLoader(em, Supplier),
  offering: byIdLoader(em, Offering),
  offeringsBySupplier: groupLoader(em, Offering, 'supplier'),
  itemType: byCode(em, ItemType),
  region: byCode(em, Region),
});
export type Loaders = ReturnType<typeof createLoaders>;
