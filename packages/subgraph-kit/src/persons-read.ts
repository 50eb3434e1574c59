import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PERSONS_READ_EXTENSION } from '@aleumet/protocol';

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
