export * from './types.js';
export * from './breaker.js';
export * from './http.js';
export * from './adapters.js';
export * from './development.js';
export * from './config.js';
