import { describe, expect, it } from 'vitest';
import { gql, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { devSigner, signDocument } from '@aleumet/signing';
import { expectAccessible, newContext, useWebPlatform, recordSocketFrames, signIn, tabTo, trace } from './browser.js';

/**
 * A recipient orders an aid with the electronic signature — keyboard only — and sees the status
 * change live (graphql-ws through the gateway) when the supplier accepts in a second browser context.
 * The supplier's incoming-orders page is open before the order is signed: the new order arrives live too.
 * Persons 700–799 of the demo world belong to the web tests.
 */
function pickOrderCase() {
  const w = world();
  for (let i = 700; i < 800; i++) {
    const person = w.persons[i]!;
    for (const m of w.measures.filter((x) => x.personId === person.id && x.status === 'AWAITING_CHOICE' && ['S5', 'S6', 'S4'].includes(x.kind))) {
      // Delivered: the order carries delivery details.
      const offers = w.offerings.filter((o) => o.itemTypeCode === m.itemTypeCode && o.regionCodes.includes(person.regionCode) && o.stock > 2 && o.deliveryMode !== 'PICKUP');
      if (offers.length) return { index: i, person, measure: m, offering: offers[0]! };
    }
  }
  throw new Error('no person 700–799 with an orderable aid measure');
}

/** Orders an aid (S5/S6, pickup) for a person 700–799 other than pickOrderCase's, through the API. */
async function freshAidOrder(url: string) {
  const w = world();
  const taken = pickOrderCase().person.id;
  for (let i = 799; i >= 700; i--) {
    const person = w.persons[i]!;
    if (person.id === taken) continue;
    for (const m of w.measures.filter((x) => x.personId === person.id && x.status === 'AWAITING_CHOICE' && ['S5', 'S6'].includes(x.kind))) {
      const offering = w.offerings.find((o) => o.itemTypeCode === m.itemTypeCode && o.regionCodes.includes(person.regionCode) && o.stock > 2 && o.deliveryMode === 'PICKUP');
      if (!offering) continue;
      const token = await tokenFor(recipientIdentity(i));
      const key = `web-refusal-${m.id}`;
      const doc = await gql<{ orderDocument: string }>(url, 'query($m: ID!, $o: ID!, $k: String!) { orderDocument(measureId: $m, offeringId: $o, idempotencyKey: $k) }', { m: m.id, o: offering.id, k: key }, token);
      expect(doc.errors, JSON.stringify(doc.errors)).toBeUndefined();
      const signed = await signDocument(await devSigner(person.iin), JSON.parse(doc.data!.orderDocument));
      const created = await gql<{ createOrder: { id: string; number: string } }>(
        url,
        'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id number } }',
        { input: { measureId: m.id, offeringId: offering.id, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: signed.certificate } },
        token,
      );
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
      return { order: { ...created.data!.createOrder, supplierId: offering.supplierId }, person };
    }
  }
  throw new Error('no second person 700–799 with an aid measure to order');
}

const web = useWebPlatform();


describe('ordering an aid in Chromium', () => {
  it('signs and orders by keyboard alone, then sees the supplier accept it live', async () => {
    const c = pickOrderCase();
    const staff = world().staff.find((s) => s.supplierId === c.offering.supplierId)!;

    // ---- the supplier, in a second browser context, waits on its incoming orders
    const supplierCtx = await newContext(web.browser, web.base, 'ru');
    const supplier = await supplierCtx.newPage();
    trace(supplier, 'supplier');
    const supplierFrames = recordSocketFrames(supplier);
    await signIn(supplier, staff.iin);
    await supplier.goto('/supplier/orders');
    await supplier.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => supplier.locator('p.loading').count(), { timeout: 15_000 }).toBe(0);
    // Subscribed before the order exists.
    await expect.poll(() => supplierFrames.some((f) => f.includes('connection_ack')), { timeout: 15_000 }).toBe(true);
    // A marker that a reload would wipe out.
    await supplier.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // ---- the recipient, keyboard only
    const recipientCtx = await newContext(web.browser, web.base, 'en');
    const page = await recipientCtx.newPage();
    trace(page, 'recipient');
    const frames = recordSocketFrames(page);
    await page.goto('/');
    await tabTo(page, 'a.skip-link');
    await tabTo(page, 'header a[href="/sign-in"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in');
    await expectAccessible(page, 'sign-in');
    await tabTo(page, 'input[name="iin"]');
    await page.keyboard.type(c.person.iin);
    await page.keyboard.press('Enter');
    // The sign step's button takes focus by itself.
    await page.waitForFunction(() => document.activeElement?.closest('section[aria-labelledby="step2"]') !== null);
    await expectAccessible(page, 'sign-in, step 2');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/cabinet');
    await page.getByRole('heading', { name: 'Personal data' }).waitFor();
    await expectAccessible(page, 'cabinet');

    await tabTo(page, `a[href="/catalog?measure=${c.measure.id}"]`, { max: 150 });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/catalog\?measure=/);
    const choose = `a[href="/orders/new?measure=${c.measure.id}&offering=${c.offering.id}"]`;
    await page.locator(choose).waitFor();
    await expectAccessible(page, 'catalog for a measure');
    // Compare two offerings with the space bar, then choose one.
    await tabTo(page, 'input[type="checkbox"]', { max: 60 });
    await page.keyboard.press('Space');
    expect(await page.locator('#compare-title').count()).toBe(1);
    await tabTo(page, choose, { max: 200 });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/orders/new**');
    await page.getByRole('heading', { name: 'Order and application for reimbursement' }).waitFor();
    // Delivery details: the registered address is there already; a preferred time is added.
    const address = page.getByLabel('Delivery address');
    await address.waitFor();
    expect(await address.inputValue()).toBe(c.person.address);
    await page.getByLabel('Preferred time').fill('after 18:00');
    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent === 'Prepare the document for signing', { max: 80 });
    await page.keyboard.press('Enter');
    // The document to sign, in the person's language with tenge for a person.
    const text = page.locator('pre.document').first();
    await text.waitFor();
    expect(await text.innerText()).toContain(`Delivery address: ${c.person.address}`);
    expect(await text.innerText()).toMatch(/Price: ₸[\d,]+\.\d\d/);
    const signButton = page.getByRole('button', { name: 'Sign and order' });
    await expect.poll(() => signButton.isEnabled()).toBe(true);
    await expectAccessible(page, 'order review');
    await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent === 'Sign and order');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/orders?created=**');
    const number = decodeURIComponent(new URL(page.url()).searchParams.get('created')!);
    const card = page.getByRole('article', { name: new RegExp(number) });
    await card.getByText('Awaiting supplier').waitFor().catch(async (e) => {
      console.log(await page.locator('main').innerText());
      throw e;
    });
    await expectAccessible(page, 'my orders');

    // ---- the supplier sees the new order arrive without reloading, announced to screen readers
    const row = supplier.getByRole('row', { name: new RegExp(number) });
    await row.waitFor({ timeout: 20_000 });
    await supplier.getByRole('status').filter({ hasText: number }).waitFor();
    expect(await supplier.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(supplierFrames.some((f) => f.includes('incomingOrders') && f.includes(number))).toBe(true);
    await expectAccessible(supplier, 'incoming orders');
    expect(await row.innerText()).toContain(c.person.address);
    expect(await row.innerText()).toContain('after 18:00');
    await row.getByRole('button', { name: new RegExp(`Принять ${number}`) }).click();
    // Accepted: it leaves the "awaiting" list at once; in "any status" it is on top (newest first).
    await row.waitFor({ state: 'detached' });
    await supplier.getByLabel('Показать').selectOption('');
    const first = supplier.locator('tbody tr').first();
    await first.getByRole('rowheader', { name: number }).waitFor();
    await first.getByText('Принят').waitFor();

    // ---- the recipient sees it without reloading, announced to screen readers
    await card.getByText('Accepted').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('order-announcer').textContent()).toContain(`${number}: Accepted`);
    expect(frames.some((f) => f.includes('orderStatusChanged') && f.includes('ACCEPTED'))).toBe(true);
    await expectAccessible(page, 'my orders after the change');

    // ---- handover: the recipient confirms first; the supplier's row takes the new version live and its confirmation goes through
    const anyRow = supplier.getByRole('row', { name: new RegExp(number) });
    await anyRow.getByRole('button', { name: new RegExp(`Готов к передаче ${number}`) }).click();
    await card.getByRole('button', { name: 'I received it' }).click();
    await card.getByText('You confirmed the handover', { exact: false }).waitFor({ timeout: 20_000 });
    // No cancel after "I received it".
    expect(await card.getByRole('button', { name: 'Cancel the order' }).count()).toBe(0);
    // The supplier's row learns it live (with the order's new version).
    await anyRow.getByText('Получатель подтвердил получение').waitFor({ timeout: 20_000 });
    await anyRow.getByRole('button', { name: new RegExp(`Подтвердить передачу ${number}`) }).click();
    await anyRow.getByText('Передан').waitFor({ timeout: 20_000 });
    expect(await anyRow.getByRole('alert').count()).toBe(0);

    await supplierCtx.close();
    await recipientCtx.close();
  }, 180_000);

  it('the supplier refuses with a reason code and a comment; the recipient reads the reason in Kazakh', async () => {
    // A fresh order of a person 700–799 (seeded ones may be past the supplier's 5-working-day answer deadline).
    const { order, person } = await freshAidOrder(web.platform.gateway.url);
    const w = world();
    const staff = w.staff.find((s) => s.supplierId === order.supplierId)!;

    const supplierCtx = await newContext(web.browser, web.base, 'ru');
    const supplier = await supplierCtx.newPage();
    await signIn(supplier, staff.iin);
    await supplier.goto('/supplier/orders');
    const row = supplier.getByRole('row', { name: new RegExp(order.number) });
    await row.getByRole('button', { name: new RegExp(`Отказать ${order.number}`) }).click();
    const form = row.getByRole('form', { name: new RegExp(order.number) });
    // Another reason needs a comment: the comment field is marked, with the message beside it.
    await form.getByRole('radio', { name: 'Другая причина' }).check();
    await form.getByRole('button', { name: 'Отказать в заказе' }).click();
    const comment = form.getByLabel('Комментарий');
    await expect.poll(() => comment.getAttribute('aria-invalid')).toBe('true');
    expect(await comment.evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByText('Напишите причину (не менее 3 символов).').waitFor();
    await expectAccessible(supplier, 'refusal form with an error');
    await form.getByRole('radio', { name: 'Товара нет на складе' }).check();
    await comment.fill('Ожидаем поставку в январе');
    await form.getByRole('button', { name: 'Отказать в заказе' }).click();
    await row.waitFor({ state: 'detached', timeout: 20_000 });

    const recipientCtx = await newContext(web.browser, web.base, 'kk');
    const page = await recipientCtx.newPage();
    await signIn(page, person.iin);
    await page.goto('/orders');
    const card = page.getByRole('article', { name: new RegExp(order.number) });
    await card.getByText('Тауар қоймада жоқ').waitFor({ timeout: 20_000 });
    await card.getByText('Ожидаем поставку в январе').waitFor();
    expect(await card.innerText()).toContain('Жеткізушінің түсініктемесі');
    await supplierCtx.close();
    await recipientCtx.close();
  }, 120_000);
});
