import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminIdentity, gql, tokenFor, world } from '@aleumet/testkit';
import { expectAccessible, newContext, signIn, tabTo, trace, useWebPlatform } from './browser.js';
import { ROUTES } from '../src/app/features.js';
import { layoutProblems } from './layout.js';

/**
 * Every route for every role in kk, ru and en, at 360 px (a phone), 768 px (a tablet) and 1280 px:
 * the page never scrolls sideways, every visible control is at least 44×44 px to tap (a checkbox or
 * radio through its label), and text is at least 16 px. Screenshots of each page at 360 and 1280 px
 * go to web/test-results/screens/ (not committed) for a person to look at. Read-only, except that the
 * contact centre's number is set to a short one (as the administrators' test also does), since a short
 * link is the narrowest tap target of every page.
 */
const SCREENS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screens');
const LANGS = ['kk', 'ru', 'en'] as const;
const WIDTHS = [360, 768, 1280] as const;
const MIN_TARGET = 44;
const MIN_TEXT = 16;

const web = useWebPlatform();

async function settle(page: Page, path: string) {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('p.loading').count(), { timeout: 15_000 }).toBe(0);
}

/** Visits each path in each language and width; returns every problem found (the test fails on any). */
async function check(page: Page, role: string, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const lang of LANGS) {
    await page.evaluate((l) => localStorage.setItem('aleumet.lang', l), lang);
    for (const p of paths) {
      await page.setViewportSize({ width: 360, height: 740 });
      await settle(page, p);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
        const problems = await page.evaluate(layoutProblems, { target: MIN_TARGET, text: MIN_TEXT });
        // One line per kind of problem and element, so the list stays readable.
        for (const pr of new Map(problems.map((x) => [`${x.what} ${x.where}`, x])).values()) found.push(`${role} ${p} ${lang} ${width}px: ${pr.what} — ${pr.where}`);
        if (width !== 768) {
          const name = `${role}${p.split('?')[0]!.replace(/\//g, '-').replace(/-$/, '') || '-home'}-${lang}-${width}`;
          await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
        }
      }
    }
  }
  return found;
}

