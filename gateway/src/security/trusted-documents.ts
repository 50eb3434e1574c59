import { existsSync, readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import { Role, documentHash, operationNotTrusted } from '@aleumet/core';
import type { SecureContext } from './context.js';

/**
 * The web app's documents: `{ "<sha256 hex of the document>": "<document>" }`, the format of
 * GraphQL Code Generator's client preset with `persistedDocuments: { hashAlgorithm: 'sha256' }`.
 */
export function loadManifest(path: string | undefined, extra: string[] = []): Map<string, string> {
  const docs = new Map<string, string>();
  if (path && existsSync(path)) {
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    for (const [hash, doc] of Object.entries(json)) {
      if (documentHash(doc) !== hash) throw new Error(`${path}: the hash of ${hash.slice(0, 12)}… does not match its document`);
      docs.set(hash, doc);
    }
  }
  for (const doc of extra) docs.set(documentHash(doc), doc);
  return docs;
}

/** Only `__schema`, `__type` and `__typename` at the root: an introspection query. */
export function isIntrospectionOnly(doc: DocumentNode): boolean {
  return doc.definitions.every(
    (d) => d.kind !== Kind.OPERATION_DEFINITION || d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')),
  );
}

/**
 * Trusted documents. Integrators with a registered client run only that client's operations
 * (always, in every mode). With `enforce` (production) browsers run only the web app's
 * documents and unknown integrator tokens run nothing. Requests may send the document, or
 * only its hash in `extensions.persistedQuery.sha256Hash`.
 */
export function useTrustedDocuments({ enforce, manifest }: { enforce: boolean; manifest: Map<string, string> }): ApolloServerPlugin<SecureContext> {
  return {
    async requestDidStart(rc) {
      const client = rc.contextValue.security?.client;
      const integrator = rc.contextValue.identity?.role === Role.INTEGRATOR;
      const ext = rc.request.extensions as { persistedQuery?: { sha256Hash?: string } } | undefined;
      const hash = ext?.persistedQuery?.sha256Hash;
      if (!rc.request.query && typeof hash === 'string') {
        const doc = integrator ? client?.operations.get(hash) : manifest.get(hash);
        if (doc) {
          rc.request.query = doc;
          delete ext!.persistedQuery;
        }
      }
      return {
        async didResolveOperation(ctx) {
          const hash = ctx.queryHash ?? documentHash(ctx.source ?? '');
          // Introspection is the introspection guard's decision (admins only in production).
          if (isIntrospectionOnly(ctx.document)) return;
          if (integrator && client) {
            if (!client.operations.has(hash)) throw operationNotTrusted('This operation is not registered for your client; ask the portal to register it');
            return;
          }
          if (!enforce) return;
          if (integrator) throw operationNotTrusted('This integrator has no registered operations');
          if (!manifest.has(hash)) throw operationNotTrusted('Only the web application\'s operations are accepted');
        },
      };
    },
  };
}
