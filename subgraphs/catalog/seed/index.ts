import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoWorld } from '@aleumet/demo-data';
import { insertChunked } from '@aleumet/subgraph-kit';
import { Offering, Supplier } from '../entities/index.js';

/** Regions and item types come with the migrations (reference data); suppliers and offerings are demo data. */
export async function seed(em: EntityManager, world: DemoWorld): Promise<void> {
  const now = new Date();
  const stamp = { createdAt: now, updatedAt: now };
  await insertChunked(em, Supplier, world.suppliers.map((s) => ({ ...s, status: 'VERIFIED', ...stamp })));
  await insertChunked(em, Offering, world.offerings.map(({ supplierId, ...o }) => ({ ...o, supplier: supplierId, active: true, ...stamp })));
}

export const isSeeded = async (em: EntityManager) => (await em.count(Supplier, {})) > 0;
