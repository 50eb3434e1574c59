import type { EntityManager } from '@mikro-orm/postgresql';
import { RetentionClass, retentionCutoff } from '@aleumet/core';
import { Supplier, SupplierDocument, SupplierStatus } from '../entities/index.js';

/**
 * Catalog retention: the documents (file contents) of a registration rejected more than 5 years
 * ago are removed; the record with its checksum stays as the trace. Nothing else in the catalog
 * is personal data past a retention period (verified suppliers' cards are public and current).
 * Idempotent: "everything due as of now".
 */
export async function applyCatalogRetention(em: EntityManager, now: Date) {
  const cutoff = retentionCutoff(RetentionClass.REJECTED_REGISTRATION, now)!;
  const rejected = await em.find(Supplier, { status: SupplierStatus.REJECTED, decidedAt: { $lt: cutoff } }, { fields: ['id'] });
  const removed = rejected.length
    ? await em.nativeUpdate(SupplierDocument, { purgedAt: null, supplier: { $in: rejected.map((s) => s.id) } }, { content: null, purgedAt: now })
    : 0;
  return { asOf: now, changed: [{ record: 'SupplierDocument.content', action: 'REMOVED', count: removed }] };
}
