import { existsSync, readFileSync } from 'node:fs';
import { Kind, type DocumentNode } from 'graphql';
import { Role, documentHash, operationNotTrusted } from '@aleumet/core';
import { HASH_MISMATCH_MESSAGE, plainHash, type Step } from '../pipeline.js';
import type { SecureContext } from './context.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('gateway');

/**
 * The web app's documents: `{ "<sha256 hex of the document>": "<document>" }`, the format of
 * GraphQL Code Generator's client preset with `persistedDocuments: { hashAlgorithm: 'sha256' }`
 * (keys may be written `sha256:<hex>`).
 */
export function loadManifest(path: string | undefined, extra: string[] = []): Map<string, string> {
  const docs = new Map<string, string>();
  if (path && existsSync(path)) {
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    for (const [key, doc] of Object.entries(json)) {
      const hash = plainHash(key);
      // A document whose hash does not match is not trusted (and said so): never run something else than what was hashed.
      if (documentHash(doc) !== hash) logger.warn({ manifest: path, hash: key.slice(0, 19) }, 'a trusted document does not match its hash; ignored');
      else docs.set(hash, doc);
    }
  }
  for (const doc of extra) docs.set(documentHash(doc), doc);
  return docs;
}

/** Apollo Server's own refusal of a hash that is not the text's (HTTP), without a code. */
const isApolloHashMismatch = (f: { message: string; extensions?: { code?: unknown } }) =>
  f.message === 'provided sha does not match query' && (f.extensions?.code === undefined || f.extensions.code === 'INTERNAL_SERVER_ERROR');

/** Only `__schema`, `__type` and `__typename` at the root: an introspection query. */
export function isIntrospectionOnly(doc: DocumentNode): boolean {
  return doc.definitions.every(
    (d) => d.kind !== Kind.OPERATION_DEFINITION || d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')),
  );
}

/** The document registered under `hash` for this caller: the client's operations for integrators, else the web app's. */
export function persistedDocument(ctx: SecureContext, manifest: Map<string, string>, hash: string): string | undefined {
  return ctx.identity?.role === Role.INTEGRATOR ? ctx.security?.client?.operations.get(hash) : manifest.get(hash);
}

/**
 * The trusted-documents policy for one resolved operation (HTTP and graphql-ws alike): throws
 * OPERATION_NOT_TRUSTED when this caller may not run the document whose sha256 is `hash`.
 */
export function assertTrusted(ctx: SecureContext, document: DocumentNode, hash: string, { enforce, manifest }: { enforce: boolean; manifest: Map<string, string> }): void {
  const client = ctx.security?.client;
  const integrator = ctx.identity?.role === Role.INTEGRATOR;
  // Introspection is the introspection guard's decision (admins only in production).
  if (isIntrospectionOnly(document)) return;
  if (integrator && client) {
    if (!client.operations.has(hash)) throw operationNotTrusted('This operation is not registered for your client; ask the portal to register it');
    return;
  }
  if (!enforce) return;
  if (integrator) throw operationNotTrusted('This integrator has no registered operations');
  if (!manifest.has(hash)) throw operationNotTrusted('Only the web application\'s operations are accepted');
}

/**
 * Trusted documents. Integrators with a registered client run only that client's operations
 * (always, in every mode). With `enforce` (production) browsers run only the web app's
 * documents and unknown integrator tokens run nothing. Requests may send the document, or
 * only its hash in `extensions.persistedQuery.sha256Hash`.
 */
export function useTrustedDocuments({ enforce, manifest }: { enforce: boolean; manifest: Map<string, string> }): Step {
  return {
    document: (context, hash) => persistedDocument(context, manifest, hash),
    operation: (op) => assertTrusted(op.context, op.document, op.hash, { enforce, manifest }),
    formatError: (f) => (isApolloHashMismatch(f) ? { message: HASH_MISMATCH_MESSAGE, extensions: { code: 'BAD_REQUEST' } } : f),
  };
}
