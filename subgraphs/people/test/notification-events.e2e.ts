/**
 * The events of the Rules' list that the other notification tests do not cover: a complaint's answer
 * (to the complainant: in-app, SMS and e-mail in their language) and a reimbursement claim's payment
 * (to the supplier, e-mailed to its staff who gave an address), through the gateway and the local SMS and SMTP servers. Person 1048 and 1049 belong to this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmscSmsAdapter, SmtpEmailAdapter, smsSegments, tenge } from '@aleumet/notify';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, departmentIdentity, gql, mailText, recipientIdentity, startSmscServer, startSmtpServer, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, HANDOVER, ORDER, PAY, READY, guaranteed, offeringFor, publishOne, signAndOrder } from '../../orders/test/helpers.js';

let platform: Platform;
let smsc: Awaited<ReturnType<typeof startSmscServer>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
// A Tuesday, 10:00 in Astana.
const clock = new TestClock(new Date('2027-05-04T05:00:00Z'));
beforeAll(async () => {
  smsc = await startSmscServer();
  smtp = await startSmtpServer();
  const sms = new SmscSmsAdapter({ url: smsc.url, login: smsc.login, password: smsc.password, sender: 'Aleumet', retries: 1 });
  platform = await startTestPlatform({ clock, sms, email: new SmtpEmailAdapter({ url: smtp.url, from: '"Aleumet" <noreply@aleumet.kz>' }) });
});
afterAll(async () => {
  await platform?.close();
  await smsc?.close();
  await smtp?.close();
});

const run = (...personIds: string[]) => platform.runtime.scheduler.runAll({ scope: { personIds }, strict: true });
const CENTRE = `query { notifications(first: 20) { nodes { template title body orderId } } }`;

describe('notifications of complaints and payments', () => {
  it('the answer to a complaint reaches the complainant in-app, by SMS and by e-mail, in their language', async () => {
    const index = 1048;
    const person = world().persons[index]!;
    const url = platform.gateway.url;
    const token = await tokenFor(recipientIdentity(index));
    expect((await gql(url, `mutation { setNotificationSettings(language: ru, sms: true, email: true) { language } }`, {}, token)).errors).toBeUndefined();
    const filed = await gql(url, `mutation($i: ComplaintInput!) { fileComplaint(input: $i) { id status } }`, { i: { supplierId: world().suppliers[12]!.id, text: 'Коляску привезли сломанной' } }, token);
    expect(filed.errors).toBeUndefined();
    const id = filed.data.fileComplaint.id as string;
    const admin = await tokenFor(adminIdentity());
    expect((await gql(url, `mutation($id: ID!) { forwardComplaint(id: $id, to: EMPLOYMENT_DEPARTMENT) { status } }`, { id }, admin)).errors).toBeUndefined();
    const beforeSms = smsc.received.filter((m) => m.phones === person.phone).length;
    const beforeMail = smtp.received.length;
    const answer = 'Поставщик заменил коляску 06.05.2027';
    const answered = await gql(url, `mutation($id: ID!, $a: String!) { answerComplaint(id: $id, answer: $a) { status } }`, { id, a: answer }, await tokenFor(departmentIdentity(person.regionCode)));
    expect(answered.errors).toBeUndefined();

    const centre = (await gql(url, CENTRE, {}, token)).data.notifications.nodes;
    // 4 May 2027 10:00 Astana: the complaint's date as the person reads it.
    expect(centre[0]).toMatchObject({ template: 'COMPLAINT_ANSWERED', title: 'Ответ на жалобу', body: `Ответ на вашу жалобу от 04.05.2027: ${answer}` });
    await run(person.id);
    const sms = smsc.received.filter((m) => m.phones === person.phone).slice(beforeSms);
    expect(sms.map((m) => m.mes)).toEqual(['Aleumet: на вашу жалобу от 04.05.2027 дан ответ, он в личном кабинете: https://aleumet.kz']);
    expect(smsSegments(sms[0]!.mes)).toBeLessThanOrEqual(2);
    const mails = smtp.received.slice(beforeMail).filter((m) => m.to.includes(person.email!));
    expect(mails).toHaveLength(1);
    expect(mailText(mails[0]!.data)).toContain(answer);
    // Answering again is refused and tells nobody twice.
    await gql(url, `mutation($id: ID!, $a: String!) { answerComplaint(id: $id, answer: $a) { status } }`, { id, a: answer }, admin);
    await run(person.id);
    expect(smsc.received.filter((m) => m.phones === person.phone).slice(beforeSms)).toHaveLength(1);
  });

  it('a paid reimbursement claim tells its supplier the amount in tenge, in-app and by e-mail where its staff asked; nobody else', async () => {
    const index = 1049;
    const person = world().persons[index]!;
    const offering = offeringFor(person, 'S5', 1);
    const url = platform.gateway.url;
    const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const created = await signAndOrder(platform, index, measure.id, offering.id);
    expect(created.res.errors, JSON.stringify(created.res.errors)).toBeUndefined();
    const order = created.res.data.createOrder;
    const supplier = await tokenFor(supplierIdentity(offering.supplierId));
    expect((await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: 1 }), supplier)).errors).toBeUndefined();
    expect((await gql(url, READY, { id: order.id, v: 2 }, supplier)).errors).toBeUndefined();
    expect((await gql(url, HANDOVER, { id: order.id, v: 3 }, supplier)).errors).toBeUndefined();
    expect((await gql(url, HANDOVER, { id: order.id, v: 4 }, await tokenFor(recipientIdentity(index)))).data.confirmHandover.status).toBe('HANDED_OVER');
    // The claim is finance's (opened and approved by commands of orders): wait until it is there.
    const admin = await tokenFor(adminIdentity());
    let claim: { id: string; status: string; version: number; statePart: number } | null = null;
    for (let i = 0; i < 40 && claim?.status !== 'APPROVED'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 250));
      await run(person.id);
      claim = (await gql(url, ORDER, { id: order.id }, admin)).data.order.claim;
    }
    expect(claim?.status).toBe('APPROVED');
    if (!claim) throw new Error('no claim');
    // The supplier's staff member gives an address for e-mails, in Kazakh (a department officer's is refused when not an address).
    const STAFF_SETTINGS = `mutation($e: String, $on: Boolean!, $lang: NotifyLanguage) { setStaffNotificationSettings(email: $e, emailNotifications: $on, language: $lang) { email emailNotifications language } }`;
    const address = 'accounts@supplier-1049.example.kz';
    expect((await gql(url, STAFF_SETTINGS, { e: address, on: true, lang: 'kk' }, supplier)).data.setStaffNotificationSettings).toEqual({ email: address, emailNotifications: true, language: 'kk' });
    expect((await gql(url, STAFF_SETTINGS, { e: 'not an address', on: true }, await tokenFor(departmentIdentity(person.regionCode)))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const beforeMail = smtp.received.length;
    const reference = `PAY-NOTE-${order.id.slice(-10)}`;
    const paid = await gql(url, PAY, { id: claim.id, v: claim.version, ref: reference }, await tokenFor(departmentIdentity(person.regionCode)));
    expect(paid.errors).toBeUndefined();

    const amount = tenge(claim.statePart, 'ru');
    const inbox = (await gql(url, CENTRE, {}, supplier)).data.notifications.nodes.filter((n: { orderId: string }) => n.orderId === order.id);
    expect(inbox).toContainEqual({ template: 'PAYMENT_MADE', orderId: order.id, title: `Оплата: ${amount}`, body: `По заявке на возмещение оплачено ${amount} (платёжное поручение №${reference}).` });
    await run(supplierIdentity(offering.supplierId).sub);
    const mails = smtp.received.slice(beforeMail).filter((m) => m.to.includes(address));
    expect(mails).toHaveLength(1);
    // In-app in Russian, the e-mail in the staff member's Kazakh.
    expect(mailText(mails[0]!.data)).toContain(`Өтемақы өтінімі бойынша ${tenge(claim.statePart, 'kk')} төленді (төлем тапсырмасы №${reference}).`);
    // E-mails off: in-app only; the language stays as chosen when not given.
    expect((await gql(url, STAFF_SETTINGS, { e: address, on: false }, supplier)).data.setStaffNotificationSettings).toEqual({ email: address, emailNotifications: false, language: 'kk' });
    const other = world().suppliers.find((s) => s.id !== offering.supplierId)!;
    const theirs = (await gql(url, CENTRE, {}, await tokenFor(supplierIdentity(other.id)))).data.notifications.nodes;
    expect(theirs.filter((n: { orderId: string }) => n.orderId === order.id)).toEqual([]);
  });
});
