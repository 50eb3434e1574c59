import type { Context } from '../resolvers/context.js';

/** `Offering` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const offeringReference = {
  Offering: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.offering.load(String(ref.id)),
  },
};
