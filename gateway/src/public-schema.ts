import { Supergraph, printSchema } from './apollo-internals.js';
import type { GraphQLSchema } from 'graphql';

/**
 * The public API of a supergraph, as clients see it: no federation types or directives, no
 * `@inaccessible` fields (the `internal*` commands between subgraphs), no `_entities`/`_service`.
 * `schema/public.graphql` is this text (npm run compose) and the gateway serves it at `/schema.graphql`.
 */
export function publicSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/**
 * The public schema as SDL. Printed by federation-internals from its own schema object, so no
 * graphql-js schema crosses module instances (under vite-node `graphql` may load twice).
 */
export const printPublicSchema = (supergraphSdl: string): string => `${printSchema(Supergraph.build(supergraphSdl).apiSchema())}\n`;
