import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeBin } from '@aleumet/core';
import { generatedOrganization } from '@aleumet/demo-data';
import { adminIdentity, gql, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { expectAccessible, newContext, screenshot, signIn, trace, useWebPlatform } from './browser.js';
import { en } from '../src/app/messages/en.js';
import { kk } from '../src/app/messages/kk.js';
import { ru } from '../src/app/messages/ru.js';

/**
 * Administration in Chromium through the real gateway: a maintenance banner inside its window (and not a
 * planned one), an organization registers (draft → submit) and an administrator verifies it, a
 * recipient files a complaint about it that the administrator sees, records a step of a failure
 * ticket (the clock it stops shown as met) and suspends the new supplier with a reason. axe on every page visited.
 */
const web = useWebPlatform();

// Persons 750 (registering an organization for its head) and 751 (complaining) are this file's.
const HEAD = 750;
const RECIPIENT = 751;
const BIN = makeBin(2021, 4, 7510);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** An instant as the admin types it in a datetime-local field: Astana wall-clock time (UTC+5). */
const astanaLocal = (ms: number) => new Date(ms + 5 * 3_600_000).toISOString().slice(0, 16);

async function loaded(page: Page) {
  await expect.poll(() => page.locator('p.loading').count(), { timeout: 15_000 }).toBe(0);
}

describe('administration and support in Chromium', () => {
  it('banner inside its window; registration draft → submitted → verified; a complaint the admin sees; a ticket step; a suspension', async () => {
    const w = world();
    const head = w.persons[HEAD]!;
    const recipient = w.persons[RECIPIENT]!;
    const adminStaff = w.staff.find((s) => s.role === 'ADMIN')!;
    // The card as the legal-entity registry holds it (verification sets the name to the registry's short name).
    const registered = generatedOrganization(BIN)!;
    const orgName = registered.shortName;

    // A notice planned for tomorrow: never shown today.
    const planned = await gql(
      web.platform.gateway.url,
      'mutation($input: MaintenanceNoticeInput!) { saveMaintenanceNotice(input: $input) { id } }',
      { input: { startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString(), text: { en: 'PLANNED-LATER' } } },
      await tokenFor(adminIdentity()),
    );
    expect(planned.errors).toBeUndefined();

    // ---- the administrator publishes a notice whose window is open now (Russian)
    const adminCtx = await newContext(web.browser, web.base, 'ru');
    const admin = await adminCtx.newPage();
    trace(admin, 'admin');
    await signIn(admin, adminStaff.iin);
    expect(new URL(admin.url()).pathname).toBe('/admin');
    await admin.goto('/admin/content');
    await admin.getByRole('heading', { level: 1, name: ru.content.title }).waitFor();
    const noticeForm = admin.locator('form[aria-labelledby="new-notice-title"]');
    await noticeForm.getByLabel(ru.content.startsAt).fill(astanaLocal(Date.now() - 3_600_000));
    await noticeForm.getByLabel(ru.content.endsAt).fill(astanaLocal(Date.now() + 2 * 3_600_000));
    await noticeForm.getByLabel('Қазақша').fill('Портал 02:00-де жұмыс істемейді');
    await noticeForm.getByLabel('Русский').fill('Портал не работает в 02:00');
    await noticeForm.getByRole('button', { name: ru.content.publishNotice }).click();
    await admin.getByRole('status').getByText(ru.content.noticePublished).waitFor();
    const banner = admin.getByRole('complementary', { name: ru.portal.maintenance });
    await banner.getByText('Портал не работает в 02:00').waitFor();
    expect(await banner.textContent()).not.toContain('PLANNED-LATER');
    await expectAccessible(admin, 'portal content (ru)');

    // ---- the head of an organization registers it (Kazakh): draft, direction with a licence, submit
    const applicantCtx = await newContext(web.browser, web.base, 'kk');
    const applicant = await applicantCtx.newPage();
    trace(applicant, 'applicant');
    await signIn(applicant, head.iin);
    await applicant.goto('/supplier-registration');
    await applicant.getByRole('heading', { level: 1, name: kk.onboarding.title }).waitFor();
    await loaded(applicant);
    // The banner is on every page, in the reader's language.
    await applicant.getByRole('complementary', { name: kk.portal.maintenance }).getByText('Портал 02:00-де жұмыс істемейді').waitFor();
    await expectAccessible(applicant, 'registration, new (kk)');
    const card = applicant.locator('form[aria-labelledby="card-title"]');
    // A wrong BIN is explained next to the field and nothing is sent.
    await card.getByLabel(kk.supplier.bin).fill('123');
    await card.getByRole('button', { name: kk.onboarding.saveDraft }).click();
    await card.getByText(kk.onboarding.invalid.bin).waitFor();
    await card.getByLabel(kk.supplier.bin).fill(BIN);
    await card.getByLabel(kk.onboarding.orgName).fill(orgName);
    await card.getByLabel(kk.supplier.legalAddress).fill('Астана, Мәңгілік Ел 1');
    await card.getByLabel(kk.supplier.actualAddress).fill('Астана, Мәңгілік Ел 1');
    // The head as the registry names it: verification refuses a card that names another.
    await card.getByLabel(kk.supplier.head, { exact: true }).fill(registered.head.fullName);
    await card.getByLabel(kk.onboarding.headIin).fill(registered.head.iin);
    await card.getByLabel(kk.cabinet.phone).fill('+77010007510');
    await card.getByLabel(kk.cabinet.email).fill('komek@example.kz');
    await card.getByLabel(kk.supplier.oked).fill('47.74');
    await card.locator(`input[name="regionCodes"][value="${recipient.regionCode}"]`).check();
    await card.getByLabel(kk.onboarding.bankName).fill('Halyk Bank');
    await card.getByLabel(kk.onboarding.bik).fill('HSBKKZKX');
    await card.getByLabel(kk.onboarding.iban).fill('KZ123456789012345678');
    await card.getByRole('button', { name: kk.onboarding.saveDraft }).click();
    await applicant.getByRole('status').getByText(kk.onboarding.draftSaved).first().waitFor();
    const mine = applicant.getByRole('article', { name: orgName });
    await mine.locator('.badge', { hasText: kk.status.supplier.DRAFT }).waitFor();

    const direction = applicant.locator('form[aria-labelledby="add-direction-title"]');
    await direction.getByLabel(kk.onboarding.personName).fill('Омаров Дияс');
    await direction.getByLabel(kk.onboarding.position).fill('Ортопед-техник');
    await direction.getByRole('button', { name: kk.onboarding.addDirection }).click();
    await applicant.getByText(kk.onboarding.documentMissing).waitFor();
    const upload = applicant.getByRole('form', { name: kk.onboarding.uploadFor.replace('{{name}}', kk.direction.AID_SALES) });
    await upload.getByLabel(kk.onboarding.documentTitle).fill('Медициналық бұйымдарға лицензия');
    await upload.getByLabel(kk.onboarding.file).setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.getByRole('button', { name: kk.onboarding.upload }).click();
    await applicant.getByText(kk.onboarding.readyToSubmit).waitFor();
    await expectAccessible(applicant, 'registration, draft complete (kk)');
    await applicant.getByRole('button', { name: kk.onboarding.submit }).click();
    await applicant.getByRole('status').getByText(kk.onboarding.submitted).waitFor();
    await mine.locator('.badge', { hasText: kk.status.supplier.SUBMITTED }).waitFor();
    await screenshot(applicant, 'registration-submitted-kk');

    // ---- the administrator verifies it (the development registry answers yes)
    await admin.goto('/admin');
    await admin.getByRole('heading', { level: 1, name: ru.admin.title }).waitFor();
    await loaded(admin);
    const row = admin.locator('section[aria-labelledby="registrations-title"] tbody tr', { hasText: orgName });
    await expectAccessible(admin, 'admin desk (ru)');
    await row.getByRole('button', { name: new RegExp(ru.admin.verify) }).click();
    await admin.getByRole('status').getByText(ru.admin.verified.replace('{{name}}', orgName)).waitFor();
    await expect.poll(() => row.count()).toBe(0);

    await applicant.reload();
    await mine.locator('.badge', { hasText: kk.status.supplier.VERIFIED }).waitFor();

    // ---- a recipient complains about the new supplier (English)
    const recipientCtx = await newContext(web.browser, web.base, 'en');
    const person = await recipientCtx.newPage();
    trace(person, 'recipient');
    await signIn(person, recipient.iin);
    await person.goto('/support');
    await person.getByRole('heading', { level: 1, name: en.support.title }).waitFor();
    await loaded(person);
    const complaint = person.locator('form[aria-labelledby="complaint-title"]');
    await complaint.getByLabel(en.support.supplier, { exact: true }).selectOption({ label: orgName });
    await complaint.getByLabel(en.support.text).fill('The wheelchair was delivered two weeks late and damaged.');
    await complaint.getByRole('button', { name: en.support.fileComplaint }).click();
    await complaint.getByRole('status').getByText(en.support.complaintFiled).waitFor();
    await person.locator('section[aria-labelledby="my-complaints-title"] tbody tr', { hasText: 'delivered two weeks late' }).getByText(en.status.complaint.RECEIVED).waitFor();
    await expectAccessible(person, 'support (en)');

    // ---- the administrator sees it among the complaints to forward
    await admin.reload();
    await admin.locator('section[aria-labelledby="complaints-title"] tbody tr', { hasText: 'delivered two weeks late' }).waitFor();

    // ---- the recipient reports a failure; the administrator records its registration on the desk
    const reported = await gql<{ reportFailure: { id: string; number: string } }>(
      web.platform.gateway.url,
      'mutation($input: ReportFailureInput!) { reportFailure(input: $input) { id number } }',
      { input: { description: 'E2E-751: the cabinet shows an empty page', contact: '+77010007511' } },
      await tokenFor(recipientIdentity(RECIPIENT)),
    );
    expect(reported.errors).toBeUndefined();
    const number = reported.data!.reportFailure.number;
    await admin.reload();
    await loaded(admin);
    const ticketRow = admin.locator('section[aria-labelledby="ticket-desk-title"] tbody tr', { hasText: number });
    const stepForm = ticketRow.getByRole('form', { name: ru.admin.recordStepFor.replace('{{number}}', number) });
    expect(await stepForm.getByLabel(ru.admin.nextStep).inputValue()).toBe('REGISTER');
    await stepForm.getByLabel(ru.admin.stepNote).fill('Принято по порталу');
    await stepForm.getByRole('button', { name: new RegExp(ru.admin.recordStep) }).click();
    await admin.getByRole('status').getByText(ru.admin.stepRecorded.replace('{{step}}', ru.ticketStep.REGISTER).replace('{{number}}', number)).waitFor();
    // The registration clock is stopped in time, the analysis clock has started, the next step offered is the analysis.
    await ticketRow.getByText(`${ru.ticketStep.REGISTER}: ${ru.clockState.MET}`).waitFor();
    await ticketRow.getByText(`${ru.ticketStep.ANALYSE}: ${ru.clockState.ON_TIME}`).waitFor();
    await ticketRow.getByText('(Принято по порталу)').waitFor();
    expect(await stepForm.getByLabel(ru.admin.nextStep).inputValue()).toBe('ANALYSE');

    // ---- the administrator suspends the new supplier with a reason (keyboard: the reason field has the focus)
    const verifiedRow = admin.locator('section[aria-labelledby="suppliers-title"] table', { has: admin.locator('caption', { hasText: ru.admin.verifiedSuppliers }) }).locator('tbody tr', { hasText: orgName });
    await verifiedRow.getByRole('button', { name: `${ru.admin.suspend} ${orgName}` }).click();
    await admin.keyboard.type('Жалобы на сроки поставки');
    await expectAccessible(admin, 'admin desk, suspending (ru)');
    await admin.keyboard.press('Enter');
    await admin.getByRole('status').getByText(ru.admin.suspended.replace('{{name}}', orgName)).waitFor();
    const suspendedRow = admin.locator('section[aria-labelledby="suppliers-title"] table', { has: admin.locator('caption', { hasText: ru.admin.suspendedSuppliers }) }).locator('tbody tr', { hasText: orgName });
    await suspendedRow.getByText('Жалобы на сроки поставки').waitFor();
    await suspendedRow.locator('.badge', { hasText: ru.status.supplier.SUSPENDED }).waitFor();
    await expect.poll(() => verifiedRow.count()).toBe(0);
    await applicant.reload();
    await mine.locator('.badge', { hasText: kk.status.supplier.SUSPENDED }).waitFor();
    await screenshot(admin, 'admin-desk-ru');

    await recipientCtx.close();
    await applicantCtx.close();
    await adminCtx.close();
  }, 240_000);
});
