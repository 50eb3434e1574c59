import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { MAX_ATTEMPTS, SMS_PER_HOUR, SmsProviderError, backoffMs, emailParts, render, smsAllowedAt, portalUrl, type NotificationTemplate, type NotifyLanguage } from '@aleumet/notify';
import type { JobScope, SubgraphRuntime } from '@aleumet/runtime';
import { DeliveryStatus, NotificationChannel, NotificationDelivery, type Notification } from '../entities/index.js';

/**
 * A delivery's e-mail in the delivery's language: written again from the notification's template values
 * (a staff member may read its organisation's notices in another language than the in-app one), else
 * its stored texts (notifications made before the values were kept).
 */
function emailOf(n: Notification, language: NotifyLanguage) {
  if (n.params) return render(n.template as NotificationTemplate, language, { ...n.params, link: portalUrl() });
  return emailParts(language, n.title, n.body, portalUrl());
}

const LEASE_MS = 60_000;
const HOUR = 3_600_000;
/** Delivery reports are asked for while a sent SMS is younger than this. */
const REPORT_WINDOW_MS = 3 * 24 * HOUR;
/** A scoped run (tests moving a TestClock) touches only these people's deliveries. */
const scoped = (scope: JobScope & { deliveryIds?: string[] }) => ({
  ...(scope.personIds ? { recipientKey: { $in: scope.personIds } } : {}),
  ...(scope.deliveryIds ? { id: { $in: scope.deliveryIds } } : {}),
});

/**
 * Sends due deliveries: lease (short statement), send with the delivery id as idempotency key,
 * record (short statement); never a transaction open across a send. After a crash between sending
 * and recording, the lease expires and the SMS provider is first asked whether it already has that
 * id: if so the delivery is recorded as sent, not sent again.
 */
export async function runNotificationSender(orm: MikroORM | EntityManager, runtime: SubgraphRuntime, now: Date, scope: JobScope & { deliveryIds?: string[] } = {}): Promise<number> {
  const em = ('em' in orm ? orm.em : orm).fork();
  const due = await em.find(NotificationDelivery, {
    ...scoped(scope), status: DeliveryStatus.PENDING, notBefore: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
  }, { orderBy: { id: 'asc' }, limit: 100, populate: ['notification'] });
  let sent = 0;
  for (const d of due) {
    if (scope.signal?.aborted) break;
    const n = d.notification;
    if (d.channel === NotificationChannel.SMS) {
      // Night-time holding (re-checked: a job may run late) and the per-person hourly limit.
      const allowed = smsAllowedAt(now, n.urgent);
      if (allowed > now) {
        await em.nativeUpdate(NotificationDelivery, { id: d.id }, { notBefore: allowed });
        continue;
      }
      const recent = await em.count(NotificationDelivery, { recipientKey: d.recipientKey, channel: NotificationChannel.SMS, sentAt: { $gt: new Date(now.getTime() - HOUR) } });
      if (recent >= SMS_PER_HOUR && !n.urgent) {
        await em.nativeUpdate(NotificationDelivery, { id: d.id }, { notBefore: new Date(now.getTime() + HOUR) });
        continue;
      }
    }
    const leased = await em.nativeUpdate(NotificationDelivery, { id: d.id, status: DeliveryStatus.PENDING, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] }, { leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: d.attempts + 1 });
    if (!leased) continue;
    try {
      if (d.channel === NotificationChannel.SMS) {
        const already = d.attempts > 0 ? await runtime.sms.status({ messageId: d.id, to: d.address }) : 'UNKNOWN';
        if (already === 'UNKNOWN') await runtime.sms.send({ messageId: d.id, to: d.address, text: n.smsText });
      } else {
        await runtime.email.send({ messageId: d.id, to: d.address, ...emailOf(n, d.language as NotifyLanguage) });
      }
      await em.nativeUpdate(NotificationDelivery, { id: d.id }, { status: DeliveryStatus.SENT, sentAt: now, leaseUntil: null, lastError: null });
      sent++;
    } catch (e) {
      const attempts = d.attempts + 1;
      const final = e instanceof SmsProviderError && e.final;
      const dead = final || attempts >= MAX_ATTEMPTS;
      await em.nativeUpdate(NotificationDelivery, { id: d.id }, {
        status: dead ? DeliveryStatus.DEAD : DeliveryStatus.PENDING,
        notBefore: new Date(now.getTime() + backoffMs(attempts)),
        leaseUntil: null,
        lastError: String((e as Error).message).slice(0, 1000),
      }).catch(() => {});
    }
  }
  return sent;
}

/** Delivery reports: asks the SMS provider about recently sent messages and records DELIVERED / FAILED. */
export async function runDeliveryReports(orm: MikroORM, runtime: SubgraphRuntime, now: Date, scope: JobScope = {}): Promise<number> {
  const em = orm.em.fork();
  const sent = await em.find(NotificationDelivery, { ...scoped(scope), channel: NotificationChannel.SMS, status: DeliveryStatus.SENT, sentAt: { $gt: new Date(now.getTime() - REPORT_WINDOW_MS) } }, { orderBy: { id: 'asc' }, limit: 200 });
  let updated = 0;
  for (const d of sent) {
    if (scope.signal?.aborted) break;
    try {
      const status = await runtime.sms.status({ messageId: d.id, to: d.address });
      if (status === 'DELIVERED' || status === 'FAILED') {
        await em.nativeUpdate(NotificationDelivery, { id: d.id }, { status: status === 'DELIVERED' ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED, deliveredAt: status === 'DELIVERED' ? now : null });
        updated++;
      }
    } catch {
      // Asked again by the next run.
    }
  }
  return updated;
}

