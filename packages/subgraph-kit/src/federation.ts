import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from 'type-graphql';
import type { EntityPolicy } from '@aleumet/core';
import { applyPolicies, guardReference } from './policies.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/**
 * Subscriptions here bring their own `subscribe` function (an event stream); type-graphql still
 * wants a PubSub when any exists, so it gets one that refuses topic-based use.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Topic-based subscriptions are not used: give @Subscription a subscribe function');
  },
  subscribe() {
    throw new Error('Topic-based subscriptions are not used: give @Subscription a subscribe function');
  },
};

export type ReferenceResolvers = Record<string, { __resolveReference: (ref: any, ctx: any) => unknown }>;

/**
 * type-graphql builds the types; Federation wants SDL + resolvers. Print the schema with its
 * directives under one @link, then hand SDL and type-graphql's resolver map (plus each
 * entity's __resolveReference) to buildSubgraphSchema. Each entity policy then guards its type's
 * reference resolver and every field of the type (policies.ts).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
  policies: readonly EntityPolicy[] = [],
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ pubSub: NO_TOPICS, ...options, skipCheck: true, validate: false });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [type, ref] of Object.entries(referenceResolvers)) {
    const policy = policies.find((p) => p.type === type);
    const guarded = policy ? { __resolveReference: guardReference(policy, ref.__resolveReference) } : ref;
    resolvers[type] = { ...(resolvers[type] as object), ...guarded } as never;
  }
  return applyPolicies(buildSubgraphSchema({ typeDefs, resolvers }), policies);
}
