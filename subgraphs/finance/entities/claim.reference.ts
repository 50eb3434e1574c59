import type { Context } from '../resolvers/context.js';

/** `ReimbursementClaim` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const reimbursementClaimReference = {
  ReimbursementClaim: {
    // The claim policy guards the reference (subgraph-kit guardReference).
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.claim.load(String(ref.id)),
  },
};
