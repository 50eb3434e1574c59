import type { MikroORM } from '@mikro-orm/postgresql';
import { PerEventCache, startOutboxRelay, type LiveEvent, type OutboxRelay } from '@aleumet/events';
import type { LiveServices, SubgraphDefinition } from '@aleumet/subgraph-kit';
import { Notification } from '../entities/index.js';

/** What the subscription resolvers find in their context as `live`. */
export interface PeopleLive {
  relay: OutboxRelay;
  orm: MikroORM;
  /** The notification an event is about, loaded once per event for all its subscribers. */
  notificationOf(event: LiveEvent): Promise<Notification | null>;
}

export interface LiveContext {
  live: PeopleLive;
}

/** Started with the people subgraph: the outbox relay of the people schema (notifications made, live). */
export async function startPeopleLive({ orm, databaseUrl, metrics }: Parameters<NonNullable<SubgraphDefinition<unknown>['startLive']>>[0]): Promise<LiveServices> {
  const relay = await startOutboxRelay({ orm, databaseUrl, schema: 'people', metrics });
  const notifications = new PerEventCache<Notification | null>();
  const live: PeopleLive = {
    relay,
    orm,
    notificationOf: (event) =>
      event.entityType !== 'Notification'
        ? Promise.resolve(null)
        : notifications.get(event, () => orm.em.fork().findOne(Notification, event.entityId, { disableIdentityMap: true })),
  };
  return { context: { live }, close: () => relay.close() };
}
