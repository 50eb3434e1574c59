import { inject } from 'vitest';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@aleumet/embedded-pg';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's database, migrated and seeded with the demo world by the global setup. */
    databaseUrl: string;
  }
}

/** The run's database (test/global-setup.ts provides it). */
export const testDatabaseUrl = (): string => inject('databaseUrl');

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for a test run: on the server of DATABASE_URL when it is set
 * (a new database per run, dropped afterwards), otherwise an in-memory embedded PostgreSQL.
 */
export async function createTestDatabase(label = 'run'): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres();
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `aleumet_test_${label}_${Date.now()}_${process.pid}`.toLowerCase();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** Direct SQL on the run's database (what no API allows: backdating a key's expiry, reading a table as it is). */
export async function sql<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: testDatabaseUrl() });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}
