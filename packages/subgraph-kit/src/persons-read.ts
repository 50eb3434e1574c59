import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PERSONS_READ_EXTENSION } from '@aleumet/protocol';

/** Adds the person a record names (entities carry `personId`, Person its own id). */
export function notePerson(record: unknown, into: Set<string>): void {
  const id = (record as { personId?: unknown } | null)?.personId;
  if (typeof id === 'string') into.add(id);
}

/** Persons named by the entities a request's EntityManager holds, and by `also` (a batch caller's). */
export function personsLoaded(em: EntityManager, also?: Set<string>): string[] {
  const out = new Set<string>(also);
  for (const entity of em.getUnitOfWork().getIdentityMap()) notePerson(entity, out);
  return [...out];
}

type Loader = { load(key: unknown): Promise<unknown> };

/**
 * A callers batch's loaders as one caller sees them: the shared loaders (a row is read once for all callers,
 * into a shared EntityManager), noting the persons of what each load hands this caller. So a caller's
 * audit names what its own resolvers loaded, as its own EntityManager would, not what the others did.
 */
export function recordingPersons<L>(shared: L, into: Set<string>): L {
  const out: Record<string, unknown> = {};
  for (const [name, loader] of Object.entries(shared as Record<string, unknown>)) {
    if (typeof (loader as Loader | null)?.load !== 'function') {
      out[name] = loader;
      continue;
    }
    // The loader's own methods (loadMany calls `this.load`) over its state; only `load` notes persons.
    const own = Object.create(loader as object) as Loader;
    own.load = (key) =>
      (loader as Loader).load(key).then((value) => {
        if (Array.isArray(value)) for (const v of value) notePerson(v, into);
        else notePerson(value, into);
        return value;
      });
    out[name] = own;
  }
  return out as L;
}

export function personsReadPlugin(): ApolloServerPlugin<{ em: EntityManager; personsSeen?: Set<string> }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue?.em) return;
          const persons = personsLoaded(contextValue.em, contextValue.personsSeen);
          if (!persons.length) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [PERSONS_READ_EXTENSION]: persons };
        },
      };
    },
  };
}
