import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '@aleumet/platform';
import { migrateUp, openOrm } from '@aleumet/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@aleumet/testkit';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('migrations');
});
afterAll(() => db?.drop());

describe('migrations on a fresh database', () => {
  it.each(SUBGRAPHS.map((d) => [d.name, d] as const))('%s: applies every migration once, then nothing, and matches the entities', async (_name, def) => {
    const orm = await openOrm(def, { databaseUrl: db.url });
    try {
      const first = await migrateUp(orm);
      expect(first).toEqual(def.migrations.map((m) => m.name));
      expect(await migrateUp(orm)).toEqual([]);
      // The committed migrations produce exactly the schema the entities describe.
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
      // Each subgraph stays inside its own PostgreSQL schema.
      const entities = Object.values(orm.getMetadata().getAll()).filter((m) => !m.abstract && !m.embeddable);
      for (const m of entities) expect(m.schema ?? def.name, m.className).toBe(def.name);
      const rows = await orm.em.getConnection().execute<{ table_name: string }[]>(
        `select table_name from information_schema.tables where table_schema = ?`,
        [def.name],
      );
      expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(entities.map((m) => m.tableName)));
    } finally {
      await orm.close();
    }
  });
});
