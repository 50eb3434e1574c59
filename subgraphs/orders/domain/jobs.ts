import type { MikroORM } from '@mikro-orm/postgresql';
import { retentionJob } from '@aleumet/subgraph-kit';
import { scopeFilter, type JobScope, type SubgraphRuntime } from '@aleumet/runtime';
import { deliverCommands } from '@aleumet/events';
import { Order, OrderStatus } from '../entities/index.js';
import { transitionOrder } from './state-machine.js';
import { applyOrderRetention } from './retention.js';
import { runServicePeriodEnd } from './service-end.js';
import { flagOverdueDeliveries } from './contract.js';

/** Orders the supplier did not accept or refuse within 5 working days expire; the measure returns to awaiting choice. */
export async function runAcceptDeadline(orm: MikroORM, runtime: SubgraphRuntime, now: Date, scope: JobScope = {}): Promise<number> {
  const em = orm.em.fork();
  const due = await em.find(Order, { ...scopeFilter(scope), status: OrderStatus.AWAITING_SUPPLIER, acceptDeadline: { $lt: now } }, { orderBy: { id: 'asc' }, limit: 100, fields: ['id'] });
  let expired = 0;
  const commandIds: string[] = [];
  for (const { id } of due) {
    if (scope.signal?.aborted) break;
    const r = await transitionOrder(em, {
      id, expectedVersion: null, to: OrderStatus.EXPIRED, skipIfClosed: true, authorize: () => {},
      apply: (o) => {
        // Re-checked inside the transaction: accepted meanwhile means not due.
        if (o.status !== OrderStatus.AWAITING_SUPPLIER || o.acceptDeadline >= now) return o.status;
        o.closedAt = now;
      },
    });
    if (r.changed) {
      expired++;
      commandIds.push(...r.commandIds);
    }
  }
  if (commandIds.length) await deliverCommands(orm, runtime, 'orders', commandIds);
  return expired;
}

export function registerJobs(orm: MikroORM, runtime: SubgraphRuntime): void {
  runtime.scheduler.register('orders:accept-deadline', (now, scope) => runAcceptDeadline(orm, runtime, now, scope));
  runtime.scheduler.register('orders:service-period-end', (now, scope) => runServicePeriodEnd(orm, runtime, now, scope));
  runtime.scheduler.register('orders:delivery-overdue', (now, scope) => flagOverdueDeliveries(orm.em.fork(), now, scope));
  runtime.scheduler.register('orders:commands', () => deliverCommands(orm, runtime, 'orders'));
  // Retention of the order form (5 years after closing; S4 never), at most hourly.
  runtime.scheduler.register('orders.retention', retentionJob((now, scope) => applyOrderRetention(orm.em.fork(), runtime, now, scope)));
}
