import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobScope } from '@aleumet/runtime';
import { uuidv7 } from '@aleumet/core';
import type { LiveEvent, RelayTransaction } from '@aleumet/events';
import { postWebhook, retryDelayMs } from '@aleumet/webhooks';
import { WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus } from '../entities/index.js';
import { MeasureStatus } from '../entities/measure.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('programs');

/**
 * Measure execution pushed back to Е-Собес (002 ¶9: the measure's execution goes back to the
 * social-protection system automatically). Deliveries are queued by the outbox relay (packages/events
 * relay.ts `onPublish`) in the transaction that publishes the event, so each event is queued once
 * per registered endpoint and never lost; the `programs:webhooks` job sends them:
 *   - signed (HMAC-SHA256 of "<timestamp>.<body>", @aleumet/webhooks), the same body on every attempt;
 *   - until the endpoint answers 2xx, with exponential backoff;
 *   - in order per measure and endpoint: an event waits while an earlier one of its measure is pending;
 *   - idempotent for the receiver: the event id is the body's `id` and the X-Aleumet-Event-Id header.
 */
export type WebhookType = 'measure.fulfilled' | 'measure.cancelled' | 'measure.blocked' | 'measure.reactivated';

/** Which measure events Е-Собес receives, and under what name. */
export function webhookTypeOf(e: Pick<LiveEvent, 'type' | 'status' | 'payload'>): WebhookType | null {
  if (e.type !== 'MEASURE_STATUS_CHANGED') return null;
  switch (e.status) {
    case MeasureStatus.FULFILLED: return 'measure.fulfilled';
    case MeasureStatus.CANCELLED: return 'measure.cancelled';
    case MeasureStatus.BLOCKED: return 'measure.blocked';
    case MeasureStatus.AWAITING_CHOICE: return e.payload.from === MeasureStatus.BLOCKED ? 'measure.reactivated' : null;
    default: return null;
  }
}

const T = {
  endpoint: '"programs"."webhook_endpoint"',
  delivery: '"programs"."webhook_delivery"',
  measure: '"programs"."measure"',
  program: '"programs"."rehabilitation_program"',
};

/** The relay's `onPublish`: one delivery per qualifying event and active endpoint (a repeated batch adds nothing). */
export async function queueWebhookDeliveries(trx: RelayTransaction, events: readonly LiveEvent[]): Promise<void> {
  const wanted = events.map((e) => ({ e, type: webhookTypeOf(e) })).filter((x): x is { e: LiveEvent; type: WebhookType } => x.type !== null);
  if (!wanted.length) return;
  const endpoints = (await trx.raw(`select id, client_id from ${T.endpoint} where active`)).rows as { id: string; client_id: string }[];
  if (!endpoints.length) return;
  const ids = [...new Set(wanted.map((w) => w.e.entityId))];
  const measures = new Map(
    ((await trx.raw(
      `select m.id, m.person_id, m.source_id, m.closed_reason, m.fulfilled_at, p.number as program_number from ${T.measure} m join ${T.program} p on p.id = m.program_id where m.id in (${ids.map(() => '?').join(', ')})`,
      ids,
    )).rows as { id: string; person_id: string; source_id: string; closed_reason: string | null; fulfilled_at: Date | string | null; program_number: string }[]).map((m) => [m.id, m]),
  );
  const rows: unknown[] = [];
  const values: string[] = [];
  const now = new Date();
  for (const { e, type } of wanted) {
    const m = measures.get(e.entityId);
    if (!m) continue;
    const body = JSON.stringify({
      id: e.id,
      type,
      occurredAt: e.occurredAt,
      measure: { id: m.id, sourceId: m.source_id, programNumber: m.program_number, status: e.status, version: e.version },
      orderId: (e.payload.orderId as string | null | undefined) ?? null,
      ...(type === 'measure.fulfilled' && m.fulfilled_at ? { fulfilledAt: new Date(m.fulfilled_at).toISOString() } : {}),
      ...(type === 'measure.cancelled' ? { reason: m.closed_reason } : {}),
    });
    for (const ep of endpoints) {
      values.push(`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, null, 0)`);
      rows.push(uuidv7(), now, now, ep.id, ep.client_id, e.id, e.entityId, m.person_id, type, body);
    }
  }
  if (!values.length) return;
  await trx.raw(
    `insert into ${T.delivery} (id, created_at, updated_at, endpoint_id, client_id, event_id, entity_id, person_id, type, body, status, attempts, next_attempt_at, replays)
     values ${values.join(', ')} on conflict (endpoint_id, event_id) do nothing`,
    rows,
  );
}

