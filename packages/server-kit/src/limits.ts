import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Per-operation limits, the same at the gateway (for clients' documents) and at every subgraph (for the
 * documents the gateway and other subgraphs send): a subgraph never runs more than the gateway would.
 */
export const OPERATION_LIMITS = { maxDepth: 12, maxAliases: 20, maxDirectives: 20, maxTokens: 3000, maxCost: 20000 };
export type OperationLimits = typeof OPERATION_LIMITS;

/**
 * Depth, aliases, directives and cost via graphql-armor (validation rules: refused before anything is
 * resolved); tokens via the GraphQL parser's own `maxTokens` (refused while parsing). Field suggestions
 * ("Did you mean …") are blocked in production. `cost: false` leaves cost out (subgraphs: the query
 * planner's fetches nest entity fragments the client's document does not have, so their cost differs).
 */
export function operationLimits(limits: OperationLimits, { production, cost = true }: { production: boolean; cost?: boolean }) {
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: production },
    maxDepth: { enabled: true, n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { enabled: true, n: limits.maxAliases },
    maxDirectives: { enabled: true, n: limits.maxDirectives },
    costLimit: { enabled: cost, maxCost: limits.maxCost, ignoreIntrospection: true },
    maxTokens: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/** Armor and parser limit messages, given a stable code (QUERY_TOO_COMPLEX) by `formatError`. */
export const isLimitMessage = (message: string) =>
  /limit of \d+ exceeded|Document contains more th[ae][nt] \d+ tokens/i.test(message);
