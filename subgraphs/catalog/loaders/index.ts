import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, byKeyLoader, groupLoader } from '@aleumet/subgraph-kit';
import { ItemType, Offering, Region, Supplier, SupplierDirection, SupplierDocument } from '../entities/index.js';

export const createLoaders = (em: EntityManager) => ({
  supplier: byIdLoader(em, Supplier),
  offering: byIdLoader(em, Offering),
  offeringsBySupplier: groupLoader(em, Offering, 'supplier'),
  directionsBySupplier: groupLoader(em, SupplierDirection, 'supplier'),
  /** Document records without their content (a lazy column). */
  documentsBySupplier: groupLoader(em, SupplierDocument, 'supplier'),
  itemType: byKeyLoader(em, ItemType, 'code'),
  region: byKeyLoader(em, Region, 'code'),
});
export type Loaders = ReturnType<typeof createLoaders>;
