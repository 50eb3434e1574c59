import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { LIMITS, Role, badInput, checkText, isUuid, isValidBin, isValidIin, listScope, notFound, requireIdentity, scopeWhere, type Identity } from '@aleumet/core';
import { ConnectionType, ListOrder, PageArgs, authorize, paginateLoaded, paginateSorted, visibleOnly } from '@aleumet/subgraph-kit';
import { ServiceCallError, callSubgraph, serviceIdentity } from '@aleumet/runtime';
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
    @Arg('order', () => ListOrder, { nullable: true, defaultValue: ListOrder.OLDEST_FIRST }) order: ListOrder,
    @Arg('search', () => String, {
      nullable: true,
      description: 'An order number or part of it (2026-004217, 004217); or 12 digits: the BIN of the supplier, or the IIN of the recipient (departments, administrators and integrators with people:read)',
    })
    search: string | undefined,
    @Arg('supplierId', () => ID, { nullable: true, description: "Only this supplier's orders" }) supplierId: string | undefined,
    @Arg('deliveryOverdue', () => Boolean, { nullable: true, description: 'Only aids not handed over within the term of their contract (flagged by the overdue job), still open' })
    deliveryOverdue: boolean | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = listScope(ctx.identity, SCOPE);
    if (supplierId != null && !isUuid(supplierId)) throw badInput('Supplier id must be a UUID', 'supplierId');
    const where = {
      ...scopeWhere(scope), ...(status ? { status } : {}), ...(supplierId ? { supplierId } : {}),
      ...(deliveryOverdue ? { deliveryOverdueAt: { $ne: null }, handedOverAt: null, closedAt: null } : {}),
    } as FilterQuery<Order>;
    const cond = search != null ? ({ $and: [where, await searchWhere(ctx, search)] } as FilterQuery<Order>) : where;
    return paginateSorted<Order>(ctx.em, Order, cond, page, {
      direction: order === ListOrder.NEWEST_FIRST ? 'desc' : 'asc',
    });
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

const PERSON_BY_IIN = `query($iin: String!) { personByIin(iin: $iin) { id } }`;
const SUPPLIER_BY_BIN = `query($bin: String!) { supplierByBin(bin: $bin) { id } }`;

/**
 * The condition a console search adds: a number fragment matches order numbers; 12 digits are a
 * supplier's BIN or a recipient's IIN. The IIN is looked up with the caller's own identity, so the
 * people subgraph's policy decides who may search by it.
 */
async function searchWhere(ctx: Context, text: string): Promise<FilterQuery<Order>> {
  const q = checkText(text, 'search', LIMITS.code).toUpperCase();
  if (!/^[\dA-Z-]+$/.test(q)) throw badInput('Search by an order number, an IIN or a BIN', 'search');
  const or: FilterQuery<Order>[] = [{ number: { $like: `%${q}%` } }];
  if (/^\d{12}$/.test(q)) {
    const identity = requireIdentity(ctx.identity);
    const [supplier, person] = await Promise.all([
      isValidBin(q) ? callSubgraph<{ supplierByBin: { id: string } | null }>(ctx.runtime.peers.url('catalog'), serviceIdentity('orders', ['catalog:read']), SUPPLIER_BY_BIN, { bin: q }) : null,
      isValidIin(q) && mayFindByIin(identity) ? lookUpPerson(ctx, identity, q) : null,
    ]);
    if (supplier?.supplierByBin) or.push({ supplierId: supplier.supplierByBin.id });
    if (person) or.push({ personId: person });
  }
  return { $or: or };
}

const mayFindByIin = (identity: Identity) => identity.role === Role.ADMIN || identity.role === Role.EMPLOYMENT_DEPARTMENT || identity.scopes.includes('people:read');

async function lookUpPerson(ctx: Context, identity: Identity, iin: string): Promise<string | null> {
  try {
    return (await callSubgraph<{ personByIin: { id: string } | null }>(ctx.runtime.peers.url('people'), identity, PERSON_BY_IIN, { iin })).personByIin?.id ?? null;
  } catch (e) {
    // A person the caller may not see (another region's) is no match.
    if (e instanceof ServiceCallError && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND')) return null;
    throw e;
  }
}

