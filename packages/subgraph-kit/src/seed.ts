import type { EntityManager, EntityName } from '@mikro-orm/postgresql';

/** Multi-row inserts in chunks (PostgreSQL allows 65,535 parameters per statement). */
export async function insertChunked<T extends object>(em: EntityManager, entity: EntityName<T>, rows: object[], chunk = 1000) {
  for (let i = 0; i < rows.length; i += chunk) {
    await em.insertMany(entity, rows.slice(i, i + chunk) as never);
  }
}
