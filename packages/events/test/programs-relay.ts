import { afterAll, beforeAll } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxRelay, type LiveEvent } from '@aleumet/events';
import { SUBGRAPHS } from '@aleumet/platform';
import { migrateUp, openOrm } from '@aleumet/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@aleumet/testkit';

/**
 * A relay over the programs schema of a database of the file's own, started before its tests and
 * closed after; `heard` collects what the relay hands to this process's hub. The poll is 10 minutes,
 * so every publication comes from a commit's wake-up or an explicit `flush`.
 */
export function useProgramsRelay(name: string): { readonly db: TestDatabase; readonly orm: MikroORM; readonly relay: OutboxRelay; readonly heard: LiveEvent[] } {
  const ctx = { heard: [] as LiveEvent[] } as { db: TestDatabase; orm: MikroORM; relay: OutboxRelay; heard: LiveEvent[] };
  beforeAll(async () => {
    ctx.db = await createTestDatabase(name);
    ctx.orm = await openOrm(SUBGRAPHS.find((d) => d.name === 'programs')!, { databaseUrl: ctx.db.url });
    await migrateUp(ctx.orm);
    ctx.relay = new OutboxRelay({ orm: ctx.orm, schema: 'programs', pollIntervalMs: 600_000 });
    await ctx.relay.start();
    ctx.relay.hub.subscribe((e) => ctx.heard.push(e));
  });
  afterAll(async () => {
    await ctx.relay?.close();
    await ctx.orm?.close();
    await ctx.db?.drop();
  });
  return ctx;
}
