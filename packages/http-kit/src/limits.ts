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
 * ("Did you mean …") are blocked in production. For subgraphs (`planned: true`) cost is left out and
 * inline fragments do not count as a level of depth: the query planner's fetches wrap what they read
 * from an entity in `_entities { ... on Type { … } }`, levels the client's document did not have.
 */
export function operationLimits(limits: OperationLimits, { production, planned = false }: { production: boolean; planned?: boolean }) {
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: production },
    maxDepth: { enabled: true, n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: planned },
    maxAliases: { enabled: true, n: limits.maxAliases },
    maxDirectives: { enabled: true, n: limits.maxDirectives },
    costLimit: { enabled: !planned, maxCost: limits.maxCost, ignoreIntrospection: true },
    maxTokens: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/** Armor and parser limit messages, given a stable code (QUERY_TOO_COMPLEX) by `formatError`. */
export const isLimitMessage = (message: string) =>
  /limit of \d+ exceeded|Document contains more th[ae][nt] \d+ tokens/i.test(message);
