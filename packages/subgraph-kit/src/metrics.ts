import type { MikroORM } from '@mikro-orm/postgresql';
import type { ServiceMetrics } from '@aleumet/observability';

/**
 * The outbox of a subgraph that has one (`<schema>.outbox`, @aleumet/events): messages not yet handed
 * on, by kind (`event`: not yet published to live subscribers; `command`: not yet accepted by the other
 * subgraph, refused ones excluded), and how long the oldest has waited (the relay's lag).
 */
export function outboxGauges(metrics: ServiceMetrics, orm: MikroORM, schema: string): void {
  let present: boolean | undefined;
  const pending = async () => {
    const knex = orm.em.getConnection().getKnex();
    if (present === undefined) present = Boolean((await knex.raw('select to_regclass(?) as t', [`${schema}.outbox`])).rows[0]?.t);
    if (!present) return [];
    const res = await knex.raw(
      `/* outbox-relay */ select kind, count(*)::int as n, coalesce(extract(epoch from now() - min(occurred_at)), 0)::float as age
         from "${schema}".outbox where published_at is null and failed_at is null group by kind`,
    );
    const byKind = new Map((res.rows as { kind: string; n: number; age: number }[]).map((r) => [r.kind, r]));
    // Both kinds always: an empty outbox is a 0 on the graph, not a gap.
    return ['event', 'command'].map((kind) => byKind.get(kind) ?? { kind, n: 0, age: 0 });
  };
  metrics.gauge('aleumet_outbox_backlog', 'Outbox messages not yet handed on, by kind (event: to live subscribers; command: to another subgraph)', ['kind'], async () =>
    (await pending()).map((r) => [{ kind: r.kind }, r.n] as [{ kind: string }, number]),
  );
  metrics.gauge('aleumet_outbox_oldest_pending_seconds', 'Age of the oldest outbox message not yet handed on (relay lag), by kind', ['kind'], async () =>
    (await pending()).map((r) => [{ kind: r.kind }, r.age] as [{ kind: string }, number]),
  );
}
