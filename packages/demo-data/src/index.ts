export * from './types.js';
export * from './world.js';
export * from './random.js';
export * from './generators.js';
export * from './stream.js';
export * from './examples.js';
export * from './registry.js';
export * from './gsp.js';
