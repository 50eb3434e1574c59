import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupLoader } from '@aleumet/server-kit';
import { Measure, RehabilitationProgram } from '../entities/index.js';

export const createLoaders = (em: EntityManager) => ({
  program: byIdLoader(em, RehabilitationProgram),
  programsByPerson: groupLoader(em, RehabilitationProgram, 'personId'),
  measure: byIdLoader(em, Measure),
  measuresByProgram: groupLoader(em, Measure, 'program'),
});
export type Loaders = ReturnType<typeof createLoaders>;
