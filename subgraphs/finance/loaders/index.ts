import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupLoader } from '@aleumet/subgraph-kit';
import { Payment, ReimbursementClaim } from '../entities/index.js';

export const createLoaders = (em: EntityManager) => ({
  claim: byIdLoader(em, ReimbursementClaim),
  claimsByOrder: groupLoader(em, ReimbursementClaim, 'orderId'),
  paymentsByClaim: groupLoader(em, Payment, 'claim'),
});
export type Loaders = ReturnType<typeof createLoaders>;
