import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemTypeByCode } from '@aleumet/core';
import { SmscSmsAdapter, SmtpEmailAdapter, type SmsAdapter } from '@aleumet/notify';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, departmentIdentity, gql, mailText, recipientIdentity, startSmscServer, startSmtpServer, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, guaranteed, offeringFor, publishOne, eligibleFor, signAndOrder, supplierToken } from '../../orders/test/helpers.js';

const DAY = 86_400_000;
const SETTINGS = `mutation($l: NotifyLanguage!) { setNotificationSettings(language: $l, sms: true, email: true) { language } }`;
const CENTRE = `query { unreadNotificationCount notifications(first: 20) { nodes { id template title body readAt measureId deliveries { channel status sentAt deliveredAt attempts } } } }`;
const MEASURE_NOTICES = `query($m: ID!) { measureNotifications(measureId: $m, first: 20) { nodes { audience template deliveries { channel status sentAt } } } }`;

/** Crashes the sender right after the provider accepted a message (before the sending is recorded). */
class CrashAfterSend implements SmsAdapter {
  crashNext = false;
  constructor(private readonly inner: SmsAdapter) {}
  async send(m: { messageId: string; to: string; text: string }) {
    await this.inner.send(m);
    if (this.crashNext) {
      this.crashNext = false;
      throw new Error('process died after the provider accepted the message');
    }
  }
  status(m: { messageId: string; to: string }) {
    return this.inner.status(m);
  }
}

let platform: Platform;
let smsc: Awaited<ReturnType<typeof startSmscServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let sms: CrashAfterSend;
// 10:00 in Astana.
const clock = new TestClock(new Date('2026-12-01T05:00:00Z'));
beforeAll(async () => {
  smsc = await startSmscServer();
  smtp = await startSmtpServer();
  sms = new CrashAfterSend(new SmscSmsAdapter({ url: smsc.url, login: smsc.login, password: smsc.password, sender: 'Aleumet', retries: 1 }));
  platform = await startTestPlatform({ clock, sms, email: new SmtpEmailAdapter({ url: smtp.url, from: '"Aleumet" <noreply@aleumet.kz>' }) });
});
afterAll(async () => {
  await platform?.close();
  await smsc?.close();
  await smtp?.close();
});

/** Recipients 860–899 (no other test uses them) eligible for S5 with an offering. */
const band = world().persons.map((p, index) => ({ person: p, index })).slice(860, 900).filter(({ person }) => {
  try {
    return eligibleFor(person, 'S5') && !!offeringFor(person, 'S5');
  } catch {
    return false;
  }
});
const pick = (n: number) => band[n]!;
const run = (...personIds: string[]) => platform.runtime.scheduler.runAll({ scope: { personIds }, strict: true });
/** Lets the person's seeded measures' windows close and their notices go out first (job, command, sending). */
const settle = async (personId: string) => {
  for (let i = 0; i < 3; i++) await run(personId);
};
const smsTo = (phone: string) => smsc.received.filter((m) => m.phones === phone);

async function publishFor(n: number) {
  const { person, index } = pick(n);
  const offering = offeringFor(person, 'S5');
  const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
  return { person, index, measure, token: await tokenFor(recipientIdentity(index)) };
}

