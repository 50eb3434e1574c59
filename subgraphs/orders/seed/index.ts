import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoWorld } from '@aleumet/demo-data';
import { insertChunked } from '@aleumet/subgraph-kit';
import { Order } from '../entities/index.js';

export async function seed(em: EntityManager, world: DemoWorld): Promise<void> {
  await insertChunked(em, Order, world.orders.map((o) => ({ ...o, version: 1, updatedAt: o.createdAt })));
}

export const isSeeded = async (em: EntityManager) => (await em.count(Order, {})) > 0;
