import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/**
 * The API schema of the supergraph: what the gateway serves to clients. Not the supergraph file
 * itself, whose join__/link__ types and @inaccessible fields (internal commands between subgraphs)
 * the gateway refuses: a web document using them must fail here, not at run time.
 */
export function apiSchemaSdl(supergraphPath = process.env.CODEGEN_SCHEMA ?? 'schema/supergraph.graphql'): string {
  return printSchema(Supergraph.build(readFileSync(supergraphPath, 'utf8')).apiSchema());
}

/**
 * Typed documents for the web client, generated from the composed supergraph's API schema.
 * `npm run codegen` regenerates web/src/gql; CI runs `npm run codegen -- --check` and fails on a diff.
 * `persisted-documents.json` ({ sha256: document }) is the gateway's trusted-documents manifest:
 * in production the gateway runs only these documents, and the client sends only their hashes.
 * `__typename` is added at generation time so the documents the gateway trusts are exactly the
 * documents graphcache needs.
 */
const config: CodegenConfig = {
  schema: apiSchemaSdl(),
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*', '!web/src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'useFragment' },
        // Plain hex sha256 of the document text: the key format the gateway's manifest loader checks.
        persistedDocuments: { hashAlgorithm: (doc: string) => createHash('sha256').update(doc, 'utf8').digest('hex'), mode: 'embedHashInDocument' },
      },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        skipTypename: false,
        scalars: {
          SafeInt: 'number',
          DateTimeISO: 'string',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
