import type { MikroORM } from '@mikro-orm/postgresql';
import type { ServiceMetrics } from '@aleumet/observability';

/** The SMS queue (notification outbox, entities/notification.ts): rows not sent yet, and the age of the oldest. */
export function observe(metrics: ServiceMetrics, orm: MikroORM): void {
  const read = async () => {
    const res = await orm.em.getConnection().getKnex().raw(
      `/* outbox-relay */ select count(*)::int as n, coalesce(extract(epoch from now() - min(created_at)), 0)::float as age from programs.notification where sent_at is null`,
    );
    return res.rows[0] as { n: number; age: number };
  };
  metrics.gauge('aleumet_notification_queue', 'SMS notifications written and not sent yet', [], async () => [[{}, (await read()).n]]);
  metrics.gauge('aleumet_notification_oldest_pending_seconds', 'Age of the oldest SMS notification not sent yet', [], async () => [[{}, (await read()).age]]);
}
