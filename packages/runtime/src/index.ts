export * from './clock.js';
export * from './scheduler.js';
export * from './peers.js';
export * from './runtime.js';
export * from './calls.js';
