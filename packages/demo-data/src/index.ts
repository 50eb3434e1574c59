export * from './world.js';
export * from './random.js';
