import { Arg, Ctx, Field, ID, Int, ObjectType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Role, assertAccess, badInput, forbidden, isUuid, listScope, notFound, requireIdentity } from '@aleumet/core';
import { eventCursor, parseSince, subscriberStream, type LiveEvent } from '@aleumet/events';
import { Measure, MeasureStatus, OrderRef } from '../entities/index.js';
import { createLoaders } from '../loaders/index.js';
import { SCOPE } from './program.resolver.js';
import type { Context } from './context.js';
import type { LiveContext } from './live.js';

type LiveCtx = Context & LiveContext;

export const MEASURE_STATUS_CHANGED = 'MEASURE_STATUS_CHANGED';

@ObjectType({ description: 'A measure changed status (one MEASURE_STATUS_CHANGED event of programs). `measure` is the measure as it is now.' })
export class MeasureStatusChange {
  @Field(() => String, { description: 'Resume cursor (the event\'s place in the order events are delivered; cursors grow): pass it as `since` to receive only later events' })
  cursor!: string;
  @Field(() => ID) measureId!: string;
  @Field(() => MeasureStatus, { description: 'The status the event recorded' }) status!: MeasureStatus;
  @Field(() => Int, { description: 'The measure version the event recorded' }) version!: number;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Measure) measure!: Measure;
  @Field(() => ID, { nullable: true, description: 'The order holding the measure when the event was recorded (ORDERED)' }) orderId?: string | null;
  @Field(() => OrderRef, { nullable: true, description: 'That order (resolved by orders)' }) order?: OrderRef | null;
}

interface MeasureArgs { measureId?: string | null; since?: string | null }

@Resolver()
export class MeasureSubscriptionResolver {
  @Subscription(() => MeasureStatusChange, {
    description:
      'Status changes of one measure (measureId) or of every measure the caller may see (recipient: own and represented; department: its region; integrator: programs:read); `since` replays the events after that cursor first',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, MeasureArgs, LiveCtx>) => {
      const identity = requireIdentity(context.identity);
      if (identity.role === Role.SUPPLIER) throw forbidden('Suppliers see measures through their orders');
      // Refused at subscribe time (FORBIDDEN naming the scope), not a silent stream that never delivers.
      listScope(identity, SCOPE);
      const since = parseSince(args.since);
      const measureId = args.measureId ?? undefined;
      if (measureId !== undefined) {
        if (!isUuid(measureId)) throw badInput('Measure id must be a UUID', 'measureId');
        const measure = await context.em.fork().findOne(Measure, measureId);
        if (!measure) throw notFound('Measure', measureId);
        assertAccess(identity, measure, SCOPE);
      }
      return subscriberStream({
        relay: context.live.relay,
        identity,
        scope: SCOPE,
        types: [MEASURE_STATUS_CHANGED],
        since,
        entityId: measureId,
        match: (e) => e.entityType === 'Measure' && (measureId === undefined || e.entityId === measureId),
      });
    },
  })
  async measureStatusChanged(
    @Root() event: LiveEvent,
    @Arg('measureId', () => ID, { nullable: true }) _measureId: string | undefined,
    @Arg('since', () => String, { nullable: true }) _since: string | undefined,
    @Ctx() ctx: LiveCtx,
  ): Promise<MeasureStatusChange> {
    const measure = await ctx.live.measureOf(event);
    if (!measure) throw notFound('Measure', event.entityId);
    // Events of one subscription execute one after another: fresh loaders per event, so nested
    // fields (program, fulfilment) are read as they are now, not as the first event saw them.
    ctx.em = ctx.live.orm.em.fork();
    ctx.loaders = createLoaders(ctx.em);
    const orderId = typeof event.payload.orderId === 'string' ? event.payload.orderId : null;
    return {
      cursor: eventCursor(event),
      measureId: event.entityId,
      status: event.status as MeasureStatus,
      version: event.version,
      occurredAt: new Date(event.occurredAt),
      measure,
      orderId,
      order: orderId ? { id: orderId } : null,
    };
  }
}
