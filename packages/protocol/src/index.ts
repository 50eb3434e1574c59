// The wire contract between the gateway and the subgraphs: names and shapes only, no behaviour.
export * from './internal.js';
export * from './callers.js';
export * from './persons-read.js';
export * from './ws.js';
export * from './cache.js';
