import { visit, BREAK, type DocumentNode } from 'graphql';
import { Role, forbidden } from '@aleumet/core';
import type { Step } from '../pipeline.js';

function usesIntrospection(doc: DocumentNode): boolean {
  let found = false;
  visit(doc, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Throws FORBIDDEN when the document introspects and this caller may not (HTTP and graphql-ws alike). */
export function assertIntrospection(mode: 'all' | 'admins' | 'none', document: DocumentNode, identity: { role?: string } | null | undefined): void {
  if (mode === 'all' || !usesIntrospection(document)) return;
  if (mode === 'admins' && identity?.role === Role.ADMIN) return;
  throw forbidden('Introspection is disabled');
}

/** Introspection for everyone (`all`), admins only (`admins`, production) or nobody (`none`). */
export function useIntrospection(mode: 'all' | 'admins' | 'none'): Step {
  return mode === 'all' ? {} : { operation: (op) => assertIntrospection(mode, op.document, op.context.identity) };
}
