import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, isUuid, listScope, notFound, requireIdentity, scopeWhere } from '@aleumet/core';
import { ConnectionType, PageArgs, authorize, paginate, paginateLoaded } from '@aleumet/subgraph-kit';
import { SCOPE, claimPolicy } from '../domain/policies.js';
import { ClaimStatus, GuaranteedSum, OrderRef, Payment, ReimbursementClaim } from '../entities/index.js';
import type { Context } from './context.js';

export { SCOPE };
const ClaimConnection = ConnectionType('ReimbursementClaim', ReimbursementClaim);
const PaymentConnection = ConnectionType('Payment', Payment);
const GuaranteedSumConnection = ConnectionType('GuaranteedSum', GuaranteedSum);

@Resolver(() => ReimbursementClaim)
export class ClaimResolver {
  @Query(() => GuaranteedSumConnection, { description: 'Guaranteed sums per item type for a budget year' })
  guaranteedSums(@Args(() => PageArgs) page: PageArgs, @Arg('year', () => Int) year: number, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    if (year < 2019 || year > 2100) throw badInput('Year out of range', 'year');
    return paginate(ctx.em, GuaranteedSum, { year }, page);
  }

  @Query(() => ReimbursementClaim)
  async claim(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Claim id must be a UUID', 'id');
    const claim = await ctx.loaders.claim.load(id);
    if (!claim) throw notFound('ReimbursementClaim', id);
    return authorize(ctx, claimPolicy, claim);
  }

  @Query(() => ClaimConnection, { description: "Claims visible to the caller: own, supplier's, region's" })
  claims(@Args(() => PageArgs) page: PageArgs, @Arg('status', () => ClaimStatus, { nullable: true }) status: ClaimStatus | undefined, @Ctx() ctx: Context) {
    return paginate(ctx.em, ReimbursementClaim, { ...scopeWhere(listScope(ctx.identity, SCOPE)), ...(status ? { status } : {}) }, page);
  }

  @FieldResolver(() => OrderRef)
  order(@Root() c: ReimbursementClaim): OrderRef {
    return { id: c.orderId };
  }

  @FieldResolver(() => PaymentConnection)
  async payments(@Root() c: ReimbursementClaim, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded(await ctx.loaders.paymentsByClaim.load(c.id), page);
  }
}

@Resolver(() => OrderRef)
export class OrderClaimResolver {
  @FieldResolver(() => ReimbursementClaim, { nullable: true, description: 'The reimbursement claim signed with the order' })
  async claim(@Root() o: OrderRef, @Ctx() ctx: Context) {
    const claim = (await ctx.loaders.claimsByOrder.load(String(o.id))).find((c) => !c.actId);
    return claim ? authorize(ctx, claimPolicy, claim) : null;
  }

  @FieldResolver(() => ClaimConnection, { description: 'All claims of the order: the one signed with it (aids) or one per approved monthly act (S1/S2)' })
  async claims(@Root() o: OrderRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const claims = await ctx.loaders.claimsByOrder.load(String(o.id));
    for (const c of claims) await authorize(ctx, claimPolicy, c);
    return paginateLoaded(claims, page);
  }
}
