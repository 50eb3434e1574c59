// For tests only: the platform on free ports over the test run's database (vitest's `inject`).
export * from './platform.js';
export * from './web.js';
