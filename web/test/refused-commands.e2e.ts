import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enqueueCommand } from '@aleumet/events';
import { REGIONS, uuidv7 } from '@aleumet/core';
import { world } from '@aleumet/testkit';
import { expectAccessible, newContext, screenshot, signIn, trace, useWebPlatform } from './browser.js';
import { layoutProblems } from './layout.js';
import { kk } from '../src/app/messages/kk.js';
import { ru } from '../src/app/messages/ru.js';
import { en } from '../src/app/messages/en.js';
import { freshPerson, guaranteed, offeringFor, publishOne, signAndOrder } from '../../subgraphs/orders/test/helpers.js';

/**
 * The department's list of refused changes in Chromium: programs refuses for good to hold the measure of
 * a new order (the measure is not known there), orders cancels the order, and the officer of the order's
 * region finds the refusal on its page (reached from the navigation) in Kazakh and Russian, as a card on
 * a phone and as a table row on a desktop, with what was done; the administrator sees it with the region.
 */
const web = useWebPlatform();

async function loaded(page: Page) {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('p.loading').count(), { timeout: 15_000 }).toBe(0);
}

describe('refused changes in Chromium', () => {
  it("the region's officer sees a refusal and what was done, in kk and ru, at 360 and 1280 px; the administrator too", async () => {
    const w = world();
    const officers = new Map(w.staff.filter((s) => s.role === 'EMPLOYMENT_DEPARTMENT').map((s) => [s.regionCode, s]));
    // A fresh recipient whose region has an officer in the demo world.
    const { person, index } = [81, 82, 83, 84, 85].map((n) => freshPerson(n, 'S5')).find((p) => officers.has(p.person.regionCode))!;
    const officer = officers.get(person.regionCode)!;
    const offering = offeringFor(person, 'S5');
    const { measure } = await publishOne(web.platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const created = (await signAndOrder(web.platform, index, measure.id, offering.id)).res;
    expect(created.errors).toBeUndefined();
    const order = created.data.createOrder as { id: string };
    await web.platform.runtime.scheduler.runAll({ only: ['orders:commands'] });
    // Orders asks programs to hold a measure programs does not know: refused for good (NOT_FOUND), the order is cancelled.
    await web.platform.subgraphs.orders.orm.em.fork().transactional(async (tx) => {
      enqueueCommand(tx, 'programs', 'internalMeasureOrdered', { orderId: order.id, measureId: uuidv7(), supplierId: offering.supplierId });
    });
    await web.platform.runtime.scheduler.runAll({ only: ['orders:commands'] });

    for (const [lang, strings] of [['kk', kk], ['ru', ru]] as const) {
      const ctx = await newContext(web.browser, web.base, lang);
      const page = await ctx.newPage();
      trace(page, `officer ${lang}`);
      await signIn(page, officer.iin);
      await loaded(page);
      // From the department's navigation.
      await page.getByRole('navigation').first().getByRole('link', { name: strings.refusedCommands.nav }).click();
      await page.waitForURL((u) => u.pathname === '/department/refused');
      await page.getByRole('heading', { level: 1, name: strings.refusedCommands.title }).waitFor();
      await loaded(page);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
        const row = page.locator('table.stack tbody tr').filter({ hasText: order.id });
        await expect.poll(() => row.count()).toBe(1);
        await expect.poll(() => row.textContent()).toContain(strings.refusedCommands.command.internalMeasureOrdered);
        const text = (await row.textContent())!;
        expect(text).toContain('order cancelled: holding the measure was refused');
        expect(text).toContain('NOT_FOUND');
        expect(text).toContain(strings.refusedCommands.entity.Order);
        expect(text).toContain(`${strings.refusedCommands.service.orders} → ${strings.refusedCommands.service.programs}`);
        // A card on a phone (the column names beside the values), a row of a table on a desktop.
        const headVisible = await page.locator('table.stack thead th').first().isVisible();
        const box = (await row.boundingBox())!;
        if (width === 360) {
          expect(box.width).toBeLessThanOrEqual(360);
          expect(await row.locator('td[data-label]').first().evaluate((td) => getComputedStyle(td).display)).toBe('block');
        } else {
          expect(headVisible).toBe(true);
          expect(await row.locator('td').first().evaluate((td) => getComputedStyle(td).display)).toBe('table-cell');
        }
        expect((await page.evaluate(layoutProblems, { target: 44, text: 16 })).map((p) => `${p.what} — ${p.where}`)).toEqual([]);
        await expectAccessible(page, `refused changes ${lang} ${width} px`);
        await screenshot(page, `refused-commands-officer-${lang}-${width}`);
      }
      await ctx.close();
    }

    const admin = w.staff.find((s) => s.role === 'ADMIN')!;
    const ctx = await newContext(web.browser, web.base, 'en');
    const page = await ctx.newPage();
    trace(page, 'admin');
    await signIn(page, admin.iin);
    await page.goto('/department/refused');
    await page.getByRole('heading', { level: 1, name: en.refusedCommands.title }).waitFor();
    await loaded(page);
    const row = page.locator('table.stack tbody tr').filter({ hasText: order.id });
    await expect.poll(() => row.count()).toBe(1);
    const region = REGIONS.find((r) => r.code === person.regionCode)!;
    await expect.poll(() => row.locator(`td[data-label="${en.refusedCommands.region}"]`).textContent()).toBe(region.en);
    await expectAccessible(page, 'refused changes admin en');
    await ctx.close();
  });
});
