import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Response extension in which a subgraph names the persons whose data a request loaded, so the gateway's
 * audit records them even when the caller selected no id. Subgraphs are internal: the gateway drops
 * subgraph extensions from what callers see.
 */
export const PERSONS_READ_EXTENSION = 'personsRead';

/** Persons named by the entities a request's EntityManager holds: entities carry `personId` (Person its own id). */
export function personsLoaded(em: EntityManager): string[] {
  const out = new Set<string>();
  for (const entity of em.getUnitOfWork().getIdentityMap()) {
    const id = (entity as { personId?: unknown }).personId;
    if (typeof id === 'string') out.add(id);
  }
  return [...out];
}

export function personsReadPlugin(): ApolloServerPlugin<{ em: EntityManager }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue?.em) return;
          const persons = personsLoaded(contextValue.em);
          if (!persons.length) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [PERSONS_READ_EXTENSION]: persons };
        },
      };
    },
  };
}
