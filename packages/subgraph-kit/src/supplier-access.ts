import DataLoader from 'dataloader';
import { tracedBatch } from './loaders.js';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@aleumet/core';
import { readByKeys } from '@aleumet/cache-tags';

/**
 * A supplier's access to a record another party owns (a recipient in people, a measure in programs),
 * granted when the supplier receives an order for it and kept afterwards: the supplier goes on seeing
 * its own orders' recipient name and measure. The owning subgraph keeps the grants in its own schema,
 * written by a command from orders, so its entity policy decides without asking another subgraph.
 */
@Entity({ tableName: 'supplier_access' })
export class SupplierAccess {
  @PrimaryKey({ type: 'uuid' }) recordId!: string;
  @PrimaryKey({ type: 'uuid' }) supplierId!: string;
  @Property({ type: 'datetime' }) grantedAt: Date = new Date();
}

/** The DDL of the table, for each owning subgraph's migration. */
export const supplierAccessTableSql = (schema: string) => [
  `create table "${schema}"."supplier_access" ("record_id" uuid not null, "supplier_id" uuid not null, "granted_at" timestamptz not null, constraint "supplier_access_pkey" primary key ("record_id", "supplier_id"));`,
];

/** Idempotent: a second order of the same supplier for the same record changes nothing. */
export async function grantSupplierAccess(em: EntityManager, recordId: string, supplierId: string, at: Date): Promise<void> {
  await em.createQueryBuilder(SupplierAccess).insert({ recordId, supplierId, grantedAt: at }).onConflict(['recordId', 'supplierId']).ignore().execute();
}

/** Suppliers with access, per record id: one `IN (...)` query per batch. */
export function suppliersWithAccessLoader(em: EntityManager) {
  return new DataLoader<string, string[]>(tracedBatch('SupplierAccess by recordId', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? ((await readByKeys(em, SupplierAccess, 'recordId', valid, () => em.find(SupplierAccess, { recordId: { $in: valid } }))) as SupplierAccess[]) : [];
    const by = new Map<string, string[]>();
    for (const r of rows) by.set(r.recordId, [...(by.get(r.recordId) ?? []), r.supplierId]);
    return ids.map((id) => by.get(id) ?? []);
  }));
}
