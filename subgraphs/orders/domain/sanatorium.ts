import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, checkCalendarDate, notEligible } from '@aleumet/core';
import { Order, OrderStatus } from '../entities/index.js';

/** Sanatorium treatment (S3) is given at most once in a calendar year, for at most 14 days (seeds 004 ¶26). */
export const S3_MAX_DAYS = 14;

export interface Stay { from: string; to: string }

/** Days of a stay, both ends counted. */
export const stayDays = (s: Stay) => Math.round((Date.parse(`${s.to}T00:00:00Z`) - Date.parse(`${s.from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * The stay's dates as the recipient chose them: S3 only, required there; from today on, within the IPR
 * term, at most 14 days and at most the days of the measure (004 ¶26).
 */
export function checkStay(kind: string, stay: Stay | null | undefined, m: { quantity: number; program: { issuedOn: string; validUntil: string } }, today: string): Stay | null {
  if (kind !== 'S3') {
    if (stay) throw badInput('The stay dates apply to sanatorium treatment (S3) only', 'stay');
    return null;
  }
  if (!stay) throw badInput('Sanatorium treatment: give the first and last day of the stay', 'stay');
  checkCalendarDate(stay.from, 'stay.from');
  checkCalendarDate(stay.to, 'stay.to');
  if (stay.to < stay.from) throw badInput('The stay ends before it starts', 'stay.to');
  if (stay.from < today) throw badInput('The stay cannot start in the past', 'stay.from');
  if (stay.from < m.program.issuedOn || stay.to > m.program.validUntil) throw badInput(`The stay must be within the IPR term (${m.program.issuedOn} … ${m.program.validUntil})`, 'stay');
  const days = stayDays(stay);
  if (days > S3_MAX_DAYS) throw badInput(`Sanatorium treatment lasts at most ${S3_MAX_DAYS} days (${days} asked)`, 'stay.to');
  if (days > m.quantity) throw badInput(`The measure covers ${m.quantity} days (${days} asked)`, 'stay.to');
  return { from: stay.from, to: stay.to };
}

const LIVE = [OrderStatus.AWAITING_SUPPLIER, OrderStatus.ACCEPTED, OrderStatus.READY, OrderStatus.HANDED_OVER];

/**
 * At most once a calendar year (004 ¶26): no other live or received S3 order of the person has a stay
 * starting in the same year. In the order's transaction, after `lockSanatoriumYear`, this holds under
 * concurrent orders too; outside it, it tells the recipient before signing.
 */
export async function assertNoOtherStayThisYear(em: EntityManager, personId: string, stay: Stay): Promise<void> {
  const year = stay.from.slice(0, 4);
  const other = await em.findOne(Order, {
    personId, kind: 'S3', status: { $in: LIVE }, stayFrom: { $gte: `${year}-01-01`, $lte: `${year}-12-31` },
  }, { fields: ['id', 'number'] });
  if (other) {
    throw notEligible(`Sanatorium treatment is given at most once a calendar year: order ${other.number} already has a stay in ${year}`, {
      reason: 'S3_ONCE_A_YEAR', field: 'stay.from', orderId: other.id,
    });
  }
}

/** Serializes S3 orders of one person (transaction-scoped advisory lock). */
export async function lockSanatoriumYear(tx: EntityManager, personId: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`orders:s3:${personId}`]);
}
