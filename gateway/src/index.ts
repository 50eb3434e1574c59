export * from './gateway.js';
export { publicSchema, printPublicSchema, operationText, operationProblems } from './public-schema.js';
export { DEFAULT_LIMITS } from './security/options.js';
