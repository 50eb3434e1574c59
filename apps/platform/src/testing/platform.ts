import { afterAll, beforeAll } from 'vitest';
import { adminIdentity, testDatabaseUrl, tokenFor } from '@aleumet/testkit';
import { startPlatform, type Platform, type PlatformOptions } from '../index.js';

/**
 * The real platform (five subgraphs + gateway, on free ports) over the run's database,
 * which the global setup migrated and seeded with the demo world. Pass `{ clock: new TestClock() }`
 * to drive time rules, `{ gatewayOptions: { security: { mode: 'production' } } }` for production hardening; the scheduler never runs on its own here (`platform.runtime.scheduler.runAll()`).
 */
export function startTestPlatform(options: Pick<PlatformOptions, 'clock' | 'sms' | 'email' | 'gatewayOptions'> = {}): Promise<Platform> {
  return startPlatform({
    ...options,
    databaseUrl: testDatabaseUrl(),
    gatewayPort: 0,
    subgraphPorts: { people: 0, programs: 0, catalog: 0, orders: 0, finance: 0 },
  });
}

/**
 * Starts the platform before the file's tests and stops it after (with `options` as for
 * `startTestPlatform`, e.g. a TestClock); read `.platform`, `.url` and `.admin` (an administrator's
 * token) inside tests.
 */
export function usePlatform(options: Parameters<typeof startTestPlatform>[0] = {}): { readonly platform: Platform; readonly url: string; readonly admin: string } {
  const ctx = {} as { platform: Platform; url: string; admin: string };
  beforeAll(async () => {
    ctx.platform = await startTestPlatform(options);
    ctx.url = ctx.platform.gateway.url;
    ctx.admin = await tokenFor(adminIdentity());
  });
  afterAll(() => ctx.platform?.close());
  return ctx;
}
