import 'reflect-metadata';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '@aleumet/testkit';
import { startPlatform } from '@aleumet/platform';

/** One database per run, migrated and seeded once with the demo world by the same code as `npm start`. */
export default async function setup(project: TestProject) {
  const db = await createTestDatabase();
  const platform = await startPlatform({
    databaseUrl: db.url,
    seed: true,
    gatewayPort: 0,
    subgraphPorts: { people: 0, programs: 0, catalog: 0, orders: 0, finance: 0 },
  });
  await platform.close();
  project.provide('databaseUrl', db.url);
  return () => db.drop();
}
