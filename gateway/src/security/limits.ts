import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { DEFAULT_LIMITS } from './options.js';

/**
 * Depth, aliases, directives and cost via graphql-armor (validation rules: refused before any
 * subgraph is called); tokens via the GraphQL parser's own `maxTokens` (refused while parsing).
 * Field suggestions ("Did you mean …") are blocked in production.
 */
export function useLimits(limits: typeof DEFAULT_LIMITS, { production }: { production: boolean }) {
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: production },
    maxDepth: { enabled: true, n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { enabled: true, n: limits.maxAliases },
    maxDirectives: { enabled: true, n: limits.maxDirectives },
    costLimit: { enabled: true, maxCost: limits.maxCost, ignoreIntrospection: true },
    maxTokens: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/** Armor and parser limit messages, given a stable code (QUERY_TOO_COMPLEX) by `formatError`. */
export const isLimitMessage = (message: string) =>
  /limit of \d+ exceeded|Document contains more th[ae][nt] \d+ tokens/i.test(message);
