import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMIZED_PERSON_ID } from '@aleumet/core';
import { OutboxEvent } from '@aleumet/events';
import { Fulfilment, Measure, MeasureStatus, RehabilitationProgram, WebhookDelivery } from '../entities/index.js';

/** A measure no order holds any more and no publication may change. */
const CLOSED: readonly MeasureStatus[] = [MeasureStatus.FULFILLED, MeasureStatus.CANCELLED];

/**
 * Retention reaches programs (004 ¶34: the order form is kept 5 years after the order closed).
 *
 * Why a command from orders and not a job of our own: the rule runs from the order's `closedAt`, which
 * only orders knows (a measure may have been ordered, released and ordered again), so orders decides
 * once and tells programs and finance which links to drop (`internalForgetMeasurePerson`,
 * `internalForgetOrderPerson`), in the same transaction that removes the form.
 *
 * Here the measure, its fulfilment record and its webhook deliveries lose the person (the nil UUID),
 * its status events (they carry the person) and the delivered commands about it (notifications to the
 * person) are removed; what was published, fulfilled and for how much stays. The program goes too once
 * none of its measures points to the person; once nothing here does, the delivered commands naming the
 * person (a registered death) go as well. A measure still open is left as it is.
 */
export async function forgetMeasurePerson(tx: EntityManager, measureId: string): Promise<boolean> {
  const m = await tx.findOne(Measure, measureId);
  if (!m || m.personId === ANONYMIZED_PERSON_ID || !CLOSED.includes(m.status)) return false;
  const personId = m.personId;
  const anonymized = { personId: ANONYMIZED_PERSON_ID };
  await tx.nativeUpdate(Measure, { id: m.id }, anonymized);
  await tx.nativeUpdate(Fulfilment, { measureId: m.id }, anonymized);
  await tx.nativeUpdate(WebhookDelivery, { entityId: m.id }, anonymized);
  await tx.nativeDelete(OutboxEvent, { entityType: 'Measure', entityId: m.id });
  await tx.execute(`delete from programs.outbox where kind = 'command' and published_at is not null and variables->>'measureId' = ?`, [m.id], 'run');
  const programId = m.program.id;
  if (!(await tx.count(Measure, { program: programId, personId: { $ne: ANONYMIZED_PERSON_ID } }))) {
    await tx.nativeUpdate(RehabilitationProgram, { id: programId }, anonymized);
  }
  const left = (await tx.count(Measure, { personId })) + (await tx.count(RehabilitationProgram, { personId })) + (await tx.count(Fulfilment, { personId }));
  if (!left) {
    await tx.execute(`delete from programs.outbox where kind = 'command' and published_at is not null and position(? in variables::text) > 0`, [personId], 'run');
  }
  return true;
}
