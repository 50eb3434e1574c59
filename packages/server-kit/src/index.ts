export * from './changes.js';
export * from './reads.js';
export * from './calls.js';
export * from './commands.js';
