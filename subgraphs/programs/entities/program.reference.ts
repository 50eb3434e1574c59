import type { Context } from '../resolvers/context.js';

/** `RehabilitationProgram` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const rehabilitationProgramReference = {
  RehabilitationProgram: {
    // The program policy guards the reference (subgraph-kit guardReference).
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.program.load(String(ref.id)),
  },
};
