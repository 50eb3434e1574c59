import type { MikroORM } from '@mikro-orm/postgresql';
import { PerEventCache, startOutboxRelay, type LiveEvent, type OutboxRelay } from '@aleumet/events';
import type { LiveServices, SubgraphDefinition } from '@aleumet/subgraph-kit';
import { Order } from '../entities/index.js';

/** What the subscription resolvers find in their context as `live`. */
export interface OrderLive {
  relay: OutboxRelay;
  /** The order an event is about, loaded once per event for all its subscribers. */
  orderOf(event: LiveEvent): Promise<Order | null>;
}

export interface LiveContext {
  live: OrderLive;
}

/** Started with the orders subgraph: the outbox relay (publisher, LISTEN, polling) and a per-event order cache. */
export async function startOrderLive({ orm, databaseUrl, metrics }: Parameters<NonNullable<SubgraphDefinition<unknown>['startLive']>>[0]): Promise<LiveServices> {
  const relay = await startOutboxRelay({ orm, databaseUrl, schema: 'orders', metrics });
  const orders = new PerEventCache<Order | null>();
  const live: OrderLive = {
    relay,
    orderOf(event) {
      const orderId = event.entityType === 'Order' ? event.entityId : typeof event.payload.orderId === 'string' ? event.payload.orderId : null;
      if (!orderId) return Promise.resolve(null);
      // A fresh fork per event: nothing is shared with requests, the identity map dies with the event.
      return orders.get(event, () => orm.em.fork().findOne(Order, orderId, { disableIdentityMap: true }));
    },
  };
  return {
    context: { live },
    close: () => relay.close(),
  };
}
