import { Supergraph, printSchema } from '@apollo/federation-internals';
import { parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { DEFAULT_LIMITS } from './security/options.js';
import { useLimits } from './security/limits.js';

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

/**
 * The exact text a client registers and sends for an operation file: without a leading byte-order
 * mark and without trailing whitespace (editors end files with a newline; a client sending the
 * document rarely does). The trusted-document hash is the sha256 of this text in UTF-8.
 */
export const operationText = (fileText: string): string => fileText.replace(/^\uFEFF/, '').trimEnd();

/**
 * Why the gateway would refuse this operation before running it: syntax, validation against the
 * public schema, and the production limits (depth, aliases, directives, cost; tokens while parsing).
 * Empty when it would run. Registration refuses a document with problems (scripts/src/integrator.ts).
 */
export function operationProblems(schema: GraphQLSchema, document: string, limits = DEFAULT_LIMITS): string[] {
  let ast: DocumentNode;
  try {
    ast = parse(document, { maxTokens: limits.maxTokens });
  } catch (e) {
    return [(e as Error).message];
  }
  const { validationRules } = useLimits(limits, { production: true });
  return validate(schema, ast, [...specifiedRules, ...(validationRules as unknown as ValidationRule[])]).map((e) => e.message);
}
