import type { ApolloServerPlugin } from '@apollo/server';
import { visit, BREAK, type DocumentNode } from 'graphql';
import { Role, forbidden } from '@aleumet/core';
import type { SecureContext } from './context.js';

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

/** Introspection for everyone (`all`), admins only (`admins`, production) or nobody (`none`). */
export function useIntrospectionGuard(mode: 'all' | 'admins' | 'none'): ApolloServerPlugin<SecureContext> {
  return {
    async requestDidStart() {
      if (mode === 'all') return;
      return {
        async didResolveOperation(ctx) {
          if (!usesIntrospection(ctx.document)) return;
          if (mode === 'admins' && ctx.contextValue.identity?.role === Role.ADMIN) return;
          throw forbidden('Introspection is disabled');
        },
      };
    },
  };
}
