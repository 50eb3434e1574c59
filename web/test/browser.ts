import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect } from 'vitest';
import { startWebTestPlatform } from '@aleumet/platform/testing';
import type { Platform } from '@aleumet/platform';

export const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/**
 * The setup every browser test shares: the real platform (gateway serving the built app) and one
 * headless Chromium for the file, closed after it. Read `web.platform`, `web.browser`, `web.base` inside tests.
 */
export function useWebPlatform(options: Parameters<typeof startWebTestPlatform>[0] = {}): { platform: Platform; browser: Browser; base: string } {
  const web = {} as { platform: Platform; browser: Browser; base: string };
  beforeAll(async () => {
    web.platform = await startWebTestPlatform(options);
    web.base = web.platform.gateway.url.replace(/\/graphql$/, '');
    web.browser = await launchBrowser();
  });
  afterAll(async () => {
    await web.browser?.close();
    await web.platform?.close();
  });
  return web;
}

/** Debian's chromium, headless, as root, with a fresh profile; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export async function newContext(browser: Browser, baseURL: string, lang: 'kk' | 'ru' | 'en' = 'kk'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: lang === 'kk' ? 'kk-KZ' : lang === 'ru' ? 'ru-RU' : 'en-GB', timezoneId: 'Asia/Almaty', viewport: { width: 1280, height: 900 } });
  // The remembered language: set before any page script runs.
  await context.addInitScript((l) => {
    if (!localStorage.getItem('aleumet.lang')) localStorage.setItem('aleumet.lang', l);
  }, lang);
  return context;
}

/** axe-core with the WCAG 2.0/2.1 A and AA rules; any violation fails the test with a readable list. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the UI: IIN, then the development EDS signer in the browser. */
export async function signIn(page: Page, iin: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[name="iin"]').fill(iin);
  await page.locator('form button[type="submit"]').click();
  await page.locator('section[aria-labelledby="step2"] button').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/**
 * Keyboard only: presses Tab (or Shift+Tab) until the focused element matches, checks that the
 * focus is visible (an outline is drawn), and fails after `max` presses.
 */
export async function tabTo(page: Page, matches: (el: Element) => boolean, opts: { max?: number; backwards?: boolean } = {}): Promise<void>;
export async function tabTo(page: Page, selector: string, opts?: { max?: number; backwards?: boolean }): Promise<void>;
export async function tabTo(page: Page, target: string | ((el: Element) => boolean), opts: { max?: number; backwards?: boolean } = {}): Promise<void> {
  const max = opts.max ?? 80;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab');
    const hit =
      typeof target === 'string'
        ? await page.evaluate((sel) => !!document.activeElement?.matches(sel), target)
        : await page.evaluate(`(${target.toString()})(document.activeElement)`);
    if (hit) {
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(outline.style !== 'none' && outline.width >= 2, `focus must be visible on ${String(target)}`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab did not reach ${String(target)} in ${max} presses`);
}

/** Records the graphql-ws frames a page receives (to prove a change arrived over the subscription). */
export function recordSocketFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))));
  return frames;
}

/** Logs page errors and GraphQL errors (helps when a step times out); a 15 s default timeout. */
export function trace(page: Page, who: string): void {
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.log(`[${who} pageerror]`, e.message));
  page.on('response', async (r) => {
    if (!r.url().endsWith('/graphql')) return;
    const body = await r.text().catch(() => '');
    if (body.includes('"errors"')) console.log(`[${who} graphql error]`, r.request().postData()?.slice(0, 200), body.slice(0, 600));
  });
}
