import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { SafeIntResolver } from 'graphql-scalars';
import { LIMITS, Role, assertAccess, badInput, checkCalendarDate, checkList, checkText, checkTiyn, forbidden, hasScope, invalidTransition, isUuid, listScope, notFound, requireIdentity, scopeWhere, type Identity } from '@aleumet/core';
import { ConnectionType, PageArgs, authorize, paginate } from '@aleumet/subgraph-kit';
import { localDate } from '@aleumet/calendar';
import { InpatientFitting, Order, OrderStatus, ProstheticsCard } from '../entities/index.js';
import { acceptanceActText, assertTripAllowed, checkInpatientStay, historyExtractText } from '../domain/prosthetics.js';
import { SCOPE, prostheticsCardPolicy } from '../domain/policies.js';
import type { Context } from './context.js';

const CardConnection = ConnectionType('ProstheticsCard', ProstheticsCard);
const OPEN = [OrderStatus.ACCEPTED, OrderStatus.READY];

@InputType()
class MeasurementInput {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

/** The S4 order (row-locked) and its card, for the order's supplier (or, for trips, the region's department). */
async function cardFor(tx: EntityManager, identity: Identity, orderId: string, who: 'supplier' | 'supplierOrDepartment'): Promise<{ order: Order; card: ProstheticsCard }> {
  if (!isUuid(orderId)) throw badInput('Order id must be a UUID', 'orderId');
  const order = await tx.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!order) throw notFound('Order', orderId);
  assertAccess(identity, order, SCOPE);
  const supplier = identity.role === Role.SUPPLIER && identity.supplierId === order.supplierId;
  const department = identity.role === Role.EMPLOYMENT_DEPARTMENT && identity.regionCode === order.regionCode;
  if (!(supplier || (who === 'supplierOrDepartment' && department))) throw forbidden('Only the supplier of the order does this');
  if (order.kind !== 'S4') throw badInput('Only prosthetic-orthopaedic orders (S4) have a prosthetics card', 'orderId');
  let card = await tx.findOne(ProstheticsCard, { orderId: order.id });
  if (!card) {
    card = tx.create(ProstheticsCard, {
      orderId: order.id, orderNumber: order.number, personId: order.personId, supplierId: order.supplierId, regionCode: order.regionCode,
      itemTypeCode: order.itemTypeCode ?? 'S4', inpatientWorkingDays: 0,
    });
    tx.persist(card);
  }
  return { order, card };
}

