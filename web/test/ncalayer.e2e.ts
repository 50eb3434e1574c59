import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPlatform, type Platform } from '@aleumet/platform';
import { WEB_DIR } from '@aleumet/platform/testing';
import { world } from '@aleumet/testkit';
import { startFakeNcaLayer, startTestPki, type FakeNcaLayer, type TestPki } from '@aleumet/testkit/nca';
import { en as messages } from '../src/app/messages/en.js';

const en = messages.auth;
import { launchBrowser, newContext } from './browser.js';

/**
 * The production signing path in Chromium: the app built with VITE_EDS_SIGNER=ncalayer talks to a
 * fake NCALayer on loopback (the real protocol), the people subgraph verifies the CMS against
 * NCA RK-shaped trust anchors with OCSP. NCALayer not running, a cancelled signing and a key of
 * the wrong kind are shown in the person's language with what to do; KAZTOKEN signs the same way. Persons 700–799 of the demo world belong to the web tests.
 */
let pki: TestPki;
let ncaLayer: FakeNcaLayer;
let platform: Platform;
let browser: Browser;
let base: string;
const dirs: string[] = [];
const saved = { dir: process.env.EDS_TRUST_DIR, policy: process.env.EDS_REVOCATION_UNAVAILABLE };

beforeAll(async () => {
  pki = await startTestPki();
  ncaLayer = await startFakeNcaLayer(pki);
  const anchors = mkdtempSync(path.join(tmpdir(), 'eds-anchors-'));
  const webDir = mkdtempSync(path.join(tmpdir(), 'aleumet-web-ncalayer-'));
  dirs.push(anchors, webDir);
  writeFileSync(path.join(anchors, 'nca.pem'), pki.anchorsPem());
  process.env.EDS_TRUST_DIR = anchors;
  process.env.EDS_REVOCATION_UNAVAILABLE = 'refuse';
  execFileSync('npx', ['vite', 'build', '--outDir', webDir, '--emptyOutDir'], {
    cwd: WEB_DIR,
    stdio: 'pipe',
    env: { ...process.env, VITE_EDS_SIGNER: 'ncalayer', VITE_NCALAYER_URL: ncaLayer.url },
  });
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'), webDir, gatewayPort: 0, subgraphPorts: { people: 0, programs: 0, catalog: 0, orders: 0, finance: 0 },
  });
  base = platform.gateway.url.replace(/\/graphql$/, '');
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await ncaLayer?.close();
  await pki?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const [k, v] of [['EDS_TRUST_DIR', saved.dir], ['EDS_REVOCATION_UNAVAILABLE', saved.policy]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('signing in with NCALayer in Chromium', () => {
  it('explains NCALayer not running, a cancelled signing and a key of the wrong kind, then signs in through KAZTOKEN with the authentication key', { timeout: 60_000 }, async () => {
    const person = world().persons[793]!;
    const context = await newContext(browser, base, 'en');
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.locator('input[name="iin"]').fill(person.iin);
    await page.locator('form button[type="submit"]').click();
    const step2 = page.locator('section[aria-labelledby="step2"]');
    await expect.poll(() => step2.locator('[role="note"]').textContent()).toBe(en.ncaLayerNote);
    const alert = page.locator('.error[role="alert"]');

    await ncaLayer.down();
    await step2.locator('button').click();
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toBe(en.signer.NCALAYER_NOT_RUNNING);
    await ncaLayer.up();

    ncaLayer.mode = 'cancel';
    await step2.locator('button').click();
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toBe(en.signer.CANCELLED);

    // Only a signing key in the storage: NCALayer finds none with client authentication.
    ncaLayer.mode = 'sign';
    ncaLayer.key = await pki.issue({ iin: person.iin, purpose: 'SIGN' });
    await step2.locator('button').click();
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toBe(en.signer.WRONG_KEY);

    // KAZTOKEN mobile/desktop speaks the same protocol once the client has recognized it.
    ncaLayer.product = 'kaztoken';
    ncaLayer.key = await pki.issue({ iin: person.iin, name: `${person.lastName} ${person.firstName}`, purpose: 'AUTH' });
    ncaLayer.requests.length = 0;
    await step2.locator('button').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 15_000 });
    expect(ncaLayer.requests.map((r) => `${r.module}.${r.method}`)).toEqual(['kz.digiflow.mobile.extensions.getVersion', 'kz.gov.pki.knca.basics.sign']);
    const sign = ncaLayer.requests.find((r) => r.module === 'kz.gov.pki.knca.basics')!;
    expect(sign.args).toMatchObject({ format: 'cms', locale: 'en', signerParams: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.2'] } });
    expect(JSON.parse(Buffer.from(sign.args!.data as string, 'base64').toString('utf8'))).toMatchObject({ purpose: 'sign-in', iin: person.iin });
    await context.close();
  });
});
