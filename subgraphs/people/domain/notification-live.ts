import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, forbidden, type Identity } from '@aleumet/core';
import { recordEvent, type LiveEvent } from '@aleumet/events';
import { NotificationAudience, type Notification } from '../entities/notification.js';

/** Outbox event type of a notification made (one per notification, i.e. per audience). */
export const NOTIFICATION_CREATED = 'NOTIFICATION_CREATED';

/** Who a notification is for, as the event carries it (the subscriber filter reads only this). */
export interface NotificationOwner {
  audience: NotificationAudience;
  audienceKey: string;
  personId: string | null;
}

/** Announces a notification to its owner's open notification centres, in the transaction that makes it. */
export function recordNotificationMade(em: EntityManager, n: Notification): void {
  const owner: NotificationOwner = { audience: n.audience, audienceKey: n.audienceKey, personId: n.personId ?? null };
  recordEvent(em, { type: NOTIFICATION_CREATED, entityType: 'Notification', entityId: n.id, status: n.audience, version: 1, payload: { ...owner } });
}

/**
 * The caller's own notifications (the notification centre, the bell and its live feed): a person's
 * and those it represents, its supplier's, its department's. Anyone else is refused.
 */
export function ownWhere(identity: Identity): Record<string, unknown> {
  switch (identity.role) {
    case Role.RECIPIENT:
    case Role.REPRESENTATIVE:
      return { audience: NotificationAudience.PERSON, personId: { $in: personsOf(identity) } };
    case Role.SUPPLIER:
      if (!identity.supplierId) throw forbidden();
      return { audience: NotificationAudience.SUPPLIER, audienceKey: identity.supplierId };
    case Role.EMPLOYMENT_DEPARTMENT:
      if (!identity.regionCode) throw forbidden();
      return { audience: NotificationAudience.DEPARTMENT, audienceKey: identity.regionCode };
    default:
      throw forbidden('Notifications are for recipients, suppliers and departments');
  }
}

function personsOf(identity: Identity): string[] {
  return [identity.personId, ...identity.represents].filter((x): x is string => Boolean(x));
}

/** The same rule as `ownWhere`, for one event: whether this subscriber's centre shows it. */
export function ownsNotification(identity: Identity, e: LiveEvent): boolean {
  if (e.type !== NOTIFICATION_CREATED) return false;
  const p = e.payload as Partial<NotificationOwner>;
  switch (identity.role) {
    case Role.RECIPIENT:
    case Role.REPRESENTATIVE:
      return p.audience === NotificationAudience.PERSON && typeof p.personId === 'string' && personsOf(identity).includes(p.personId);
    case Role.SUPPLIER:
      return p.audience === NotificationAudience.SUPPLIER && Boolean(identity.supplierId) && p.audienceKey === identity.supplierId;
    case Role.EMPLOYMENT_DEPARTMENT:
      return p.audience === NotificationAudience.DEPARTMENT && Boolean(identity.regionCode) && p.audienceKey === identity.regionCode;
    default:
      return false;
  }
}
