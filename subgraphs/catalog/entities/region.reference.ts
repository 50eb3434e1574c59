import type { Context } from '../resolvers/context.js';

/** `Region` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const regionReference = {
  Region: {
    __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.region.load(ref.code),
  },
};
