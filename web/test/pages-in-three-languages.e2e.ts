import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { world } from '@aleumet/testkit';
import { expectAccessible, newContext, useWebPlatform, screenshot, signIn, trace } from './browser.js';
import { en } from '../src/app/messages/en.js';
import { kk } from '../src/app/messages/kk.js';
import { ru } from '../src/app/messages/ru.js';

/**
 * The main pages in Kazakh, Russian and English: language switched in the header (and remembered),
 * axe on every page, screenshots under web/test/screenshots/ for reviewers. Read-only.
 */
const LANGS = { kk, ru, en } as const;
type Lang = keyof typeof LANGS;

const web = useWebPlatform();

async function switchLanguage(page: Page, lang: Lang) {
  await page.locator('#lang-select').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

async function visit(page: Page, path: string, name: string, lang: Lang, heading: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // Data loaded: no "Loading…" left on the page.
  await expect.poll(() => page.locator('p.loading').count(), { timeout: 15_000 }).toBe(0);
  const t0 = Date.now();
  await expectAccessible(page, `${name} (${lang})`);
  await screenshot(page, `${name}-${lang}`);
  console.log(`${name}-${lang}: axe and screenshot ${Date.now() - t0} ms`);
}

describe('main pages in kk, ru and en', () => {
  it('public pages: language switch is remembered, dates and tenge per locale', async () => {
    const ctx = await newContext(web.browser, web.base, 'kk');
    const page = await ctx.newPage();
    trace(page, 'anonymous');
    await page.goto('/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    for (const lang of ['kk', 'ru', 'en'] as Lang[]) {
      await switchLanguage(page, lang);
      const m = LANGS[lang];
      await visit(page, '/', 'home', lang, m.home.title);
      await visit(page, '/catalog?region=KZ-71&kind=S6', 'catalog', lang, m.catalog.title);
      const price = await page.locator('.card .money').first().textContent();
      expect(price).toMatch(/₸|KZT/);
      await visit(page, '/sign-in', 'sign-in', lang, m.auth.title);
    }
    // Remembered across a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.auth.title }).waitFor();
    await ctx.close();
  }, 300_000);

  it("offerings read in the person's language: Kazakh, Russian, English; without English, Russian", async () => {
    const w = world();
    const withEn = w.offerings.find((o) => o.titleEn)!;
    const withoutEn = w.offerings.find((o) => !o.titleEn)!;
    const ctx = await newContext(web.browser, web.base, 'kk');
    const page = await ctx.newPage();
    const expected = { kk: [withEn.titleKk, withEn.descriptionKk], ru: [withEn.title, withEn.description], en: [withEn.titleEn!, withEn.descriptionEn!] } as const;
    await page.goto('/');
    for (const lang of ['kk', 'ru', 'en'] as Lang[]) {
      await switchLanguage(page, lang);
      await page.goto(`/catalog/${withEn.id}`);
      await page.getByRole('heading', { level: 1, name: expected[lang][0] }).waitFor();
      await page.getByText(expected[lang][1], { exact: true }).waitFor();
    }
    await page.goto(`/catalog/${withoutEn.id}`);
    await page.getByRole('heading', { level: 1, name: withoutEn.title }).waitFor();
    // The catalog's cards too.
    await page.goto(`/catalog?kind=${withEn.kind}`);
    await switchLanguage(page, 'kk');
    await page.getByRole('link', { name: withEn.titleKk }).first().waitFor();
    await ctx.close();
  }, 120_000);

  it('forms mark the field at fault the same way: catalog filters, a new offering', async () => {
    /** The field is aria-invalid, focused, and described by the message beside it. */
    async function marked(page: Page, name: string, message: string) {
      const field = page.locator(`[name="${name}"]`).first();
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      const texts = await Promise.all(describedBy.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
      expect(texts).toContain(message);
    }
    const ctx = await newContext(web.browser, web.base, 'ru');
    const page = await ctx.newPage();
    await page.goto('/catalog');
    await page.getByLabel(ru.catalog.maxPrice).fill('дёшево');
    await page.getByRole('button', { name: ru.catalog.apply }).click();
    await marked(page, 'maxPrice', ru.catalog.maxPriceInvalid);
    expect(new URL(page.url()).search).toBe('');
    await expectAccessible(page, 'catalog filters with an error');

    const staff = world().staff.find((x) => x.role === 'SUPPLIER')!;
    await signIn(page, staff.iin);
    await page.goto('/supplier');
    await page.getByLabel(ru.supplier.texts.title).fill('Кресло-коляска');
    await page.getByRole('button', { name: ru.supplier.publish }).click();
    await marked(page, 'titleKk', ru.supplier.titleInvalid);
    await expectAccessible(page, 'new offering with an error');
    await ctx.close();
  }, 120_000);

  it('a representative switches to a represented person', async () => {
    const w = world();
    const representatives = w.persons.filter((p) => p.category === 'NONE');
    const rep = representatives[representatives.length - 1]!;
    const principalId = w.representations.find((r) => r.representativeId === rep.id)!.principalId;
    const principal = w.persons.find((p) => p.id === principalId)!;
    const fullName = [principal.lastName, principal.firstName, principal.middleName].filter(Boolean).join(' ');
    const principalButton = () => page.getByRole('button', { name: new RegExp(`^${fullName} \\(`) });

    const ctx = await newContext(web.browser, web.base, 'ru');
    const page = await ctx.newPage();
    trace(page, 'representative');
    await signIn(page, rep.iin);
    await page.getByRole('heading', { name: ru.cabinet.actingFor }).waitFor();
    await principalButton().click();
    await page.locator('dd', { hasText: principal.iin }).waitFor();
    expect(await principalButton().getAttribute('aria-pressed')).toBe('true');
    for (const lang of ['kk', 'ru', 'en'] as Lang[]) {
      await switchLanguage(page, lang);
      await visit(page, '/cabinet', 'cabinet', lang, LANGS[lang].cabinet.title);
      // Still acting for the represented person.
      await page.locator('dd', { hasText: principal.iin }).waitFor();
      await visit(page, '/orders', 'orders', lang, LANGS[lang].orders.title);
    }
    await ctx.close();
  }, 300_000);

  it('supplier portal and department console', async () => {
    const w = world();
    const supplierStaff = w.staff.find((s) => s.role === 'SUPPLIER')!;
    const sctx = await newContext(web.browser, web.base, 'en');
    const supplier = await sctx.newPage();
    trace(supplier, 'supplier');
    await signIn(supplier, supplierStaff.iin);
    for (const lang of ['kk', 'ru', 'en'] as Lang[]) {
      await switchLanguage(supplier, lang);
      await visit(supplier, '/supplier', 'supplier', lang, LANGS[lang].supplier.title);
      await visit(supplier, '/supplier/orders', 'supplier-orders', lang, LANGS[lang].supplier.ordersTitle);
      await visit(supplier, '/supplier/journals', 'supplier-journals', lang, LANGS[lang].journals.title);
    }
    await sctx.close();

    const dep = w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode === 'KZ-75')!;
    const dctx = await newContext(web.browser, web.base, 'kk');
    const console_ = await dctx.newPage();
    trace(console_, 'department');
    await signIn(console_, dep.iin);
    for (const lang of ['kk', 'ru', 'en'] as Lang[]) {
      await switchLanguage(console_, lang);
      await visit(console_, '/department', 'department', lang, LANGS[lang].department.title);
      await console_.getByRole('figure').first().waitFor();
    }
    await dctx.close();
  }, 300_000);

  it('the guaranteed social package: a parent sees the child\'s kinds, volumes and statuses; the region\'s department lists its recipients', async () => {
    const w = world();
    const seeded = w.gspEntitlements.find((g) => w.representations.some((r) => r.principalId === g.personId && r.kind === 'LEGAL_REPRESENTATIVE'))!;
    const parentId = w.representations.find((r) => r.principalId === seeded.personId && r.kind === 'LEGAL_REPRESENTATIVE')!.representativeId;
    const parent = w.persons.find((p) => p.id === parentId)!;
    const child = w.persons.find((p) => p.id === seeded.personId)!;
    const childName = [child.lastName, child.firstName, child.middleName].filter(Boolean).join(' ');
    const own = w.gspEntitlements.filter((g) => g.personId === child.id);

    const ctx = await newContext(web.browser, web.base, 'kk');
    const page = await ctx.newPage();
    trace(page, 'gsp-parent');
    await signIn(page, parent.iin);
    await page.getByRole('button', { name: new RegExp(`^${childName} \\(`) }).click();
    await page.locator('dd', { hasText: child.iin }).waitFor();
    for (const lang of ['kk', 'ru', 'en'] as Lang[]) {
      await switchLanguage(page, lang);
      const m = LANGS[lang];
      await visit(page, '/cabinet', 'cabinet-gsp', lang, m.cabinet.title);
      const table = page.getByRole('table', { name: m.cabinet.gspTable });
      for (const g of own) {
        const row = table.getByRole('row').filter({ hasText: m.gspKind[g.kind] });
        await expect.poll(() => row.innerText()).toContain(m.status.gsp[g.status]);
      }
    }
    await ctx.close();

    const dep = w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode === seeded.regionCode)!;
    const dctx = await newContext(web.browser, web.base, 'ru');
    const console_ = await dctx.newPage();
    trace(console_, 'department-gsp');
    await signIn(console_, dep.iin);
    for (const lang of ['kk', 'ru', 'en'] as Lang[]) {
      await switchLanguage(console_, lang);
      await visit(console_, '/department/gsp', 'department-gsp', lang, LANGS[lang].departmentGsp.title);
      await console_.getByRole('table', { name: LANGS[lang].departmentGsp.table }).getByRole('row', { name: new RegExp(childName) }).first().waitFor();
    }
    await dctx.close();
  }, 300_000);
});
