import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupLoader, suppliersWithAccessLoader } from '@aleumet/subgraph-kit';
import { Person, PersonSourceRecord, Representation, RepresentationFile, StaffUser, ApiKey, PersistedOperation } from '../entities/index.js';

export const createLoaders = (em: EntityManager) => ({
  person: byIdLoader(em, Person),
  staffUser: byIdLoader(em, StaffUser),
  representationsByPrincipal: groupLoader(em, Representation, 'principalId'),
  representationsByRepresentative: groupLoader(em, Representation, 'representativeId'),
  sourceHistoryByPerson: groupLoader(em, PersonSourceRecord, 'personId'),
  representationFile: byIdLoader(em, RepresentationFile),
  suppliersOfPerson: suppliersWithAccessLoader(em),
  apiKeysByClient: groupLoader(em, ApiKey, 'clientId'),
  operationsByClient: groupLoader(em, PersistedOperation, 'clientId'),
});
export type Loaders = ReturnType<typeof createLoaders>;
