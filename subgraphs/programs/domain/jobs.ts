import type { MikroORM } from '@mikro-orm/postgresql';
import { scopeFilter, type JobScope, type SubgraphRuntime } from '@aleumet/runtime';
import { deliverCommands, enqueueCommand } from '@aleumet/events';
import { addMonths, localDate } from '@aleumet/calendar';
import { Measure, MeasureStatus } from '../entities/index.js';
import { CHOOSABLE, NotificationKind, OPEN, REMIND_AFTER_MONTHS, notify, setMeasureStatus } from './measures.js';
import { deliverWebhooks } from './webhooks.js';

/** Reminder after 1 month, block after 2 months without an order (each in its own short transaction). */
export async function runChoiceWindow(orm: MikroORM, now: Date, scope: JobScope = {}): Promise<{ reminded: number; blocked: number }> {
  const em = orm.em.fork();
  let reminded = 0;
  let blocked = 0;
  const monthAgo = addMonths(now, -REMIND_AFTER_MONTHS);
  const due = await em.find(Measure, {
    ...scopeFilter(scope),
    status: { $in: [...CHOOSABLE] },
    $or: [
      { choiceDeadline: { $lte: now } },
      { remindedAt: null, choiceWindowStartedAt: { $lte: monthAgo } },
      { remindedAt: null, choiceWindowStartedAt: null, publishedAt: { $lte: monthAgo } },
    ],
  }, { orderBy: { id: 'asc' }, limit: 100 });
  for (const candidate of due) {
    if (scope.signal?.aborted) break;
    const start = candidate.choiceWindowStartedAt ?? candidate.publishedAt;
    const block = candidate.choiceDeadline <= now;
    const remind = !block && !candidate.remindedAt && addMonths(start, REMIND_AFTER_MONTHS) <= now;
    if (!block && !remind) continue;
    await em.fork().transactional(async (tx) => {
      const m = await tx.findOneOrFail(Measure, candidate.id);
      if (!(CHOOSABLE as readonly string[]).includes(m.status)) return;
      const windowKey = (m.choiceWindowStartedAt ?? m.publishedAt).toISOString();
      if (m.choiceDeadline <= now) {
        setMeasureStatus(tx, m, MeasureStatus.BLOCKED);
        m.blockedAt = now;
        notify(tx, m, NotificationKind.MEASURE_BLOCKED, windowKey, now);
        blocked++;
      } else if (!m.remindedAt && addMonths(m.choiceWindowStartedAt ?? m.publishedAt, REMIND_AFTER_MONTHS) <= now) {
        m.remindedAt = now;
        notify(tx, m, NotificationKind.CHOICE_REMINDER, windowKey, now);
        reminded++;
      }
    });
  }
  return { reminded, blocked };
}

/** Services rendered over a period (S1 personal assistant, S2 sign language, special social services): their order ends them. */
const ENDED_BY_ORDER = ['S1', 'S2', 'SSS'] as const;

/** Open measures whose IPR term ended (before today in Almaty) are cancelled; an active order is cancelled too. */
export async function runIprTermExpiry(orm: MikroORM, runtime: SubgraphRuntime, now: Date, scope: JobScope = {}): Promise<number> {
  const today = localDate(now);
  const em = orm.em.fork();
  // An ordered S1/S2 measure is ended by its order (orders: service-period end): fulfilled when service was rendered, else
  // released, and then closed here. Cancelling it here would undo months of delivered service.
  const expired = await em.find(Measure, {
    ...scopeFilter(scope), status: { $in: [...OPEN] }, program: { validUntil: { $lt: today } },
    $or: [{ status: { $ne: MeasureStatus.ORDERED } }, { kind: { $nin: [...ENDED_BY_ORDER] } }],
  }, { orderBy: { id: 'asc' }, limit: 100 });
  const ids: string[] = [];
  for (const candidate of expired) {
    if (scope.signal?.aborted) break;
    await em.fork().transactional(async (tx) => {
      const m = await tx.findOneOrFail(Measure, candidate.id);
      if (!(OPEN as readonly string[]).includes(m.status)) return;
      if (m.status === MeasureStatus.ORDERED && (ENDED_BY_ORDER as readonly string[]).includes(m.kind)) return;
      ids.push(...closeMeasure(tx, m, 'IPR_TERM_EXPIRED', now));
    });
  }
  if (ids.length) await deliverCommands(orm, runtime, 'programs', ids);
  return expired.length;
}

/** Cancels an open measure in the caller's transaction; returns ids of commands queued (order cancellation). */
export function closeMeasure(tx: Parameters<typeof notify>[0], m: Measure, reason: string, now: Date): string[] {
  const orderId = m.status === MeasureStatus.ORDERED ? m.activeOrderId : null;
  m.closedReason = reason;
  setMeasureStatus(tx, m, MeasureStatus.CANCELLED);
  notify(tx, m, NotificationKind.MEASURE_CANCELLED, reason, now);
  if (!orderId) return [];
  return [enqueueCommand(tx, 'orders', 'internalCancelOrder', { orderId, reason }).id];
}

/** Closes every open measure of a person (death, departure) in the caller's transaction; returns the count and the order-cancellation commands. */
export async function closeOpenMeasures(tx: Parameters<typeof notify>[0], personId: string, reason: string, now: Date): Promise<{ measures: number; commandIds: string[] }> {
  const open = await tx.find(Measure, { personId, status: { $in: [...OPEN] } });
  const commandIds: string[] = [];
  for (const m of open) commandIds.push(...closeMeasure(tx, m, reason, now));
  return { measures: open.length, commandIds };
}

export function registerJobs(orm: MikroORM, runtime: SubgraphRuntime): void {
  runtime.scheduler.register('programs:choice-window', (now, scope) => runChoiceWindow(orm, now, scope));
  runtime.scheduler.register('programs:ipr-term', (now, scope) => runIprTermExpiry(orm, runtime, now, scope));
  runtime.scheduler.register('programs:commands', () => deliverCommands(orm, runtime, 'programs'));
  // Measure execution to the integrators' endpoints (queued by the outbox relay, live.ts).
  runtime.scheduler.register('programs:webhooks', (now, scope) => deliverWebhooks(orm, now, { scope }));
}
