import { invalidTransition } from '@aleumet/core';
import type { JobScope } from '@aleumet/runtime';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Order, OrderStatus } from '../entities/index.js';

/**
 * The order signed on the portal is the contract between recipient and supplier (seeds 004 ¶28 for
 * wheelchairs, ¶83 for technical aids: "the supplier hands the aid over, by delivery or pickup, within
 * the terms of the contract concluded on the portal"). The supplier answers within five working days of
 * the order (same paragraphs); the term of the handover is the offering's lead time, counted from the
 * acceptance, and a handover not made by then is flagged to the region's department.
 */

const DAY = 86_400_000;
/** Aids are handed over (delivery or pickup); services run over a period and have no handover term. */
const HANDED_OVER_KINDS = ['S4', 'S5', 'S6'];

/** The supplier's answer (accept or refuse) comes within the five working days of acceptDeadline (004 ¶28, ¶83). */
export function checkAnswerInTime(order: Order, now: Date, to: OrderStatus): void {
  if (order.acceptDeadline.getTime() < now.getTime()) {
    throw invalidTransition('Order', order.status, to, { reason: 'ANSWER_DEADLINE_PASSED', acceptDeadline: order.acceptDeadline.toISOString() },
      `Order ${order.number}: the five working days to answer ended ${order.acceptDeadline.toISOString()}`);
  }
}

/** The contract's term for an aid: the offering's lead time at signing; null for services. */
export function leadTimeOf(kind: string | null | undefined, leadTimeDays: number | null | undefined): number | null {
  return kind && HANDED_OVER_KINDS.includes(kind) && leadTimeDays != null ? leadTimeDays : null;
}

/** Sets the handover deadline when the supplier accepts: the lead time in days after the acceptance. */
export function startDeliveryTerm(order: Order, acceptedAt: Date): void {
  order.deliveryDueAt = order.leadTimeDays != null ? new Date(acceptedAt.getTime() + order.leadTimeDays * DAY) : null;
}

/**
 * Flags accepted orders whose handover deadline passed without a handover (the department's list of
 * overdue deliveries reads the flag); a later handover keeps the flag as the record that it was late.
 */
export async function flagOverdueDeliveries(em: EntityManager, now: Date, scope: JobScope = {}): Promise<number> {
  // A flag, not a change of the contract: the version stays (a supplier's step in flight is not refused for it).
  const persons = scope.personIds;
  const result = await em.getConnection().execute<{ affectedRows?: number }>(
    `update orders."order" set delivery_overdue_at = ? where status in ('ACCEPTED', 'READY') and delivery_due_at < ? and delivery_overdue_at is null`
      + (persons ? ` and person_id in (${persons.map(() => '?').join(', ') || 'null'})` : ''),
    [now, now, ...(persons ?? [])], 'run',
  );
  return result.affectedRows ?? 0;
}
