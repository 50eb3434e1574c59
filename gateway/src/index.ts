export * from './gateway.js';
export { publicSchema, printPublicSchema } from './public-schema.js';
export { operationText, operationProblems } from './operations.js';
export { DEFAULT_LIMITS } from './limits.js';
export { GATEWAY_NODE_OPTIONS } from './config.js';
