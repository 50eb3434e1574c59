import type { Context } from '../resolvers/context.js';

/** `Supplier` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const supplierReference = {
  Supplier: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.supplier.load(String(ref.id)),
  },
};
