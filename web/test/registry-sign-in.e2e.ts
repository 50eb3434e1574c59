import { describe, expect, it } from 'vitest';
import { REGISTRY_ONLY_ORGANIZATIONS, REGISTRY_ONLY_PERSONS, registryOnlyPhone } from '@aleumet/demo-data';
import { expectAccessible, newContext, screenshot, signIn, trace, useWebPlatform } from './browser.js';
import { kk } from '../src/app/messages/kk.js';

/**
 * A person the portal has never seen signs in with the EDS (the development signer) in Kazakh: the
 * person registry creates the account, and the cabinet shows the registry's data, БМГ's number and no
 * program yet. Then the registration form fills an organization's card from the legal-entity registry.
 * REGISTRY_ONLY_PERSONS[0] and REGISTRY_ONLY_ORGANIZATIONS[0] of @aleumet/demo-data are this file's.
 */
const web = useWebPlatform();

describe('first sign-in of a person from the state registry, in Chromium', () => {
  it('the account is created at sign-in and the cabinet is empty but filled from the registry (kk)', async () => {
    const person = REGISTRY_ONLY_PERSONS[0]!;
    const org = REGISTRY_ONLY_ORGANIZATIONS[0]!;
    const people = web.platform.subgraphs.people.orm.em.getConnection();
    expect(await people.execute('select count(*)::int as n from people.person where iin = ?', [person.iin])).toEqual([{ n: 0 }]);

    const ctx = await newContext(web.browser, web.base, 'kk');
    const page = await ctx.newPage();
    trace(page, 'new person');
    await signIn(page, person.iin);
    expect(new URL(page.url()).pathname).toBe('/cabinet');
    await page.getByRole('heading', { level: 1, name: kk.cabinet.title }).waitFor();
    const personal = page.locator('section[aria-labelledby="personal-title"]');
    await personal.getByText(`${person.lastName} ${person.firstName} ${person.middleName}`).waitFor();
    await personal.getByText(person.iin).waitFor();
    await personal.getByText(person.permanentAddress).waitFor();
    // БМГ's verified number, in the contacts the person may correct (003 ¶6).
    expect(await personal.getByLabel(kk.cabinet.phone).inputValue()).toBe(registryOnlyPhone(0));
    await page.locator('section[aria-labelledby="program-title"]').getByText(kk.cabinet.noProgram).waitFor();
    await expectAccessible(page, 'cabinet of a person created at sign-in (kk)');
    await screenshot(page, 'registry-first-sign-in-kk');
    expect(await people.execute('select category, phone_verified, phone_source from people.person where iin = ?', [person.iin])).toEqual([{ category: 'NONE', phone_verified: true, phone_source: 'BMG' }]);

    // The same person registers an organization: the card fills from the legal-entity registry by BIN.
    await page.goto('/supplier-registration');
    await page.getByRole('heading', { level: 1, name: kk.onboarding.title }).waitFor();
    const card = page.locator('form[aria-labelledby="card-title"]');
    await card.getByLabel(kk.supplier.bin).fill(org.bin);
    await card.getByRole('button', { name: kk.onboarding.fromRegistry }).click();
    await card.getByRole('status').getByText(kk.onboarding.filledFromRegistry).waitFor();
    await expect.poll(() => card.getByLabel(kk.onboarding.orgName).inputValue()).toBe(org.shortName);
    expect(await card.getByLabel(kk.supplier.head, { exact: true }).inputValue()).toBe(org.head.fullName);
    expect(await card.getByLabel(kk.supplier.oked).inputValue()).toBe(org.okedCodes.join(', '));
    expect(await card.getByLabel(kk.onboarding.headIin).inputValue()).toBe(org.head.iin);
    await expectAccessible(page, 'registration filled from the registry (kk)');
    await ctx.close();
  });
});
