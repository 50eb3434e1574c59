import type { EntityManager } from '@mikro-orm/postgresql';
import { invalidTransition } from '@aleumet/core';
import { enqueueCommand, recordEvent } from '@aleumet/events';
import { addMonths } from '@aleumet/calendar';
import { Measure, MeasureStatus } from '../entities/index.js';

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

/** What a measure change tells the person (texts: @aleumet/notify, in the person's language). */
export enum NotificationKind {
  CHOOSE_SUPPLIER = 'MEASURE_PUBLISHED',
  CHOICE_REMINDER = 'CHOICE_REMINDER',
  MEASURE_BLOCKED = 'MEASURE_BLOCKED',
  CHOOSE_AGAIN = 'CHOOSE_AGAIN',
  MEASURE_FULFILLED = 'MEASURE_FULFILLED',
  MEASURE_CANCELLED = 'MEASURE_CANCELLED',
}

/**
 * Tells the people subgraph, in the same unit of work (an outbox command), to notify the person of
 * this measure change (003 ¶9–10: the choice window, its reminder and its block). `key` makes the
 * source unique, so re-running a job or re-delivering the command notifies once.
 */
export function notify(em: EntityManager, m: Measure, kind: NotificationKind, key: string, _now: Date): void {
  enqueueCommand(em, 'people', 'internalNotify', {
    source: `programs:${kind}:${m.id}:${key}`.slice(0, 200),
    template: kind,
    personId: m.personId,
    regionCode: m.regionCode,
    measureId: m.id,
    params: JSON.stringify({ item: m.itemTypeCode, deadline: m.choiceDeadline.toISOString() }),
  });
}
