import type { EntityManager } from '@mikro-orm/postgresql';
import { TEMPLATES, portalUrl, render, smsAllowedAt, type NotificationTemplate, type NotifyLanguage, type TextParams } from '@aleumet/notify';
import { badInput } from '@aleumet/core';
import { FailureTicket } from '../entities/ticket.js';
import { recordNotificationMade } from './notification-live.js';
import {
  DeliveryStatus, Notification, NotificationAudience, NotificationChannel, NotificationDelivery, NotificationSettings, Person, StaffRole, StaffUser,
} from '../entities/index.js';

export interface NotifyInput {
  /** The change it comes from: `<subgraph>:<outbox message id or domain key>`; one notification per audience. */
  source: string;
  template: NotificationTemplate;
  personId?: string | null;
  supplierId?: string | null;
  regionCode: string;
  measureId?: string | null;
  orderId?: string | null;
  params: Omit<TextParams, 'link'>;
  urgent?: boolean;
}

/** Templates the department also receives: the measure needs its attention (blocked, 003 ¶9–10), or a service refused a step of the person's case for good. */
const DEPARTMENT_TEMPLATES = new Set<NotificationTemplate>(['MEASURE_BLOCKED', 'COMMAND_REFUSED']);
/** Templates about a measure the person must act on: without a verified phone the department informs them (003 ¶9). */
const MEASURE_TEMPLATES = new Set<NotificationTemplate>(['MEASURE_PUBLISHED', 'CHOICE_REMINDER', 'MEASURE_BLOCKED', 'CHOOSE_AGAIN']);
/** Staff read texts in Russian unless they chose otherwise. */
const STAFF_LANGUAGE: NotifyLanguage = 'ru';

export function checkTemplate(template: string): NotificationTemplate {
  if (!(TEMPLATES as readonly string[]).includes(template)) throw badInput(`Unknown notification template ${template}`, 'template');
  return template as NotificationTemplate;
}

export async function settingsOf(em: EntityManager, personId: string): Promise<{ language: NotifyLanguage; sms: boolean; email: boolean }> {
  const s = await em.findOne(NotificationSettings, { personId });
  return { language: (s?.language as NotifyLanguage | undefined) ?? 'kk', sms: s?.sms ?? true, email: s?.email ?? true };
}

/**
 * Turns one change into notifications, in the caller's transaction: the person (in-app, and SMS /
 * e-mail by their settings and known contacts), the supplier's staff (in-app), the department
 * (in-app, for measures that need it or people it must inform by other means). Each delivery is
 * one row keyed by (notification, channel), so a repeat writes nothing new.
 */
export async function createNotifications(tx: EntityManager, input: NotifyInput, now: Date): Promise<{ notifications: Notification[]; deliveries: NotificationDelivery[] }> {
  const link = portalUrl();
  const created: Notification[] = [];
  const deliveries: NotificationDelivery[] = [];
  const add = async (audience: NotificationAudience, audienceKey: string, language: NotifyLanguage, personId: string | null) => {
    if (await tx.findOne(Notification, { source: input.source, audience, audienceKey })) return null;
    const text = render(input.template, language, { ...input.params, link });
    const n = tx.create(Notification, {
      source: input.source, template: input.template, audience, audienceKey, personId, supplierId: input.supplierId ?? null,
      regionCode: input.regionCode, measureId: input.measureId ?? null, orderId: input.orderId ?? null,
      title: text.title, body: text.body, smsText: text.sms, urgent: input.urgent ?? false, createdAt: now, params: { ...input.params },
    });
    created.push(n);
    recordNotificationMade(tx, n);
    return { n, text };
  };

  if (input.personId) {
    const person = await tx.findOne(Person, input.personId);
    if (person && !person.deceasedOn) {
      const settings = await settingsOf(tx, person.id);
      const made = await add(NotificationAudience.PERSON, person.id, settings.language, person.id);
      if (made) {
        const base = { notification: made.n, language: settings.language, recipientKey: person.id, regionCode: person.regionCode, createdAt: now };
        if (person.phone && person.phoneVerified && settings.sms) {
          deliveries.push(tx.create(NotificationDelivery, { ...base, channel: NotificationChannel.SMS, address: person.phone, notBefore: smsAllowedAt(now, made.n.urgent) }));
        }
        if (person.email && settings.email) deliveries.push(tx.create(NotificationDelivery, { ...base, channel: NotificationChannel.EMAIL, address: person.email, notBefore: now }));
      }
      const unreachable = !person.phone || !person.phoneVerified;
      if (DEPARTMENT_TEMPLATES.has(input.template) || (unreachable && MEASURE_TEMPLATES.has(input.template))) {
        await add(NotificationAudience.DEPARTMENT, input.regionCode, STAFF_LANGUAGE, person.id);
      }
    }
  }
  if (input.supplierId) {
    const made = await add(NotificationAudience.SUPPLIER, input.supplierId, STAFF_LANGUAGE, input.personId ?? null);
    if (made) deliveries.push(...(await staffEmails(tx, made.n, { supplierId: input.supplierId }, now)));
  }
  for (const n of created) {
    if (n.audience === NotificationAudience.DEPARTMENT) deliveries.push(...(await staffEmails(tx, n, { role: StaffRole.EMPLOYMENT_DEPARTMENT, regionCode: n.audienceKey }, now)));
  }
  return { notifications: created, deliveries };
}

