import { parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { DEFAULT_LIMITS, limitRules } from './limits.js';

// Registering operations (`npm run integrator -- register`, scripts/): light to import, without the gateway server.

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
  const { validationRules } = limitRules(limits, { production: true });
  return validate(schema, ast, [...specifiedRules, ...validationRules]).map((e) => e.message);
}
