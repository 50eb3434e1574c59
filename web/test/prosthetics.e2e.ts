import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { devSigner, signDocument } from '@aleumet/signing';
import { expectAccessible, newContext, signIn, trace, useWebPlatform } from './browser.js';
import { layoutProblems } from './layout.js';

/**
 * Prosthetic and orthopaedic aid (S4, seeds 004 ¶31, ¶34, ¶41) through the gateway and the built app:
 * the supplier takes an accepted order with measurements, invites the recipient for an inpatient
 * fitting (the portal refuses a repeat one longer than 3 working days), records trips up to the yearly
 * limit; after the handover the acceptance act is on the card, the recipient sees the card in the
 * cabinet, and the region's department reads the history extract.
 */
const SCREENS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screens');
const web = useWebPlatform();

/** A person 700–799 (the web tests' own) with an S4 measure and a pickup-only S4 offering, from the top (order-live takes the first from below). */
function pickS4Case() {
  const w = world();
  for (let i = 799; i >= 700; i--) {
    const person = w.persons[i]!;
    if (i === 793) continue; // the NCALayer sign-in test's person
    for (const m of w.measures.filter((x) => x.personId === person.id && x.kind === 'S4' && x.status === 'AWAITING_CHOICE')) {
      const offering = w.offerings.find((o) => o.itemTypeCode === m.itemTypeCode && o.regionCodes.includes(person.regionCode) && o.deliveryMode === 'PICKUP' && o.stock > 0);
      if (offering) return { index: i, person, measure: m, offering };
    }
  }
  throw new Error('no person 700–799 with an S4 measure to order for pickup');
}

const almatyDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(d);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The Monday at least a week ahead (Asia/Almaty): an invitation is sent in advance. */
function mondayAhead(today: string): string {
  let d = plusDays(today, 7);
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = plusDays(d, 1);
  return d;
}

async function orderedAndAccepted(url: string) {
  const c = pickS4Case();
  const token = await tokenFor(recipientIdentity(c.index));
  const key = `web-s4-${c.measure.id}`;
  const doc = await gql<{ orderDocument: string }>(url, 'query($m: ID!, $o: ID!, $k: String!) { orderDocument(measureId: $m, offeringId: $o, idempotencyKey: $k) }', { m: c.measure.id, o: c.offering.id, k: key }, token);
  expect(doc.errors, JSON.stringify(doc.errors)).toBeUndefined();
  const signed = await signDocument(await devSigner(c.person.iin), JSON.parse(doc.data!.orderDocument));
  const created = await gql<{ createOrder: { id: string; number: string; version: number; kind: string } }>(
    url,
    'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id number version kind } }',
    { input: { measureId: c.measure.id, offeringId: c.offering.id, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: signed.certificate } },
    token,
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  const order = created.data!.createOrder;
  expect(order.kind).toBe('S4');
  const supplier = await tokenFor(supplierIdentity(c.offering.supplierId));
  const accept = 'mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status } }';
  const accepted = await gql(url, accept, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: order.version }), supplier);
  expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
  return { ...c, order, recipientToken: token, supplierToken: supplier };
}

/** The order's current version, then one lifecycle step as the given caller. */
async function step(url: string, token: string, mutation: 'markOrderReady' | 'confirmHandover', id: string) {
  const now = await gql<{ order: { version: number } }>(url, 'query($id: ID!) { order(id: $id) { version } }', { id }, token);
  const r = await gql(url, `mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, version: $v) { id status } }`, { id, v: now.data!.order.version }, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
}

/** The phone rules at 360 px and a look at 1280 px: screenshots of both for a person to see. */
async function lookAt(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    const problems = await page.evaluate(layoutProblems, { target: 44, text: 16 });
    expect(problems.map((p) => `${name} ${width}px: ${p.what} — ${p.where}`)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `s4-${name}-${width}.png`), fullPage: true });
  }
}

