import type { Context } from '../resolvers/context.js';

/** `Measure` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const measureReference = {
  Measure: {
    // The measure policy guards the reference: a supplier only through its own orders, and then only what they need.
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.measure.load(String(ref.id)),
  },
};