@Resolver(() => ProstheticsCard)
export class ProstheticsResolver {
  @Mutation(() => ProstheticsCard, { description: 'Supplier: the measurements taken for an accepted S4 order (seeds 004 ¶31), replacing earlier ones' })
  async recordProstheticMeasurements(@Arg('orderId', () => ID) orderId: string, @Arg('measurements', () => [MeasurementInput]) measurements: MeasurementInput[], @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    if (measurements.length === 0) throw badInput('Give at least one measurement', 'measurements');
    checkList(measurements, 'measurements', LIMITS.listItems, (m, f) => { checkText(m.name, `${f}.name`, LIMITS.name); checkText(m.value, `${f}.value`, LIMITS.name); });
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      const { order, card } = await cardFor(tx, identity, orderId, 'supplier');
      if (!OPEN.includes(order.status)) throw invalidTransition('Order', order.status, 'measured');
      card.measurements = measurements.map((m) => ({ name: m.name.trim(), value: m.value.trim() }));
      card.measuredAt = now;
      return card;
    });
  }

  @Mutation(() => ProstheticsCard, { description: 'Supplier: invite the recipient, in advance, for an inpatient fitting: the first at most 10 working days, a repeat one at most 3 (seeds 004 ¶31)' })
  async inviteForInpatientFitting(
    @Arg('orderId', () => ID) orderId: string, @Arg('fitting', () => InpatientFitting) fitting: InpatientFitting,
    @Arg('from', () => String, { description: 'First day, YYYY-MM-DD' }) from: string, @Arg('to', () => String, { description: 'Last day, YYYY-MM-DD' }) to: string,
    @Ctx() ctx: Context,
  ) {
    const identity = requireIdentity(ctx.identity);
    const now = ctx.runtime.clock.now();
    const days = checkInpatientStay(fitting, from, to, localDate(now));
    return ctx.em.fork().transactional(async (tx) => {
      const { order, card } = await cardFor(tx, identity, orderId, 'supplier');
      if (!OPEN.includes(order.status)) throw invalidTransition('Order', order.status, 'inpatient fitting');
      Object.assign(card, { inpatient: fitting, inpatientFrom: from, inpatientTo: to, inpatientWorkingDays: days, invitedAt: now });
      return card;
    });
  }

  @Mutation(() => ProstheticsCard, { description: "Supplier or the region's department: a trip to the supplier and back, reimbursed for at most 2 trips a year (1 for an escort or for bandages; seeds 004 ¶41)" })
  async recordProstheticTrip(
    @Arg('orderId', () => ID) orderId: string, @Arg('date', () => String) date: string, @Arg('escort', () => Boolean) escort: boolean,
    @Arg('amount', () => SafeIntResolver, { description: 'Fare, tiyn' }) amount: number, @Ctx() ctx: Context,
  ) {
    const identity = requireIdentity(ctx.identity);
    checkCalendarDate(date, 'date');
    checkTiyn(amount, 'amount');
    if (date > localDate(ctx.runtime.clock.now())) throw badInput('A trip is recorded after it was made', 'date');
    return ctx.em.fork().transactional(async (tx) => {
      const { order, card } = await cardFor(tx, identity, orderId, 'supplierOrDepartment');
      if (order.status === OrderStatus.REFUSED || order.status === OrderStatus.EXPIRED || order.status === OrderStatus.CANCELLED) throw invalidTransition('Order', order.status, 'trip recorded');
      // The person's trips of the year, across orders, one writer at a time.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`orders:s4-trips:${order.personId}`]);
      const cards = await tx.find(ProstheticsCard, { personId: order.personId });
      const trip = { date, escort, amount };
      assertTripAllowed(cards, trip, card.itemTypeCode);
      card.trips = [...card.trips, trip];
      return card;
    });
  }

  @Query(() => CardConnection, { description: 'Е-Собес (integrator with orders:read), admins, departments: prosthetics cards with an inpatient fitting and their history extracts, oldest first' })
  prostheticsHistoryExtracts(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const id = requireIdentity(ctx.identity);
    if (!(id.role === Role.ADMIN || id.role === Role.EMPLOYMENT_DEPARTMENT || hasScope(id, SCOPE))) throw forbidden(`Scope ${SCOPE} required`);
    return paginate(ctx.em, ProstheticsCard, { ...scopeWhere(listScope(ctx.identity, SCOPE)), inpatient: { $ne: null } }, page);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The act of acceptance of the work done (annex 10), once the item is handed over' })
  async acceptanceAct(@Root() card: ProstheticsCard, @Ctx() ctx: Context) {
    const order = await ctx.loaders.order.load(card.orderId);
    return order ? acceptanceActText(card, order) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Extract from the prosthetics history (annex 11), for an inpatient fitting; passed to Е-Собес' })
  historyExtract(@Root() card: ProstheticsCard) {
    return historyExtractText(card);
  }
}

@Resolver(() => Order)
export class OrderProstheticsFieldResolver {
  @FieldResolver(() => ProstheticsCard, { nullable: true, description: 'S4: the prosthetics card (kept permanently; shown in the cabinet, 004 ¶34)' })
  async prostheticsCard(@Root() o: Order, @Ctx() ctx: Context) {
    if (o.kind !== 'S4') return null;
    const card = (await ctx.loaders.cardByOrder.load(o.id))[0] ?? null;
    return card ? authorize(ctx, prostheticsCardPolicy, card) : null;
  }
}
