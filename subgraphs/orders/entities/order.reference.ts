import type { Context } from '../resolvers/context.js';

/** `Order` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const orderReference = {
  Order: {
    // The order policy guards the reference (subgraph-kit guardReference).
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.order.load(String(ref.id)),
  },
};
