import { Arg, Ctx, Field, ID, Int, ObjectType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { badInput, isUuid, listScope, notFound, assertAccess, requireIdentity } from '@aleumet/core';
import { eventCursor, parseSince, subscriberStream, type LiveEvent } from '@aleumet/events';
import { Order, OrderStatus } from '../entities/index.js';
import { SCOPE } from './order.resolver.js';
import type { Context } from './context.js';
import type { LiveContext } from './live.js';

type LiveCtx = Context & LiveContext;

export const ORDER_STATUS_CHANGED = 'ORDER_STATUS_CHANGED';
/** Event types that announce a new order to its supplier (besides a change to AWAITING_SUPPLIER). */
const ORDER_PLACED = ['ORDER_PLACED', 'ORDER_CREATED'];

@ObjectType({ description: 'An order changed status (one outbox event). `order` is the order as it is now.' })
export class OrderStatusChange {
  @Field(() => String, { description: 'Resume cursor (the event\'s place in the order events are delivered; cursors grow): pass it as `since` to receive only later events' })
  cursor!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => OrderStatus, { description: 'The status the event recorded' }) status!: OrderStatus;
  @Field(() => Int, { description: 'The order version the event recorded' }) version!: number;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Order) order!: Order;
}

interface OrderArgs { orderId?: string | null; since?: string | null }
interface SinceArgs { since?: string | null }

function stream(ctx: LiveCtx, since: string | undefined, types: string[], entityId: string | undefined, match: (e: LiveEvent) => boolean) {
  return subscriberStream({ relay: ctx.live.relay, identity: ctx.identity, scope: SCOPE, types, since, entityId, match });
}

async function orderChange(e: LiveEvent, ctx: LiveCtx): Promise<OrderStatusChange> {
  const order = await ctx.live.orderOf(e);
  if (!order) throw notFound('Order', e.entityId);
  return { cursor: eventCursor(e), orderId: e.entityId, status: e.status as OrderStatus, version: e.version, occurredAt: new Date(e.occurredAt), order };
}

@Resolver()
export class OrderSubscriptionResolver {
  @Subscription(() => OrderStatusChange, {
    description: 'Status changes of one order (orderId) or of every order the caller may see; `since` replays the events after that cursor first',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, OrderArgs, LiveCtx>) => {
      const identity = requireIdentity(context.identity);
      // Refused at subscribe time (FORBIDDEN naming the scope), not a silent stream that never delivers.
      listScope(identity, SCOPE);
      const since = parseSince(args.since);
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
    subscribe: ({ args, context }: SubscribeResolverData<unknown, SinceArgs, LiveCtx>) => {
      listScope(requireIdentity(context.identity), SCOPE);
      return stream(context, parseSince(args.since), [ORDER_STATUS_CHANGED, ...ORDER_PLACED], undefined, (e) =>
        e.entityType === 'Order' && (ORDER_PLACED.includes(e.type) || e.status === OrderStatus.AWAITING_SUPPLIER));
    },
  })
  incomingOrders(
    @Root() event: LiveEvent,
    @Arg('since', () => String, { nullable: true }) _since: string | undefined,
    @Ctx() ctx: LiveCtx,
  ): Promise<OrderStatusChange> {
    return orderChange(event, ctx);
  }
}
