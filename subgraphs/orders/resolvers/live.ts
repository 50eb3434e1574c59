import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxRelay, type LiveEvent } from '@aleumet/events';
import type { LiveServices } from '@aleumet/server-kit';
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
export async function startOrderLive({ orm, databaseUrl }: { orm: MikroORM; databaseUrl: string }): Promise<LiveServices> {
  const relay = new OutboxRelay({
    orm,
    schema: 'orders',
    databaseUrl,
    pollIntervalMs: Number(process.env.OUTBOX_POLL_MS ?? 1_000),
    log: (line) => {
      if (process.env.EVENTS_LOG === '1') console.log(line);
    },
  });
  await relay.start();
  const cache = new Map<string, Promise<Order | null>>();
  const live: OrderLive = {
    relay,
    orderOf(event) {
      const orderId = event.entityType === 'Order' ? event.entityId : typeof event.payload.orderId === 'string' ? event.payload.orderId : null;
      if (!orderId) return Promise.resolve(null);
      let p = cache.get(event.id);
      if (!p) {
        // A fresh fork per event: nothing is shared with requests, the identity map dies with the event.
        p = orm.em.fork().findOne(Order, orderId, { disableIdentityMap: true });
        cache.set(event.id, p);
        if (cache.size > 2_000) cache.delete(cache.keys().next().value as string);
        p.catch(() => cache.delete(event.id));
      }
      return p;
    },
  };
  return {
    context: { live },
    close: () => relay.close(),
  };
}
