/**
 * notificationReceived: the notification centre fed live over graphql-ws through the gateway, each
 * subscriber receiving only its own notifications. Persons 1044–1049 of the demo world belong to this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemTypeByCode } from '@aleumet/core';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, departmentIdentity, gql, integratorIdentity, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { watch as watchSubscription } from '../../../gateway/test/ws-watch.js';
import { ACCEPT, guaranteed, offeringFor, publishOne, signAndOrder } from '../../orders/test/helpers.js';

const LIVE = `subscription Live($since: String) {
  notificationReceived(since: $since) { cursor unreadCount notification { id template title body audience personId supplierId orderId measureId readAt } }
}`;

const ME = 1044;
const OTHER = 1045;
const person = (i: number) => world().persons[i]!;

let platform: Platform;
const clients: Client[] = [];
// 10:00 in Astana.
const clock = new TestClock(new Date('2026-12-01T05:00:00Z'));
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
});

function watch(token: string, variables: Record<string, unknown> = {}) {
  const c = createClient({ url: platform.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(c);
  return watchSubscription(c, { query: LIVE, variables }, { pick: (d) => d.notificationReceived });
}
/** Subscriptions register on the subgraph asynchronously: give them a moment before changing things. */
const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));
const run = (...personIds: string[]) => platform.runtime.scheduler.runAll({ scope: { personIds }, strict: true });

describe('live notification centre', () => {
  it('a recipient, its supplier and its department each receive their own notifications live; others receive nothing', async () => {
    const me = person(ME);
    const offering = offeringFor(me, 'S5');
    const otherSupplier = world().suppliers.find((s) => s.id !== offering.supplierId)!;
    const url = platform.gateway.url;
    const mine = await tokenFor(recipientIdentity(ME));
    expect((await gql(url, `mutation { setNotificationSettings(language: ru, sms: true, email: true) { language } }`, {}, mine)).errors).toBeUndefined();
    const unreadBefore = (await gql(url, `query { unreadNotificationCount }`, {}, mine)).data.unreadNotificationCount as number;

    const recipient = watch(mine);
    const outsider = watch(await tokenFor(recipientIdentity(OTHER)));
    const supplier = watch(await tokenFor(supplierIdentity(offering.supplierId)));
    const wrongSupplier = watch(await tokenFor(supplierIdentity(otherSupplier.id)));
    const department = watch(await tokenFor(departmentIdentity(me.regionCode)));
    await settle();

    // A new measure: the recipient's centre shows it at once, in Russian, with the bell's count.
    const { measure } = await publishOne(platform, me, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    await run(me.id);
    const [published] = await recipient.waitFor(1);
    expect(published.notification).toMatchObject({ template: 'MEASURE_PUBLISHED', audience: 'PERSON', personId: me.id, measureId: measure.id, readAt: null, title: `Новая мера: ${itemTypeByCode.get(offering.itemTypeCode)!.ru}` });
    expect(published.unreadCount).toBe(unreadBefore + 1);

    // An order: its supplier is told, live; the recipient is told when the supplier accepts.
    const order = (await signAndOrder(platform, ME, measure.id, offering.id)).res.data.createOrder;
    const [received] = await supplier.waitFor(1);
    expect(received.notification).toMatchObject({ template: 'ORDER_RECEIVED', audience: 'SUPPLIER', supplierId: offering.supplierId, orderId: order.id, title: `Новый заказ №${order.number}` });
    const supplierToken = await tokenFor(supplierIdentity(offering.supplierId));
    const accepted = await gql(url, ACCEPT, await supplierSigned(url, supplierToken, 'ACCEPT', { id: order.id, v: order.version }), supplierToken);
    expect(accepted.errors).toBeUndefined();
    const events = await recipient.waitFor(2);
    expect(events[1].notification).toMatchObject({ template: 'ORDER_ACCEPTED', orderId: order.id, title: `Заказ принят №${order.number}` });
    expect(events[1].unreadCount).toBe(unreadBefore + 2);

    // Another person, another supplier, the department (nothing for it here) received none of these.
    await settle();
    const ours = (e: { notification: { measureId: string | null; orderId: string | null } }) => e.notification.measureId === measure.id || e.notification.orderId === order.id;
    expect(outsider.events.filter(ours)).toEqual([]);
    expect(wrongSupplier.events.filter(ours)).toEqual([]);
    expect(department.events.filter(ours)).toEqual([]);
    expect(supplier.events.filter(ours)).toHaveLength(1);
    for (const w of [recipient, outsider, supplier, wrongSupplier, department]) expect(w.errors).toEqual([]);

    // Resume: `since` the first event replays what came after it.
    const resumed = watch(mine, { since: published.cursor });
    const replayed = await resumed.waitFor(1);
    expect(replayed[0].notification.id).toBe(events[1].notification.id);
  });

  it('a department receives live what it must act on (a person it informs by other means); administrators and integrators have no notification centre', async () => {
    const me = person(OTHER);
    const offering = offeringFor(me, 'S5');
    const department = watch(await tokenFor(departmentIdentity(me.regionCode)));
    const elsewhere = world().persons.find((p) => p.regionCode !== me.regionCode)!.regionCode;
    const otherDepartment = watch(await tokenFor(departmentIdentity(elsewhere)));
    await settle();
    // A person without a verified phone: the department is told to inform them by other means (003 ¶9).
    await platform.subgraphs.people.orm.em.getConnection().execute('update people.person set phone_verified = false where id = ?', [me.id]);
    const { measure } = await publishOne(platform, me, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    await run(me.id);
    const [told] = await department.waitFor(1);
    expect(told.notification).toMatchObject({ template: 'MEASURE_PUBLISHED', audience: 'DEPARTMENT', personId: me.id, measureId: measure.id });
    await settle();
    expect(otherDepartment.events.filter((e) => e.notification.measureId === measure.id)).toEqual([]);

    for (const identity of [adminIdentity(), integratorIdentity(['programs:read', 'orders:read'])]) {
      const refused = watch(await tokenFor(identity));
      const errors = await refused.failed();
      expect(errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});
