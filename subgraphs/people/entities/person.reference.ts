import type { Context } from '../resolvers/context.js';

/** `Person` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const personReference = {
  Person: {
    // The person policy guards the reference (subgraph-kit guardReference).
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.person.load(String(ref.id)),
  },
};