describe('every page on a phone, a tablet and a desktop, in kk, ru and en', () => {
  const w = world();
  const byPerson = new Map<string, number>();
  for (const o of w.orders) byPerson.set(o.personId, (byPerson.get(o.personId) ?? 0) + 1);
  const awaiting = w.measures.filter((m) => m.status === 'AWAITING_CHOICE' && byPerson.has(m.personId));
  const measure = awaiting.find((m) => w.offerings.some((o) => o.kind === m.kind && o.itemTypeCode === m.itemTypeCode && o.regionCodes.includes(m.regionCode)))!;
  const offering = w.offerings.find((o) => o.kind === measure.kind && o.itemTypeCode === measure.itemTypeCode && o.regionCodes.includes(measure.regionCode))!;
  const recipient = w.persons.find((p) => p.id === measure.personId)!;
  const bySupplier = new Map<string, number>();
  for (const o of w.orders) bySupplier.set(o.supplierId, (bySupplier.get(o.supplierId) ?? 0) + 1);
  const busiest = [...bySupplier].sort((a, b) => b[1] - a[1])[0]![0];
  const supplierStaff = w.staff.find((s) => s.role === 'SUPPLIER' && s.supplierId === busiest)!;
  const officer = w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode === recipient.regionCode) ?? w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT')!;
  const admin = w.staff.find((s) => s.role === 'ADMIN')!;
  // A recipient of the guaranteed social package (with an IPR too): the cabinet shows both.
  const gspRecipient = w.persons.find((p) => p.id === w.gspEntitlements[0]!.personId)!;

  const VISITS: { role: string; iin?: string; paths: string[] }[] = [
    { role: 'anonymous', paths: ['/', '/catalog', `/catalog/${offering.id}`, '/sign-in', '/help'] },
    { role: 'recipient', iin: recipient.iin, paths: ['/cabinet', '/orders', `/orders/new?measure=${measure.id}&offering=${offering.id}`, `/catalog/${offering.id}?measure=${measure.id}`, '/support', '/supplier-registration', '/catalog', '/cabinet/representatives', '/notifications'] },
    { role: 'gsp-recipient', iin: gspRecipient.iin, paths: ['/cabinet'] },
    { role: 'supplier', iin: supplierStaff.iin, paths: ['/supplier', '/supplier/orders', '/supplier/prosthetics', '/supplier/journals', '/supplier/signers', '/supplier-registration'] },
    { role: 'officer', iin: officer.iin, paths: ['/department', '/department/representatives', '/department/complaints', '/department/prosthetics', '/department/special-services', '/department/gsp', '/department/refused', '/notifications'] },
    { role: 'admin', iin: admin.iin, paths: ['/admin', '/admin/content', '/department', '/department/refused', '/admin/webhooks'] },
  ];

  it('the visits cover every route of the app', () => {
    const visited = VISITS.flatMap((v) => v.paths.map((p) => p.split('?')[0]!));
    // A route with a parameter (`/catalog/:id`) is visited by any path of its shape.
    const shape = (route: string) => new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+')}$`);
    expect(ROUTES.map((r) => r.path).filter((p) => !visited.some((v) => shape(p).test(v)))).toEqual([]);
  });

  it('on a phone the header is one bar; its menu button opens the navigation and the language, by keyboard too', async () => {
    for (const lang of ['kk', 'ru'] as const) {
      const ctx = await newContext(web.browser, web.base, lang);
      const page = await ctx.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await signIn(page, supplierStaff.iin);
      await settle(page, '/supplier/orders');
      const header = page.locator('header.site-header');
      const button = header.locator('button.menu-button');
      const nav = header.getByRole('navigation');
      const height = async () => (await header.boundingBox())!.height;
      expect(await height(), `${lang}: header height`).toBeLessThanOrEqual(72);
      expect(await nav.isVisible()).toBe(false);
      expect(await page.locator('#lang-select').isVisible()).toBe(false);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      const box = (await button.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(MIN_TARGET);

      // Keyboard: Tab to the button, Enter opens, the links follow it; Escape closes and gives the focus back.
      await tabTo(page, 'header button.menu-button');
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await nav.waitFor();
      expect(await page.locator('#lang-select').isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('nav') !== null)).toBe(true);
      expect((await page.evaluate(layoutProblems, { target: MIN_TARGET, text: MIN_TEXT })).map((p) => `${p.what} — ${p.where}`)).toEqual([]);
      await expectAccessible(page, `${lang} menu open at 360 px`);
      await page.screenshot({ path: path.join(SCREENS, `header-menu-${lang}-360.png`) });
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('menu-button'))).toBe(true);

      // A link in the menu goes to its page and closes the menu.
      await button.click();
      await nav.getByRole('link').first().click();
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');

      // On a desktop there is no menu button: the navigation is in sight.
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await button.isVisible()).toBe(false);
      expect(await nav.isVisible()).toBe(true);
      expect(await page.locator('#lang-select').isVisible()).toBe(true);
      await ctx.close();
    }
  }, 120_000);

  it('no sideways scroll, 44 px tap targets and 16 px text everywhere', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const admin = await tokenFor(adminIdentity());
    const set = await gql(web.platform.gateway.url, `mutation { setContactCenter(input: { phone: "1414" }) { phone } }`, {}, admin);
    expect(set.errors).toBeUndefined();
    const problems: string[] = [];
    for (const visit of VISITS) {
      const ctx = await newContext(web.browser, web.base, 'kk');
      const page = await ctx.newPage();
      trace(page, visit.role);
      await page.setViewportSize({ width: 360, height: 740 });
      if (visit.iin) await signIn(page, visit.iin);
      else await page.goto('/');
      const t0 = Date.now();
      problems.push(...(await check(page, visit.role, visit.paths)));
      console.log(`${visit.role}: ${visit.paths.length} pages × 3 languages × 3 widths in ${Date.now() - t0} ms`);
      await ctx.close();
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
