/**
 * Writes the next migration of a subgraph from the difference between its entities and a
 * database migrated to the latest committed migration: `node scripts/dist/make-migration.js people`.
 * DATABASE_URL must point at a scratch database (the script migrates it).
 */
import 'reflect-metadata';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SUBGRAPHS } from '@aleumet/platform';
import { migrateUp, openOrm } from '@aleumet/subgraph-kit';

const [name] = process.argv.slice(2);
const def = SUBGRAPHS.find((d) => d.name === name);
if (!def || !process.env.DATABASE_URL) {
  console.error('usage: DATABASE_URL=postgres://…/scratch node scripts/dist/make-migration.js <subgraph>');
  process.exit(2);
}
const orm = await openOrm(def, { databaseUrl: process.env.DATABASE_URL });
await orm.getSchemaGenerator().ensureDatabase();
await orm.em.getConnection().execute(`create schema if not exists "${def.name}"`);
await migrateUp(orm);
const { up, down } = await orm.getSchemaGenerator().getUpdateSchemaMigrationSQL({ wrap: false, safe: false, dropTables: true });
await orm.close();
if (!up.trim()) {
  console.log(`${def.name}: entities and migrations agree; nothing to write`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const className = `Migration${stamp}`;
const lines = (sql: string) => sql.split('\n').filter((l) => l.trim()).map((l) => `    this.addSql(${JSON.stringify(l)});`).join('\n');
const dir = path.join(ROOT, 'subgraphs', def.name, 'migrations');
writeFileSync(
  path.join(dir, `${className}.ts`),
  `import { Migration } from '@mikro-orm/migrations';\n\nexport class ${className} extends Migration {\n  override async up(): Promise<void> {\n${lines(up)}\n  }\n\n  override async down(): Promise<void> {\n${lines(down)}\n  }\n}\n`,
);
const indexPath = path.join(dir, 'index.ts');
const index = readFileSync(indexPath, 'utf8')
  .replace(/^(import .*\n)(?!import)/m, `$1import { ${className} } from './${className}.js';\n`)
  .replace(/\n\];/, `\n  { name: '${className}', class: ${className} },\n];`);
writeFileSync(indexPath, index);
console.log(`${def.name}: wrote migrations/${className}.ts`);