/** E-mails of a supplier's or a department's notification: each of its staff with an address who wants them. */
async function staffEmails(tx: EntityManager, n: Notification, who: { supplierId: string } | { role: StaffRole; regionCode: string }, now: Date): Promise<NotificationDelivery[]> {
  const staff = await tx.find(StaffUser, { ...who, email: { $ne: null }, emailNotifications: true }, { orderBy: { id: 'asc' } });
  return staff.map((s) => tx.create(NotificationDelivery, {
    notification: n, channel: NotificationChannel.EMAIL, address: s.email!, language: s.language, recipientKey: s.id, regionCode: n.regionCode, notBefore: now, createdAt: now,
  }));
}

/** Sets a dead delivery back to PENDING (administrator's resend). */
export function resend(d: NotificationDelivery, now: Date): void {
  d.status = DeliveryStatus.PENDING;
  d.attempts = 0;
  d.notBefore = now;
  d.leaseUntil = null;
  d.lastError = null;
}

export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * A contact-centre "notify the reporter" step (003 ¶15): the reporter's notification with the
 * decision or the fix, to the person's channels and to the e-mail given with the report. Urgent: the
 * step's clock (30 minutes, 3 hours) runs in working time. Returns the source, whose deliveries are sent at once.
 */
export async function notifyReporter(tx: EntityManager, t: FailureTicket, step: string, now: Date): Promise<string> {
  const source = `people:ticket:${t.id}:${t.status}:${now.toISOString()}`;
  const params = { number: t.number, step: step.slice(0, 120) };
  const person = t.reporterPersonId ? await tx.findOne(Person, t.reporterPersonId) : null;
  const made = person
    ? await createNotifications(tx, { source, template: 'TICKET_UPDATE', personId: person.id, regionCode: person.regionCode, params, urgent: true }, now)
    : { notifications: [], deliveries: [] };
  const contact = t.reporterContact?.trim();
  if (contact && EMAIL.test(contact)) {
    // The address given with the report is where the answer goes.
    const personal = made.deliveries.find((d) => d.channel === NotificationChannel.EMAIL);
    if (personal) personal.address = contact;
    else {
      let n = made.notifications.find((x) => x.audience === NotificationAudience.PERSON);
      if (!n) {
        const text = render('TICKET_UPDATE', 'ru', { ...params, link: portalUrl() });
        n = tx.create(Notification, {
          source, template: 'TICKET_UPDATE', audience: NotificationAudience.PERSON, audienceKey: t.id, personId: null, regionCode: '',
          title: text.title, body: text.body, smsText: text.sms, urgent: true, createdAt: now,
        });
      }
      const language = person ? (await settingsOf(tx, person.id)).language : 'ru';
      tx.create(NotificationDelivery, { notification: n, channel: NotificationChannel.EMAIL, address: contact, language, recipientKey: person?.id ?? t.id, regionCode: person?.regionCode ?? '', notBefore: now, createdAt: now });
    }
  }
  return source;
}
