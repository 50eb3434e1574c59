import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { ErrorCode } from '@aleumet/core';
import { OPERATION_LIMITS, isLimitMessage } from '@aleumet/http-kit';
import type { Step } from './pipeline.js';

/** Per-operation limits, checked while parsing (tokens) and validating (the rest), before any subgraph is called. */
export interface GatewayLimits {
  maxDepth?: number;
  maxAliases?: number;
  maxTokens?: number;
  maxDirectives?: number;
  maxCost?: number;
}

/** The subgraphs enforce the same limits (http-kit limits.ts): a subgraph never runs what the gateway would refuse. */
export const DEFAULT_LIMITS = OPERATION_LIMITS;

/** The stricter of each limit given (0 or absent: that limit off); null when none is on. */
export function mergeLimits(...sets: (GatewayLimits | false | undefined | null)[]): GatewayLimits | null {
  const out: GatewayLimits = {};
  for (const set of sets) {
    if (!set) continue;
    for (const [k, v] of Object.entries(set) as [keyof GatewayLimits, number | undefined][]) {
      if (v !== undefined && v > 0) out[k] = Math.min(out[k] ?? Infinity, v);
    }
  }
  return Object.keys(out).length ? out : null;
}

/** graphql-armor's validation rules and plugins, and the parser's token limit, for the limits given. */
export function limitRules(limits: GatewayLimits, { production }: { production: boolean }) {
  const on = (n: number | undefined) => n !== undefined && n > 0;
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: production },
    // Who may introspect is the introspection guard's decision (security/introspection.ts), not the limits'.
    maxDepth: { enabled: on(limits.maxDepth), n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { enabled: on(limits.maxAliases), n: limits.maxAliases },
    maxDirectives: { enabled: on(limits.maxDirectives), n: limits.maxDirectives },
    costLimit: { enabled: on(limits.maxCost), maxCost: limits.maxCost, ignoreIntrospection: true },
    maxTokens: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    // graphql-armor is typed against Apollo's CommonJS build; same objects at run time.
    plugins: plugins as unknown as ApolloServerPlugin<any>[],
    validationRules: validationRules as unknown as ValidationRule[],
    parseOptions: on(limits.maxTokens) ? { maxTokens: limits.maxTokens } : {},
  };
}

/** Depth, aliases, directives, cost and tokens; a violation answers QUERY_TOO_COMPLEX (HTTP and graphql-ws alike). */
export function useLimits(limits: GatewayLimits, options: { production: boolean }): Step {
  const { plugins, validationRules, parseOptions } = limitRules(limits, options);
  return {
    parseOptions,
    validationRules,
    apolloPlugins: plugins,
    formatError: (f) =>
      isLimitMessage(f.message) ? { message: f.message.replace(/^Syntax Error:\s*/, ''), locations: f.locations, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } } : f,
  };
}
