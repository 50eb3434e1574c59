import { Arg, Ctx, Field, Int, ObjectType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { notFound, requireIdentity } from '@aleumet/core';
import { eventCursor, eventStream, parseSince, type LiveEvent } from '@aleumet/events';
import { Notification } from '../entities/index.js';
import { createLoaders } from '../loaders/index.js';
import { NOTIFICATION_CREATED, ownWhere, ownsNotification } from '../domain/notification-live.js';
import type { Context } from './context.js';
import type { LiveContext } from './live.js';

type LiveCtx = Context & LiveContext;

@ObjectType({ description: 'A notification arrived in the caller’s notification centre' })
export class NotificationReceived {
  @Field(() => String, { description: 'Resume cursor (the notification\'s place in the order they are delivered; cursors grow): pass it as `since` to receive only later notifications' })
  cursor!: string;
  @Field(() => Notification) notification!: Notification;
  @Field(() => Int, { description: 'How many of the caller’s notifications are unread now (the bell)' })
  unreadCount!: number;
}

interface SinceArgs { since?: string | null }

@Resolver()
export class NotificationSubscriptionResolver {
  @Subscription(() => NotificationReceived, {
    description: 'The caller’s new notifications as they are made (a recipient’s own and represented persons’, a supplier’s, a department’s); `since` replays those after that cursor first',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, SinceArgs, LiveCtx>) => {
      const identity = requireIdentity(context.identity);
      // Refused at subscribe time (administrators and integrators have no notification centre).
      ownWhere(identity);
      const since = parseSince(args.since);
      const relay = context.live.relay;
      return eventStream({
        hub: relay.hub,
        filter: (e) => ownsNotification(identity, e),
        replay: since ? () => relay.replay({ since, types: [NOTIFICATION_CREATED] }) : undefined,
      });
    },
  })
  async notificationReceived(
    @Root() event: LiveEvent,
    @Arg('since', () => String, { nullable: true }) _since: string | undefined,
    @Ctx() ctx: LiveCtx,
  ): Promise<NotificationReceived> {
    const notification = await ctx.live.notificationOf(event);
    if (!notification) throw notFound('Notification', event.entityId);
    // Events of one subscription run one after another: fresh reads per event (deliveries, the count now).
    ctx.em = ctx.live.orm.em.fork();
    ctx.loaders = createLoaders(ctx.em);
    const unreadCount = await ctx.em.count(Notification, { ...ownWhere(requireIdentity(ctx.identity)), readAt: null });
    return { cursor: eventCursor(event), notification, unreadCount };
  }
}
