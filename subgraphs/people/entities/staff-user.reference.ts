import type { Context } from '../resolvers/context.js';

/** `StaffUser` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const staffUserReference = {
  StaffUser: {
    // The staff policy guards the reference (subgraph-kit guardReference).
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.staffUser.load(String(ref.id)),
  },
};