describe('notifications through the gateway', () => {
  it('a publication reaches the person by SMS in their language, in-app, and the department sees it; the delivery report updates the status', async () => {
    const { person, index } = pick(0);
    const token = await tokenFor(recipientIdentity(index));
    const url = platform.gateway.url;
    // settle seeded measures' windows first, then choose Russian
    await settle(person.id);
    expect((await gql(url, SETTINGS, { l: 'ru' }, token)).data.setNotificationSettings.language).toBe('ru');
    const before = smsTo(person.phone).length;
    const { measure } = await publishFor(0);
    await run(person.id);
    const mine = smsTo(person.phone).slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ sender: 'Aleumet' });
    // 2 months from 1 December 2026 10:00 Astana: 1 February 2027, Astana date
    expect(mine[0]!.mes).toBe(`Aleumet: доступна мера ${itemTypeByCode.get(measure.itemTypeCode)!.ru}. Выберите поставщика до 01.02.2027: https://aleumet.kz`);

    const centre = (await gql(url, CENTRE, {}, token)).data;
    const n = centre.notifications.nodes.find((x: { measureId: string }) => x.measureId === measure.id);
    expect(n).toMatchObject({ template: 'MEASURE_PUBLISHED', readAt: null });
    expect(n.title).toBe(`Новая мера: ${itemTypeByCode.get(measure.itemTypeCode)!.ru}`);
    // the provider's delivery report (asked in the same run) says delivered
    expect(n.deliveries.find((d: { channel: string }) => d.channel === 'SMS')).toMatchObject({ status: 'DELIVERED', sentAt: clock.now().toISOString(), attempts: 1 });
    expect(centre.unreadNotificationCount).toBeGreaterThan(0);

    const dept = await tokenFor(departmentIdentity(person.regionCode));
    const seen = (await gql(url, MEASURE_NOTICES, { m: measure.id }, dept)).data.measureNotifications.nodes;
    expect(seen).toEqual([{ audience: 'PERSON', template: 'MEASURE_PUBLISHED', deliveries: expect.arrayContaining([{ channel: 'SMS', status: 'DELIVERED', sentAt: clock.now().toISOString() }]) }]);
    // an administrator sees it; another recipient sees nothing of it
    expect(codes(await gql(url, MEASURE_NOTICES, { m: measure.id }, await tokenFor(adminIdentity())))).toEqual([]);
    const other = (await gql(url, MEASURE_NOTICES, { m: measure.id }, await tokenFor(recipientIdentity(pick(1).index)))).data.measureNotifications.nodes;
    expect(other).toEqual([]);

    // mark read: the count drops to zero
    expect((await gql(url, `mutation { markNotificationsRead }`, {}, token)).data.markNotificationsRead).toBeGreaterThan(0);
    expect((await gql(url, `query { unreadNotificationCount }`, {}, token)).data.unreadNotificationCount).toBe(0);
  });

  it('the 1-month reminder and the 2-month block reach the person; the block also reaches the department', async () => {
    clock.set(new Date('2026-12-01T05:00:00Z'));
    const { person } = pick(2);
    await settle(person.id);
    const { measure } = await publishFor(2);
    await run(person.id);
    const start = smsTo(person.phone).length;
    clock.set(new Date('2027-01-01T06:00:00Z'));
    await run(person.id); // reminder recorded; its command delivered
    await run(person.id); // sent
    const reminder = smsTo(person.phone).slice(start).filter((m) => m.mes.includes(itemTypeByCode.get(measure.itemTypeCode)!.kk));
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.mes).toMatch(/^Aleumet: еске салу/);
    clock.set(new Date('2027-02-01T06:00:00Z'));
    await settle(person.id);
    const blocked = smsTo(person.phone).slice(start).filter((m) => m.mes.includes(itemTypeByCode.get(measure.itemTypeCode)!.kk));
    expect(blocked).toHaveLength(2);
    expect(blocked[1]!.mes).toContain('2 айда жеткізуші таңдалмады');
    const dept = await tokenFor(departmentIdentity(person.regionCode));
    const inbox = (await gql(platform.gateway.url, `query { notifications(first: 50) { nodes { template measureId } } }`, {}, dept)).data.notifications.nodes;
    expect(inbox).toContainEqual({ template: 'MEASURE_BLOCKED', measureId: measure.id });
  });

  it('night-time: an SMS waits until 08:00 Astana', async () => {
    const { person } = pick(3);
    clock.set(new Date('2027-03-01T05:00:00Z'));
    await settle(person.id);
    // 23:30 in Astana
    clock.set(new Date('2027-03-01T18:30:00Z'));
    const before = smsTo(person.phone).length;
    const { measure } = await publishFor(3);
    await run(person.id);
    expect(smsTo(person.phone).length).toBe(before);
    clock.set(new Date('2027-03-02T02:59:00Z'));
    await run(person.id);
    expect(smsTo(person.phone).length).toBe(before);
    clock.set(new Date('2027-03-02T03:00:00Z'));
    await run(person.id);
    expect(smsTo(person.phone).slice(before).filter((m) => m.mes.includes(itemTypeByCode.get(measure.itemTypeCode)!.kk))).toHaveLength(1);
  });

  it('a crash between sending and recording does not send twice; failures retry with backoff and end in the dead-letter list', async () => {
    const { person } = pick(4);
    clock.set(new Date('2027-04-01T05:00:00Z'));
    await settle(person.id);
    const before = smsTo(person.phone).length;
    sms.crashNext = true;
    const { measure } = await publishFor(4);
    await run(person.id);
    expect(smsTo(person.phone).length).toBe(before + 1);
    clock.advance(10 * 60_000);
    await settle(person.id);
    const mine = smsTo(person.phone).slice(before);
    expect(mine).toHaveLength(1);
    expect(new Set(mine.map((m) => m.id)).size).toBe(1);
    const token = await tokenFor(recipientIdentity(pick(4).index));
    const n = (await gql(platform.gateway.url, CENTRE, {}, token)).data.notifications.nodes.find((x: { measureId: string }) => x.measureId === measure.id);
    expect(n.deliveries.find((d: { channel: string }) => d.channel === 'SMS')).toMatchObject({ status: 'DELIVERED', attempts: 2 });

    // the provider is down: retried with growing waits, then dead; the administrator resends it
    smsc.state.failNext = 1_000;
    const second = await publishFor(4);
    for (let i = 0; i < 8; i++) {
      await run(person.id);
      clock.advance(2 * 3_600_000);
    }
    const admin = await tokenFor(adminIdentity());
    const dead = (await gql(platform.gateway.url, `query { notificationDeadLetters(first: 100) { nodes { id channel status attempts lastError notification { measureId } } } }`, {}, admin)).data.notificationDeadLetters.nodes
      .filter((d: { notification: { measureId: string } }) => d.notification.measureId === second.measure.id);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ channel: 'SMS', status: 'DEAD', attempts: 6 });
    smsc.state.failNext = 0;
    clock.set(new Date('2027-04-02T05:00:00Z')); // the next morning (no SMS at night)
    const resent = await gql(platform.gateway.url, `mutation($id: ID!) { resendNotification(deliveryId: $id) { status attempts } }`, { id: dead[0].id }, admin);
    expect(resent.data.resendNotification).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(codes(await gql(platform.gateway.url, `query { notificationDeadLetters(first: 1) { nodes { id } } }`, {}, token))).toEqual(['FORBIDDEN']);
    await run(person.id);
    expect(smsTo(person.phone).some((m) => m.mes.includes(itemTypeByCode.get(second.measure.itemTypeCode)!.kk) && m.id === dead[0].id)).toBe(true);
  });

  it('a contact-centre "notify the reporter" step sends the e-mail and meets its clock', async () => {
    clock.set(new Date('2027-05-04T05:00:00Z')); // a Tuesday, 10:00 Astana
    const { index } = pick(5);
    const token = await tokenFor(recipientIdentity(index));
    const admin = await tokenFor(adminIdentity());
    const url = platform.gateway.url;
    const reported = await gql(url, `mutation($i: ReportFailureInput!) { reportFailure(input: $i) { id number } }`, { i: { description: 'The order page does not open', contact: 'reporter@mail.example.kz' } }, token);
    expect(reported.errors).toBeUndefined();
    const { id, number } = reported.data.reportFailure;
    const step = (input: Record<string, unknown>) => gql(url, `mutation($id: ID!, $i: TicketStepInput!) { recordTicketStep(id: $id, input: $i) { status clocks { step state } } }`, { id, i: input }, admin);
    for (const input of [{ step: 'REGISTER' }, { step: 'ANALYSE', escalate: false }, { step: 'DECIDE', fixRequired: false, decision: 'Страница исправлена, обновите её' }]) {
      expect((await step(input)).errors).toBeUndefined();
    }
    const before = smtp.received.length;
    clock.advance(10 * 60_000);
    const told = await step({ step: 'NOTIFY_DECISION' });
    expect(told.errors).toBeUndefined();
    expect(told.data.recordTicketStep.clocks).toContainEqual({ step: 'NOTIFY_DECISION', state: 'MET' });
    const mails = smtp.received.slice(before).filter((m) => m.to.includes('reporter@mail.example.kz'));
    expect(mails).toHaveLength(1);
    const text = mailText(mails[0]!.data);
    expect(text).toContain(number);
    expect(text).toContain('Страница исправлена, обновите её');
    expect(mails[0]!.data).toMatch(/Content-Type: text\/html/);
    expect(mails[0]!.from).toBe('noreply@aleumet.kz');
  });

  it('people without a verified phone are on their department’s list; the department records how it informed them', async () => {
    const { person } = pick(6);
    await platform.subgraphs.people.orm.em.getConnection().execute('update people.person set phone_verified = false where id = ?', [person.id]);
    const dept = await tokenFor(departmentIdentity(person.regionCode));
    const url = platform.gateway.url;
    const list = (await gql(url, `query { unreachablePersons(first: 100) { nodes { id } } }`, {}, dept)).data.unreachablePersons.nodes;
    expect(list).toContainEqual({ id: person.id });
    const before = smsTo(person.phone).length;
    const { measure } = await publishFor(6);
    await run(person.id);
    expect(smsTo(person.phone).length).toBe(before);
    const inbox = (await gql(url, `query { notifications(first: 100) { nodes { template measureId } } }`, {}, dept)).data.notifications.nodes;
    expect(inbox).toContainEqual({ template: 'MEASURE_PUBLISHED', measureId: measure.id });
    const rec = await gql(url, `mutation($p: ID!, $m: ID) { recordInformedOtherwise(personId: $p, measureId: $m, method: CALL, note: "Called the home number") { method informedBy informedAt } }`, { p: person.id, m: measure.id }, dept);
    expect(rec.data.recordInformedOtherwise).toMatchObject({ method: 'CALL', informedAt: clock.now().toISOString() });
    const elsewhere = world().persons.find((p) => p.regionCode !== person.regionCode)!.regionCode;
    expect(codes(await gql(url, `mutation($p: ID!) { recordInformedOtherwise(personId: $p, method: CALL) { method } }`, { p: person.id }, await tokenFor(departmentIdentity(elsewhere))))).toEqual(['FORBIDDEN']);
  });

  it('an order tells its supplier in-app, and its acceptance tells the recipient (in-app and SMS)', async () => {
    const { person, index } = pick(7);
    clock.set(new Date('2027-06-01T05:00:00Z'));
    await settle(person.id);
    const offering = offeringFor(person, 'S5');
    const { measure } = await publishFor(7);
    const order = (await signAndOrder(platform, index, measure.id, offering.id)).res.data.createOrder;
    const url = platform.gateway.url;
    const supplier = await supplierToken(offering.supplierId);
    const inbox = (await gql(url, `query { notifications(first: 50) { nodes { template title } } }`, {}, supplier)).data.notifications.nodes;
    expect(inbox).toContainEqual({ template: 'ORDER_RECEIVED', title: `Новый заказ №${order.number}` });
    const before = smsTo(person.phone).length;
    const accepted = await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: order.version }), supplier);
    expect(accepted.errors).toBeUndefined();
    const token = await tokenFor(recipientIdentity(index));
    const mine = (await gql(url, `query { unreadNotificationCount notifications(first: 5) { nodes { template title } } }`, {}, token)).data;
    expect(mine.notifications.nodes[0]).toEqual({ template: 'ORDER_ACCEPTED', title: `Тапсырыс қабылданды №${order.number}` });
    await run(person.id);
    expect(smsTo(person.phone).slice(before).map((m) => m.mes).filter((m) => m.includes(order.number))).toEqual([`Aleumet: №${order.number} тапсырысыңызды (${itemTypeByCode.get(offering.itemTypeCode)!.kk}) жеткізуші қабылдады: https://aleumet.kz`]);
  });
});
