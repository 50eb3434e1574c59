import type { MikroORM } from '@mikro-orm/postgresql';
import { localDate } from '@aleumet/calendar';
import { deliverCommands } from '@aleumet/events';
import { scopeFilter, type JobScope, type SubgraphRuntime } from '@aleumet/runtime';
import { JournalEntry, Order, OrderStatus } from '../entities/index.js';
import { transitionOrder } from './state-machine.js';
import { periodEndReason, serviceUntil } from './service-period.js';

/**
 * S1/S2 orders whose service period is over (domain/service-period.ts: S1 to the end of the year it was
 * ordered, seeds 004 ¶34; S2 to the end of the IPR term) end here, not by the IPR-term cancellation:
 * with service rendered (journal rows) the order is HANDED_OVER and the measure FULFILLED (004 ¶42:
 * the fulfilment goes to Е-Собес); without any, the order is cancelled and the measure released (the
 * programs IPR-term job then closes it when the term is over). Acts for the last months can still be
 * built and submitted afterwards.
 */
export async function runServicePeriodEnd(orm: MikroORM, runtime: SubgraphRuntime, now: Date, scope: JobScope = {}): Promise<number> {
  const today = localDate(now);
  const em = orm.em.fork();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  // Candidates: term over, or an S1 order placed before this year (its period ended on 31 December); an Almaty year starts
  // up to 6 hours before the UTC one, so the year test is repeated on the local date below.
  const due = await em.find(Order, {
    ...scopeFilter(scope), kind: { $in: ['S1', 'S2', 'SSS'] }, status: { $in: [OrderStatus.AWAITING_SUPPLIER, OrderStatus.ACCEPTED] },
    $or: [{ termEnd: { $lt: today } }, { kind: 'S1', createdAt: { $lt: new Date(`${yearStart}T00:00:00Z`) } }],
  }, { orderBy: { id: 'asc' }, limit: 100 });
  const commandIds: string[] = [];
  let ended = 0;
  for (const candidate of due) {
    if (scope.signal?.aborted) break;
    const until = serviceUntil(candidate);
    if (!until || until >= today) continue;
    const rendered = candidate.status === OrderStatus.ACCEPTED && (await em.count(JournalEntry, { orderId: candidate.id })) > 0;
    const r = await transitionOrder(em, {
      id: candidate.id, expectedVersion: null, to: null, skipIfClosed: true, authorize: () => {},
      apply: (o) => {
        if (o.status !== candidate.status) return o.status;
        o.closedAt = now;
        if (rendered) {
          o.handedOverAt = now;
          return OrderStatus.HANDED_OVER;
        }
        o.cancellationReason = periodEndReason(o, today);
        return OrderStatus.CANCELLED;
      },
    });
    if (r.changed) {
      ended++;
      commandIds.push(...r.commandIds);
    }
  }
  if (commandIds.length) await deliverCommands(orm, runtime, 'orders', commandIds);
  return ended;
}
