import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupLoader, suppliersWithAccessLoader, tracedBatch } from '@aleumet/subgraph-kit';
import { Fulfilment, GspEntitlement, Measure, RehabilitationProgram, WebhookAttempt, WebhookEndpoint } from '../entities/index.js';

export const createLoaders = (em: EntityManager) => ({
  program: byIdLoader(em, RehabilitationProgram),
  programsByPerson: groupLoader(em, RehabilitationProgram, 'personId'),
  measure: byIdLoader(em, Measure),
  gspEntitlement: byIdLoader(em, GspEntitlement),
  gspByPerson: groupLoader(em, GspEntitlement, 'personId'),
  measuresByProgram: groupLoader(em, Measure, 'program'),
  suppliersOfMeasure: suppliersWithAccessLoader(em),
  webhookEndpoint: byIdLoader(em, WebhookEndpoint),
  attemptsByDelivery: groupLoader(em, WebhookAttempt, 'deliveryId'),
  fulfilmentByMeasure: new DataLoader<string, Fulfilment | null>(tracedBatch('Fulfilment by measureId', async (ids) => {
    const rows = await em.find(Fulfilment, { measureId: { $in: [...ids] } });
    const by = new Map(rows.map((r) => [r.measureId, r]));
    return ids.map((id) => by.get(id) ?? null);
  })),
});
export type Loaders = ReturnType<typeof createLoaders>;
