import { describe, expect, it } from 'vitest';
import { itemTypeByCode } from '@aleumet/core';
import { gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, guaranteed, offeringFor, publishOne, signAndOrder } from '../../subgraphs/orders/test/helpers.js';
import { newContext, recordSocketFrames, screenshot, signIn, trace, useWebPlatform } from './browser.js';

/**
 * The notification centre is live: a recipient has the app open, the supplier accepts the recipient's
 * order (through the API), and the bell's count and the notice appear without a reload, in the
 * recipient's language (graphql-ws through the gateway; no polling). Person 1047 belongs to this file.
 */
const PERSON = 1047;
const web = useWebPlatform();

describe('live notifications in Chromium', () => {
  it('the bell counts up and the notice appears when the supplier accepts, without a reload', async () => {
    const person = world().persons[PERSON]!;
    const offering = offeringFor(person, 'S5');
    const url = web.platform.gateway.url;
    const token = await tokenFor(recipientIdentity(PERSON));
    // The person reads notifications in Kazakh; the page is in Kazakh too.
    expect((await gql(url, `mutation { setNotificationSettings(language: kk, sms: true, email: true) { language } }`, {}, token)).errors).toBeUndefined();
    // A fresh order (seeded ones may be past their acceptance deadline).
    const { measure } = await publishOne(web.platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const created = await signAndOrder(web.platform, PERSON, measure.id, offering.id);
    expect(created.res.errors, JSON.stringify(created.res.errors)).toBeUndefined();
    const order = created.res.data.createOrder as { id: string; number: string; version: number };

    const context = await newContext(web.browser, web.base, 'kk');
    const page = await context.newPage();
    trace(page, 'recipient');
    const frames = recordSocketFrames(page);
    await signIn(page, person.iin);
    await page.goto('/notifications');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('[data-testid="notification"]').first().waitFor();
    // Subscribed before the supplier answers.
    await expect.poll(() => frames.some((f) => f.includes('connection_ack')), { timeout: 15_000 }).toBe(true);
    // The gateway opens the subscription on the people subgraph asynchronously: a moment before the change.
    await page.waitForTimeout(1_500);
    const bell = page.locator('[data-testid="unread-count"]');
    const countNow = async () => ((await bell.count()) ? Number(await bell.textContent()) : 0);
    const before = await countNow();
    const title = `Тапсырыс қабылданды №${order.number}`;
    expect(await page.getByRole('heading', { name: title }).count()).toBe(0);
    // A marker a reload would wipe out.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const supplier = await tokenFor(supplierIdentity(offering.supplierId));
    const accepted = await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: order.version }), supplier);
    expect(accepted.errors).toBeUndefined();

    await page.getByRole('heading', { name: title }).waitFor({ timeout: 20_000 });
    await expect.poll(countNow, { timeout: 10_000 }).toBe(before + 1);
    const notice = page.locator('[data-testid="notification"]', { has: page.getByRole('heading', { name: title }) });
    expect(await notice.locator('p').first().textContent()).toBe(`${itemTypeByCode.get(offering.itemTypeCode)!.kk} бойынша №${order.number} тапсырысыңызды жеткізуші қабылдады.`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // Delivered over the socket, not fetched by a timer.
    expect(frames.some((f) => f.includes('"next"') && f.includes(order.number))).toBe(true);
    await screenshot(page, 'notifications-live-kk-1280');
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot(page, 'notifications-live-kk-360');
    await context.close();
  }, 120_000);
});
