import type { MikroORM } from '@mikro-orm/postgresql';
import { PerEventCache, startOutboxRelay, type LiveEvent, type OutboxRelay } from '@aleumet/events';
import type { LiveServices, SubgraphDefinition } from '@aleumet/subgraph-kit';
import { Measure } from '../entities/index.js';
import { queueWebhookDeliveries, webhookSender } from '../domain/webhooks.js';

/** What the subscription resolvers find in their context as `live`. */
export interface ProgramLive {
  relay: OutboxRelay;
  orm: MikroORM;
  /** The measure an event is about, loaded once per event for all its subscribers. */
  measureOf(event: LiveEvent): Promise<Measure | null>;
}

export interface LiveContext {
  live: ProgramLive;
}

/** Started with the programs subgraph: the outbox relay of the programs schema and a per-event measure cache. */
export async function startProgramLive({ orm, databaseUrl, metrics }: Parameters<NonNullable<SubgraphDefinition<unknown>['startLive']>>[0]): Promise<LiveServices> {
  // Each published measure event is queued for the integrators' webhook endpoints in the publishing
  // transaction, and sent as soon as that transaction committed.
  const sender = webhookSender(orm);
  const relay = await startOutboxRelay({ orm, databaseUrl, schema: 'programs', metrics, onPublish: queueWebhookDeliveries, afterPublish: sender.wake });
  const measures = new PerEventCache<Measure | null>();
  const live: ProgramLive = {
    relay,
    orm,
    measureOf: (event) =>
      event.entityType !== 'Measure'
        ? Promise.resolve(null)
        : measures.get(event, () => orm.em.fork().findOne(Measure, event.entityId, { disableIdentityMap: true })),
  };
  return {
    context: { live },
    close: async () => {
      await relay.close();
      await sender.drain();
    },
  };
}
