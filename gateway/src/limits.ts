import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Per-operation limits, checked during validation (before any subgraph is called). Each is off when omitted. */
export interface GatewayLimits {
  maxDepth?: number;
  maxAliases?: number;
  maxTokens?: number;
  maxDirectives?: number;
  maxCost?: number;
}

/** graphql-armor protections for the limits given (plugins + validation rules for Apollo Server). */
export function limitProtections(limits: GatewayLimits) {
  const on = (n: number | undefined) => n !== undefined && n > 0;
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxDepth: { enabled: on(limits.maxDepth), n: limits.maxDepth },
    maxAliases: { enabled: on(limits.maxAliases), n: limits.maxAliases },
    maxTokens: { enabled: on(limits.maxTokens), n: limits.maxTokens },
    maxDirectives: { enabled: on(limits.maxDirectives), n: limits.maxDirectives },
    costLimit: { enabled: on(limits.maxCost), maxCost: limits.maxCost },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}