describe('prosthetic and orthopaedic aid (S4) in Chromium', () => {
  it('the supplier keeps the prosthetics card; the recipient and the department see it', async () => {
    const url = web.platform.gateway.url;
    const { person, order, offering, recipientToken, supplierToken } = await orderedAndAccepted(url);
    const w = world();
    const supplierStaff = w.staff.find((s) => s.role === 'SUPPLIER' && s.supplierId === offering.supplierId)!;
    const officer = w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode === person.regionCode)!;
    const today = almatyDay(new Date());
    const monday = mondayAhead(today);

    // ---- the supplier, in Kazakh: from the incoming orders to the order's card
    const supplierCtx = await newContext(web.browser, web.base, 'kk');
    const page = await supplierCtx.newPage();
    trace(page, 'supplier');
    await signIn(page, supplierStaff.iin);
    await page.goto('/supplier/orders');
    await page.getByLabel('Мәртебесі бойынша тапсырыстарды көрсету').selectOption('ACCEPTED');
    await page.getByRole('row', { name: new RegExp(order.number) }).getByRole('link', { name: `Протездеу картасы ${order.number}` }).click();
    await page.getByRole('heading', { name: `${order.number} тапсырысының протездеу картасы` }).waitFor();
    await page.getByText('Әзірге ештеңе жазылмаған.').waitFor();

    // Measurements: an incomplete row is pointed at, two rows are saved.
    const names = page.getByLabel('Не өлшенді (мысалы, тұқыл ұзындығы, см)');
    const values = page.getByLabel('Мәні', { exact: true });
    await names.first().fill('Табан ұзындығы, см');
    await page.getByRole('button', { name: 'Өлшемдерді сақтау' }).click();
    await page.getByText('Не өлшенгенін де, мәнін де жазыңыз.').waitFor();
    await values.first().fill('24,5');
    await page.getByRole('button', { name: 'Өлшем қосу' }).click();
    await names.nth(1).fill('Табан ені, см');
    await values.nth(1).fill('9');
    await page.getByRole('button', { name: 'Өлшемдерді сақтау' }).click();
    await page.getByRole('status').getByText('2 өлшем сақталды.').waitFor();
    await page.locator('.facts').getByText('Табан ені, см', { exact: true }).waitFor();

    // Inpatient fitting: a repeat one over two weeks is refused by the portal's working-day count, beside the last day.
    await page.getByLabel('Қайталама (3 жұмыс күніне дейін)').check();
    await page.getByLabel('Бірінші күні').fill(monday);
    await page.getByLabel('Соңғы күні').fill(plusDays(monday, 11));
    await page.getByRole('button', { name: 'Алушыны шақыру' }).click();
    await page.getByText(/Бұл түр 3 жұмыс күніне дейін созылады/).waitFor();
    expect(await page.getByLabel('Соңғы күні').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Бастапқы (10 жұмыс күніне дейін)').check();
    await page.getByLabel('Соңғы күні').fill(plusDays(monday, 4));
    await page.getByRole('button', { name: 'Алушыны шақыру' }).click();
    await page.getByRole('status').getByText(/Алушы шақырылды: [1-5] жұмыс күні\./).waitFor();

    // Trips: one for an escort a year; the second is refused with the rule named.
    await page.getByLabel('Сапар күні').fill(today);
    await page.getByLabel('Жол ақысы, теңге').fill('1 500');
    await page.getByLabel('Алып жүрушінің сапары').check();
    await page.getByRole('button', { name: 'Сапарды тіркеу' }).click();
    await page.getByRole('status').getByText('Сапар тіркелді.').waitFor();
    await page.getByLabel('Сапар күні').fill(today);
    await page.getByLabel('Жол ақысы, теңге').fill('1 500');
    await page.getByLabel('Алып жүрушінің сапары').check();
    await page.getByRole('button', { name: 'Сапарды тіркеу' }).click();
    await page.getByText(`${today.slice(0, 4)} жылы тек 1 сапар өтеледі және ол тіркелген.`).waitFor();
    await page.getByText('Акт бұйым табысталғаннан кейін пайда болады.').waitFor();
    await expectAccessible(page, 'supplier prosthetics card');
    await lookAt(page, 'supplier-kk');
    await page.evaluate(() => localStorage.setItem('aleumet.lang', 'ru'));
    await page.reload();
    await page.getByRole('heading', { name: `Карта протезирования заказа ${order.number}` }).waitFor();
    await page.getByText('Протезирование', { exact: false }).first().waitFor();
    await lookAt(page, 'supplier-ru');

    // ---- handed over (through the API): the acceptance act is on the card
    await step(url, supplierToken, 'markOrderReady', order.id);
    await step(url, supplierToken, 'confirmHandover', order.id);
    await step(url, recipientToken, 'confirmHandover', order.id);
    await page.reload();
    const act = page.locator('pre.document', { hasText: 'Акт приёма-передачи' });
    await act.waitFor();
    expect(await act.textContent()).toContain(order.number);
    expect(await page.getByRole('button', { name: 'Сохранить замеры' }).count()).toBe(0);

    // ---- the recipient, in Russian: the card in the cabinet's orders
    const recipientCtx = await newContext(web.browser, web.base, 'ru');
    const rec = await recipientCtx.newPage();
    trace(rec, 'recipient');
    await signIn(rec, person.iin);
    await rec.goto('/orders');
    const article = rec.getByRole('article', { name: new RegExp(order.number) });
    await article.locator('summary', { hasText: 'Карта протезирования' }).click();
    await article.getByText('Табан ені, см', { exact: true }).waitFor();
    await article.getByText(/Первичное стационарное протезирование/).waitFor();
    await article.locator('pre.document', { hasText: 'Акт приёма-передачи' }).waitFor();
    await article.locator('pre.document', { hasText: 'Выписка из истории протезирования' }).waitFor();
    await expectAccessible(rec, 'recipient orders with the prosthetics card');
    await lookAt(rec, 'recipient-ru');

    // ---- the region's department, in Kazakh: the history extract
    const depCtx = await newContext(web.browser, web.base, 'kk');
    const dep = await depCtx.newPage();
    trace(dep, 'department');
    await signIn(dep, officer.iin);
    await dep.goto('/department/prosthetics');
    const card = dep.locator('li.card', { hasText: order.number });
    await card.locator('summary', { hasText: 'Протездеу тарихынан үзінді' }).click();
    await card.locator('pre.document', { hasText: 'Выписка из истории протезирования' }).waitFor();
    await card.getByText('Табан ені, см', { exact: true }).waitFor();
    // The department records the recipient's own trip (the supplier recorded the escort's): saved, and listed.
    await card.locator('summary', { hasText: 'Сапарды тіркеу' }).click();
    await card.getByLabel('Сапар күні').fill(today);
    await card.getByLabel('Жол ақысы, теңге').fill('2 000');
    await card.getByRole('button', { name: 'Сапарды тіркеу' }).click();
    await card.getByRole('status').getByText('Сапар тіркелді.').waitFor();
    const trips = await gql(url, `query($id: ID!) { order(id: $id) { prostheticsCard { trips { escort amount } } } }`, { id: order.id }, supplierToken);
    expect(trips.data.order.prostheticsCard.trips).toEqual([{ escort: true, amount: 150_000 }, { escort: false, amount: 200_000 }]);
    await expect.poll(() => card.locator('dd', { hasText: ';' }).count()).toBe(1);
    await expectAccessible(dep, 'department prosthetics extracts');
    await lookAt(dep, 'department-kk');

    await depCtx.close();
    await recipientCtx.close();
    await supplierCtx.close();
  }, 240_000);
});
