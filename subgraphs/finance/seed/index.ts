import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoWorld } from '@aleumet/demo-data';
import { insertChunked } from '@aleumet/subgraph-kit';
import { GuaranteedSum, Payment, ReimbursementClaim } from '../entities/index.js';

export async function seed(em: EntityManager, world: DemoWorld): Promise<void> {
  const now = new Date();
  const stamp = { createdAt: now, updatedAt: now };
  await insertChunked(em, GuaranteedSum, world.guaranteedSums.map((g) => ({ ...g, ...stamp })));
  await insertChunked(em, ReimbursementClaim, world.claims.map((c) => ({ ...c, version: 1, ...stamp })));
  await insertChunked(em, Payment, world.payments.map(({ claimId, ...p }) => ({ ...p, claim: claimId, ...stamp })));
}

export const isSeeded = async (em: EntityManager) => (await em.count(GuaranteedSum, {})) > 0;
