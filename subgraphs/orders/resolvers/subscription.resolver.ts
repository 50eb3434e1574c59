import { Arg, Ctx, Field, ID, Int, ObjectType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { badInput, canAccess, isUuid, notFound, assertAccess, requireIdentity, type Identity } from '@aleumet/core';
import { eventStream, type LiveEvent } from '@aleumet/events';
import { MeasureRef, Order, OrderStatus } from '../entities/index.js';
import { SCOPE } from './order.resolver.js';
import type { Context } from './context.js';
import type { LiveContext } from './live.js';

type LiveCtx = Context & LiveContext;

export const ORDER_STATUS_CHANGED = 'ORDER_STATUS_CHANGED';
/** Event types that announce a new order to its supplier (besides a change to AWAITING_SUPPLIER). */
const ORDER_PLACED = ['ORDER_PLACED', 'ORDER_CREATED'];

@ObjectType({ description: 'An order changed status (one outbox event). `order` is the order as it is now.' })
export class OrderStatusChange {
  @Field(() => String, { description: 'Resume cursor (the outbox event id): pass it as `since` to receive only later events' })
  cursor!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => OrderStatus, { description: 'The status the event recorded' }) status!: OrderStatus;
  @Field(() => Int, { description: 'The order version the event recorded' }) version!: number;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Order) order!: Order;
}

@ObjectType({ description: "A measure's order moved on (the measure's own status is `measure.status`, resolved by programs)" })
export class MeasureStatusChange {
  @Field(() => String, { description: 'Resume cursor (the outbox event id)' }) cursor!: string;
  @Field(() => ID) measureId!: string;
  @Field(() => MeasureRef) measure!: MeasureRef;
  @Field(() => ID, { nullable: true }) orderId?: string | null;
  @Field(() => OrderStatus, { nullable: true, description: 'Status of the order whose change moved the measure' }) orderStatus?: OrderStatus | null;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Order, { nullable: true }) order?: Order | null;
}

interface OrderArgs { orderId?: string | null; since?: string | null }
interface MeasureArgs { measureId: string; since?: string | null }
interface SinceArgs { since?: string | null }

function checkSince(since: string | null | undefined): string | undefined {
  if (since == null || since === '') return undefined;
  if (!isUuid(since)) throw badInput('since must be a cursor received from this subscription', 'since');
  return since;
}

/** Who may see an event: the same rule as reading the order (recipient/representative, supplier, department, admin, integrator). */
function visibleTo(identity: Identity, e: LiveEvent): boolean {
  const p = e.payload;
  if (typeof p.personId !== 'string' || typeof p.regionCode !== 'string') return false;
  return canAccess(identity, { personId: p.personId, regionCode: p.regionCode, supplierId: typeof p.supplierId === 'string' ? p.supplierId : null }, SCOPE);
}

function stream(ctx: LiveCtx, since: string | undefined, types: string[], entityId: string | undefined, match: (e: LiveEvent) => boolean) {
  const identity = requireIdentity(ctx.identity);
  const { relay } = ctx.live;
  return eventStream({
    hub: relay.hub,
    filter: (e) => types.includes(e.type) && match(e) && visibleTo(identity, e),
    replay: since ? () => relay.replay({ since, types, entityId }) : undefined,
  });
}

async function orderChange(e: LiveEvent, ctx: LiveCtx): Promise<OrderStatusChange> {
  const order = await ctx.live.orderOf(e);
  if (!order) throw notFound('Order', e.entityId);
  return { cursor: e.id, orderId: e.entityId, status: e.status as OrderStatus, version: e.version, occurredAt: new Date(e.occurredAt), order };
}

@Resolver()
export class OrderSubscriptionResolver {
  @Subscription(() => OrderStatusChange, {
    description: 'Status changes of one order (orderId) or of every order the caller may see; `since` replays the events after that cursor first',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, OrderArgs, LiveCtx>) => {
      const identity = requireIdentity(context.identity);
      const since = checkSince(args.since);
      const orderId = args.orderId ?? undefined;
      if (orderId !== undefined) {
        if (!isUuid(orderId)) throw badInput('Order id must be a UUID', 'orderId');
        const order = await context.em.fork().findOne(Order, orderId);
        if (!order) throw notFound('Order', orderId);
        assertAccess(identity, order, SCOPE);
      }
      return stream(context, since, [ORDER_STATUS_CHANGED], orderId, (e) => e.entityType === 'Order' && (orderId === undefined || e.entityId === orderId));
    },
  })
  orderStatusChanged(
    @Root() event: LiveEvent,
    @Arg('orderId', () => ID, { nullable: true }) _orderId: string | undefined,
    @Arg('since', () => String, { nullable: true }) _since: string | undefined,
    @Ctx() ctx: LiveCtx,
  ): Promise<OrderStatusChange> {
    return orderChange(event, ctx);
  }

  @Subscription(() => OrderStatusChange, {
    description: "New orders for the caller's supplier (or, for a department, admin or integrator, every new order it may see); `since` replays first",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, SinceArgs, LiveCtx>) =>
      stream(context, checkSince(args.since), [ORDER_STATUS_CHANGED, ...ORDER_PLACED], undefined, (e) =>
        e.entityType === 'Order' && (ORDER_PLACED.includes(e.type) || e.status === OrderStatus.AWAITING_SUPPLIER)),
  })
  incomingOrders(
    @Root() event: LiveEvent,
    @Arg('since', () => String, { nullable: true }) _since: string | undefined,
    @Ctx() ctx: LiveCtx,
  ): Promise<OrderStatusChange> {
    return orderChange(event, ctx);
  }

  @Subscription(() => MeasureStatusChange, {
    description: "Changes of a measure through its orders (and MEASURE_STATUS_CHANGED events recorded here); `measure.status` is read from programs per event",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, MeasureArgs, LiveCtx>) => {
      if (!isUuid(args.measureId)) throw badInput('Measure id must be a UUID', 'measureId');
      return stream(context, checkSince(args.since), [ORDER_STATUS_CHANGED, 'MEASURE_STATUS_CHANGED'], undefined, (e) =>
        (e.entityType === 'Measure' && e.entityId === args.measureId) || e.payload.measureId === args.measureId);
    },
  })
  async measureStatusChanged(
    @Root() event: LiveEvent,
    @Arg('measureId', () => ID) measureId: string,
    @Arg('since', () => String, { nullable: true }) _since: string | undefined,
    @Ctx() ctx: LiveCtx,
  ): Promise<MeasureStatusChange> {
    const isOrder = event.entityType === 'Order';
    const order = isOrder ? await ctx.live.orderOf(event) : null;
    return {
      cursor: event.id,
      measureId,
      measure: { id: measureId },
      orderId: isOrder ? event.entityId : null,
      orderStatus: isOrder ? (event.status as OrderStatus) : null,
      occurredAt: new Date(event.occurredAt),
      order,
    };
  }
}