interface Due { id: string; event_id: string; client_id: string; body: string; attempts: number; url: string; secret: string }

const LEASE_MS = 60_000;

/**
 * Sends what is due, oldest event first, each in its own short statements (never a transaction around
 * an HTTP call). A delivery that succeeds may unblock the next event of its measure: passes repeat
 * while something was delivered.
 */
export async function deliverWebhooks(orm: MikroORM, now: Date, opts: { timeoutMs?: number; scope?: JobScope } = {}): Promise<{ delivered: number; failed: number }> {
  const em = orm.em.fork();
  const knex = em.getConnection().getKnex();
  const persons = opts.scope?.personIds;
  let delivered = 0;
  let failed = 0;
  if (persons && !persons.length) return { delivered, failed };
  for (let pass = 0; pass < 20; pass++) {
    const due = (await knex.raw(
      `select d.id, d.event_id, d.client_id, d.body, d.attempts, e.url, e.secret from ${T.delivery} d join ${T.endpoint} e on e.id = d.endpoint_id
       where d.status = 'PENDING' and e.active ${persons ? `and d.person_id in (${persons.map(() => '?').join(', ')})` : ''} and (d.next_attempt_at is null or d.next_attempt_at <= ?) and (d.lease_until is null or d.lease_until < ?)
         and not exists (select 1 from ${T.delivery} p where p.endpoint_id = d.endpoint_id and p.entity_id = d.entity_id and p.status = 'PENDING' and p.event_id < d.event_id)
       order by d.event_id limit 100`,
      [...(persons ?? []), now, now],
    )).rows as Due[];
    let progressed = 0;
    for (const d of due) {
      if (opts.scope?.signal?.aborted) return { delivered, failed };
      const leased = await em.nativeUpdate(WebhookDelivery, { id: d.id, status: WebhookDeliveryStatus.PENDING, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] }, { leaseUntil: new Date(now.getTime() + LEASE_MS) });
      if (!leased) continue;
      const outcome = await postWebhook(d.url, d.secret, d.event_id, d.body, opts.timeoutMs);
      const attempts = d.attempts + 1;
      await em.insert(WebhookAttempt, { id: uuidv7(), createdAt: now, updatedAt: now, deliveryId: d.id, clientId: d.client_id, at: now, status: outcome.status, error: outcome.error, durationMs: outcome.durationMs });
      if (outcome.ok) {
        await em.nativeUpdate(WebhookDelivery, { id: d.id }, { status: WebhookDeliveryStatus.DELIVERED, attempts, lastAttemptAt: now, lastStatus: outcome.status, lastError: null, deliveredAt: now, leaseUntil: null, nextAttemptAt: null });
        delivered++;
        progressed++;
      } else {
        await em.nativeUpdate(WebhookDelivery, { id: d.id }, {
          attempts, lastAttemptAt: now, lastStatus: outcome.status, lastError: outcome.error, leaseUntil: null, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        });
        failed++;
      }
    }
    if (!progressed || due.length === 0) break;
  }
  return { delivered, failed };
}

/**
 * Sends at once what the relay just queued (the scheduler's `programs:webhooks` job retries the rest):
 * woken after the relay of this process published measure events, runs never overlap and wake-ups during a run
 * coalesce into one more run.
 */
export function webhookSender(orm: MikroORM, log: (e: unknown) => void = (e) => logger.error({ err: e }, 'webhook delivery failed')) {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = deliverWebhooks(orm, new Date())
      .then(() => undefined, log)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return {
    wake: (events: readonly LiveEvent[]) => {
      if (events.some((e) => webhookTypeOf(e))) run();
    },
    async drain() {
      while (running) await running;
    },
  };
}
