import type { Context } from '../resolvers/context.js';

/** `ItemType` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const itemTypeReference = {
  ItemType: {
    __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.itemType.load(ref.code),
  },
};
