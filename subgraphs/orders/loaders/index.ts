import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupLoader } from '@aleumet/subgraph-kit';
import { JournalEntry, Order, ProstheticsCard, ServiceAct, SignedDocument } from '../entities/index.js';

export const createLoaders = (em: EntityManager) => ({
  order: byIdLoader(em, Order),
  ordersByMeasure: groupLoader(em, Order, 'measureId'),
  ordersByPerson: groupLoader(em, Order, 'personId'),
  journalByOrder: groupLoader(em, JournalEntry, 'orderId'),
  actsByOrder: groupLoader(em, ServiceAct, 'orderId'),
  cardByOrder: groupLoader(em, ProstheticsCard, 'orderId'),
  signedByOrder: groupLoader(em, SignedDocument, 'orderId'),
});
export type Loaders = ReturnType<typeof createLoaders>;
