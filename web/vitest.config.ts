import { defineConfig } from 'vitest/config';

/**
 * Component tests of the web app alone, without the platform's database setup:
 * `npx vitest run --config web/vitest.config.ts`. The root `npm test` runs them too.
 */
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
});
