export * from './log.js';
export * from './metrics.js';
export * from './requests.js';
export * from './endpoint.js';
export * from './tracing.js';
