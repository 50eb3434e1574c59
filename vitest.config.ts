import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources ("source" export condition).
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['{packages,apps,subgraphs,gateway,scripts,test}/**/*.{test,e2e}.ts', 'web/src/**/*.test.{ts,tsx}', 'web/test/**/*.e2e.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // Baseline gateways built in tests (plain @apollo/gateway) must not phone home either.
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
    // Files share one seeded database; one at a time keeps them independent of each other.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
