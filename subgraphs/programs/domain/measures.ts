import type { EntityManager } from '@mikro-orm/postgresql';
import { invalidTransition } from '@aleumet/core';
import { recordEvent } from '@aleumet/events';
import { addMonths } from '@aleumet/calendar';
import { Measure, MeasureStatus, Notification, NotificationKind } from '../entities/index.js';

/** Legal measure transitions; everything else is INVALID_TRANSITION. */
export const MEASURE_TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  [MeasureStatus.PUBLISHED]: [MeasureStatus.AWAITING_CHOICE, MeasureStatus.ORDERED, MeasureStatus.BLOCKED, MeasureStatus.CANCELLED],
  [MeasureStatus.AWAITING_CHOICE]: [MeasureStatus.ORDERED, MeasureStatus.BLOCKED, MeasureStatus.CANCELLED],
  [MeasureStatus.ORDERED]: [MeasureStatus.AWAITING_CHOICE, MeasureStatus.FULFILLED, MeasureStatus.CANCELLED],
  [MeasureStatus.BLOCKED]: [MeasureStatus.AWAITING_CHOICE, MeasureStatus.CANCELLED],
  [MeasureStatus.FULFILLED]: [],
  [MeasureStatus.CANCELLED]: [],
};

export const CHOOSABLE = [MeasureStatus.PUBLISHED, MeasureStatus.AWAITING_CHOICE] as const;
export const OPEN = [MeasureStatus.PUBLISHED, MeasureStatus.AWAITING_CHOICE, MeasureStatus.ORDERED, MeasureStatus.BLOCKED] as const;
export const REMIND_AFTER_MONTHS = 1;
export const BLOCK_AFTER_MONTHS = 2;

/** Changes the status (guarded) and records MEASURE_STATUS_CHANGED in the same unit of work. */
export function setMeasureStatus(em: EntityManager, m: Measure, to: MeasureStatus): void {
  if (!MEASURE_TRANSITIONS[m.status].includes(to)) throw invalidTransition('Measure', m.status, to);
  const from = m.status;
  m.status = to;
  recordEvent(em, {
    type: 'MEASURE_STATUS_CHANGED',
    entityType: 'Measure',
    entityId: m.id,
    status: to,
    // The version property is incremented by the flush that writes this change.
    version: m.version + 1,
    // `from`: a re-activation (BLOCKED → AWAITING_CHOICE) is told apart from a refused order (ORDERED → AWAITING_CHOICE).
    payload: { personId: m.personId, regionCode: m.regionCode, measureId: m.id, kind: m.kind, orderId: m.activeOrderId ?? null, from },
  });
}

/** Starts (or restarts) the supplier-choice window: reminder after 1 month, block after 2. */
export function openChoiceWindow(m: Measure, now: Date): void {
  m.choiceWindowStartedAt = now;
  m.choiceDeadline = addMonths(now, BLOCK_AFTER_MONTHS);
  m.remindedAt = null;
  m.blockedAt = null;
}

const TEXT: Record<NotificationKind, (m: Measure) => string> = {
  [NotificationKind.CHOOSE_SUPPLIER]: (m) => `Aleumet: a measure of your rehabilitation program (${m.itemTypeCode}) is available. Choose a supplier on the portal by ${m.choiceDeadline.toISOString().slice(0, 10)}.`,
  [NotificationKind.CHOICE_REMINDER]: (m) => `Aleumet: reminder — choose a supplier for ${m.itemTypeCode} by ${m.choiceDeadline.toISOString().slice(0, 10)}, otherwise the measure returns to the ordinary queue.`,
  [NotificationKind.MEASURE_BLOCKED]: (m) => `Aleumet: no supplier was chosen for ${m.itemTypeCode} within 2 months; the measure returned to the ordinary queue. You can re-activate the choice on the portal.`,
  [NotificationKind.CHOOSE_AGAIN]: (m) => `Aleumet: your order for ${m.itemTypeCode} did not go ahead. Please choose a supplier again on the portal.`,
  [NotificationKind.MEASURE_FULFILLED]: (m) => `Aleumet: ${m.itemTypeCode} was handed over; the measure is fulfilled.`,
  [NotificationKind.MEASURE_CANCELLED]: (m) => `Aleumet: the measure ${m.itemTypeCode} was closed (${m.closedReason ?? 'cancelled'}).`,
};

/** Queues an SMS in the same unit of work; `key` makes it unique (re-running a job adds nothing). */
export function notify(em: EntityManager, m: Measure, kind: NotificationKind, key: string, now: Date): void {
  em.persist(em.create(Notification, {
    personId: m.personId, measureId: m.id, kind, text: TEXT[kind](m), dedupeKey: `${kind}:${m.id}:${key}`,
    createdAt: now, sentAt: null, leaseUntil: null, attempts: 0, lastError: null,
  }));
}
