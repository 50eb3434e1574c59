import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoWorld } from '@aleumet/demo-data';
import { insertChunked } from '@aleumet/server-kit';
import { Measure, RehabilitationProgram } from '../entities/index.js';

export async function seed(em: EntityManager, world: DemoWorld): Promise<void> {
  const now = new Date();
  const stamp = { createdAt: now, updatedAt: now };
  await insertChunked(em, RehabilitationProgram, world.programs.map((p) => ({ ...p, ...stamp })));
  // An ORDERED measure names the order holding it, as internalMeasureOrdered would have set it (withdrawal,
  // IPR expiry and death registration cancel that order).
  const holding = new Map(world.orders.filter((o) => ['AWAITING_SUPPLIER', 'ACCEPTED', 'READY'].includes(o.status)).map((o) => [o.measureId, o.id]));
  await insertChunked(em, Measure, world.measures.map(({ programId, ...m }) => ({
    ...m, program: programId, version: 1, activeOrderId: m.status === 'ORDERED' ? holding.get(m.id) ?? null : null, ...stamp,
  })));
}

export const isSeeded = async (em: EntityManager) => (await em.count(RehabilitationProgram, {})) > 0;
