import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badInput, isUuid, listScope, notFound, requireIdentity, scopeWhere } from '@aleumet/core';
import { ConnectionType, PageArgs, authorize, paginate, paginateLoaded, visibleOnly } from '@aleumet/subgraph-kit';
import { SCOPE, orderPolicy } from '../domain/policies.js';
import { MeasureRef, OfferingRef, Order, OrderStatus, PersonRef, SupplierRef } from '../entities/index.js';
import type { Context } from './context.js';

export { SCOPE };
const OrderConnection = ConnectionType('Order', Order);

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order)
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Order id must be a UUID', 'id');
    const order = await ctx.loaders.order.load(id);
    if (!order) throw notFound('Order', id);
    return authorize(ctx, orderPolicy, order);
  }

  @Query(() => OrderConnection, { description: "Orders visible to the caller: own (recipient), incoming (supplier), region's (department)" })
  async orders(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => OrderStatus, { nullable: true }) status: OrderStatus | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = listScope(ctx.identity, SCOPE);
    return paginate(ctx.em, Order, { ...scopeWhere(scope), ...(status ? { status } : {}) }, page);
  }

  @FieldResolver(() => MeasureRef) measure(@Root() o: Order): MeasureRef { return { id: o.measureId }; }
  @FieldResolver(() => OfferingRef) offering(@Root() o: Order): OfferingRef { return { id: o.offeringId }; }
  @FieldResolver(() => PersonRef) recipient(@Root() o: Order): PersonRef { return { id: o.personId }; }
  @FieldResolver(() => SupplierRef) supplier(@Root() o: Order): SupplierRef { return { id: o.supplierId }; }
}

@Resolver(() => MeasureRef)
export class MeasureOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: 'Orders placed for this measure, oldest first' })
  async orders(@Root() m: MeasureRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    // A parent's orders, only those the caller may see (a supplier sees its own among a measure's).
    return paginateLoaded(await visibleOnly(ctx, orderPolicy, await ctx.loaders.ordersByMeasure.load(String(m.id))), page);
  }
}

@Resolver(() => PersonRef)
export class PersonOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: "The person's orders, oldest first" })
  async orders(@Root() p: PersonRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded(await visibleOnly(ctx, orderPolicy, await ctx.loaders.ordersByPerson.load(String(p.id))), page);
  }
}
