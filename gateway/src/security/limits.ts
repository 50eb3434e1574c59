/**
 * Depth, aliases, directives, cost and tokens: the same limits and checks as every subgraph's
 * (http-kit limits.ts), so a subgraph never runs a document the gateway would refuse.
 */
export { operationLimits as useLimits, isLimitMessage } from '@aleumet/http-kit';
