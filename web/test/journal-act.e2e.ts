import { describe, expect, it } from 'vitest';
import { gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { devSigner, signDocument } from '@aleumet/signing';
import { expectAccessible, newContext, useWebPlatform, signIn, trace } from './browser.js';

/** A person 700–799 (the web tests' own people) with an S1 measure to order, and an S1 offering in its region. */
function pickS1Case() {
  const w = world();
  for (let i = 799; i >= 700; i--) {
    const person = w.persons[i]!;
    for (const m of w.measures.filter((x) => x.personId === person.id && x.kind === 'S1' && x.status === 'AWAITING_CHOICE')) {
      const offering = w.offerings.find((o) => o.itemTypeCode === m.itemTypeCode && o.regionCodes.includes(person.regionCode));
      if (offering) return { index: i, person, measure: m, offering };
    }
  }
  throw new Error('no person 700–799 with an S1 measure to order');
}

/** Orders and accepts through the API (the browser flow of ordering is covered by order-live.e2e.ts). */
async function acceptedS1Order(url: string) {
  const c = pickS1Case();
  const token = await tokenFor(recipientIdentity(c.index));
  const key = `web-journal-${c.measure.id}`;
  const doc = await gql<{ orderDocument: string }>(url, 'query($m: ID!, $o: ID!, $k: String!) { orderDocument(measureId: $m, offeringId: $o, idempotencyKey: $k) }', { m: c.measure.id, o: c.offering.id, k: key }, token);
  expect(doc.errors).toBeUndefined();
  const signed = await signDocument(await devSigner(c.person.iin), JSON.parse(doc.data!.orderDocument));
  const created = await gql<{ createOrder: { id: string; number: string; version: number } }>(
    url,
    'mutation($input: CreateOrderInput!) { createOrder(input: $input) { id number version } }',
    { input: { measureId: c.measure.id, offeringId: c.offering.id, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: signed.certificate } },
    token,
  );
  expect(created.errors).toBeUndefined();
  const order = created.data!.createOrder;
  const supplier = await tokenFor(supplierIdentity(c.offering.supplierId));
  const accept = 'mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status } }';
  const accepted = await gql(url, accept, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: order.version }), supplier);
  expect(accepted.errors).toBeUndefined();
  return { ...c, order };
}

const web = useWebPlatform();


describe('S1 journal and act in Chromium', () => {
  it('a supplier logs S1 hours with the limit shown, submits the monthly act, and the department approves it', async () => {
    const { person, order, offering } = await acceptedS1Order(web.platform.gateway.url);
    const w = world();
    const supplierStaff = w.staff.find((s) => s.supplierId === offering.supplierId)!;
    const department = w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode === person.regionCode)!;

    // ---- supplier, in Kazakh
    const supplierCtx = await newContext(web.browser, web.base, 'kk');
    const page = await supplierCtx.newPage();
    trace(page, 'supplier');
    await signIn(page, supplierStaff.iin);
    await page.goto('/supplier/journals');
    await page.getByLabel('Тапсырыс', { exact: true }).selectOption(order.id);
    await page.getByRole('heading', { name: `${order.number} тапсырысының журналы` }).waitFor();
    await expectAccessible(page, 'journals');
    await page.getByLabel('Басталуы').fill('09:00');
    await page.getByLabel('Аяқталуы').fill('19:00');
    // Ten hours: the limit is explained before submitting, and the row is not sent.
    await page.locator('#limit-text').getByText('күніне 8 сағат').waitFor();
    await page.getByRole('button', { name: 'Жазбаны сақтау' }).click();
    await page.getByRole('alert').getByText('шектеуден асады').waitFor();
    await page.getByLabel('Аяқталуы').fill('12:30');
    await page.getByLabel('Барған орындар').fill('Емхана, Дәріхана');
    await page.getByRole('button', { name: 'Жазбаны сақтау' }).click();
    await page.getByRole('status').getByText('Сақталды').waitFor();
    await page.getByRole('cell', { name: 'Емхана, Дәріхана' }).waitFor();
    await page.getByRole('button', { name: 'Актіні қалыптастыру' }).click();
    const actRow = page.locator('section[aria-labelledby="acts-title"] tbody tr').first();
    await actRow.getByText('Жоба').waitFor();
    await expect.poll(() => actRow.locator('td').first().textContent()).toMatch(/3[.,]5/);
    await actRow.getByRole('button', { name: /Бөлімге жіберу/ }).click();
    await actRow.getByText('Жіберілді').waitFor();
    await expectAccessible(page, 'journals with a submitted act');
    const period = (await actRow.locator('th').textContent())!;

    // ---- the employment department of the person's region, in Russian
    const depCtx = await newContext(web.browser, web.base, 'ru');
    const dep = await depCtx.newPage();
    trace(dep, 'department');
    await signIn(dep, department.iin);
    expect(new URL(dep.url()).pathname).toBe('/department');
    const row = dep.locator('section[aria-labelledby="acts-title"] tbody tr', { hasText: period }).first();
    await row.waitFor();
    await expectAccessible(dep, 'department console');
    await row.getByRole('button', { name: /Утвердить/ }).click();
    await dep.getByRole('status').getByText('Акт утверждён').waitFor();
    await row.getByText('Утверждён').waitFor();
    await expectAccessible(dep, 'department console after approval');

    // ---- the supplier sees the act approved
    await page.reload();
    await page.getByLabel('Тапсырыс', { exact: true }).selectOption(order.id);
    await page.locator('section[aria-labelledby="acts-title"] tbody tr', { hasText: period }).getByText('Бекітілді').waitFor();

    await depCtx.close();
    await supplierCtx.close();
  }, 180_000);
});
