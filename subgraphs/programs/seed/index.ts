import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoWorld } from '@aleumet/demo-data';
import { SupplierAccess, insertChunked } from '@aleumet/subgraph-kit';
import { Fulfilment, GspEntitlement, Measure, RehabilitationProgram } from '../entities/index.js';

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
  // The supplier of each seeded order sees its measure, as orders' command grants it for a new order.
  const grants = new Map(world.orders.map((o) => [`${o.measureId}/${o.supplierId}`, { recordId: o.measureId, supplierId: o.supplierId, grantedAt: now }]));
  await insertChunked(em, SupplierAccess, [...grants.values()]);
  // A FULFILLED measure has the record its handover would have written (lifecycle.resolver.ts internalMeasureFulfilled).
  await insertChunked(em, Fulfilment, world.fulfilments.map((f) => ({ ...f, ...stamp })));
  // The guaranteed social package of a few schoolchildren, as Е-Собес would have published it (resolvers/gsp.resolver.ts).
  await insertChunked(em, GspEntitlement, world.gspEntitlements.map((g) => ({ ...g, version: 1, ...stamp })));
}

export const isSeeded = async (em: EntityManager) => (await em.count(RehabilitationProgram, {})) > 0;
