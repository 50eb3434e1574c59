import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, makeBin, makeIin, type Identity } from '@aleumet/core';
import type { LegalEntity } from '@aleumet/registries';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, tokenFor } from '@aleumet/testkit';
import { startLegalEntityRegistry, type LegalEntityRegistryServer } from './legal-entity-registry-server.js';

/**
 * Verification compares an organization's card with the legal-entity registry in full (docs/registries.md),
 * here a registry on loopback speaking its message format, through the gateway: the differences are kept
 * and shown, the card takes what the registry holds now, and an organization absent, liquidated, with
 * another head or without the OKED codes its directions rest on is not verified. BINs with serials
 * 6200–6299 are this file's.
 */
const START = `mutation($input: SupplierRegistrationInput!) { startSupplierRegistration(input: $input) { id } }`;
const ADD_DIRECTION = `mutation($id: ID!, $input: DirectionInput!) { addSupplierDirection(supplierId: $id, input: $input) { id } }`;
const UPLOAD = `mutation($input: DocumentUploadInput!) { uploadSupplierDocument(input: $input) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitSupplierRegistration(id: $id) { id status } }`;
const FIELDS = 'id status name legalForm legalAddress actualAddress headName headIin founders okedCodes registryChecks { check passed reason } registryDifferences { field card registry }';
const VERIFY = `mutation($id: ID!) { verifySupplier(id: $id) { ${FIELDS} } }`;
const SUPPLIER = `query($id: ID!) { supplier(id: $id) { ${FIELDS} } }`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let platform: Platform;
let url: string;
let admin: string;
let registry: LegalEntityRegistryServer;
beforeAll(async () => {
  registry = await startLegalEntityRegistry();
  platform = await startTestPlatform();
  url = platform.gateway.url;
  admin = await tokenFor(adminIdentity());
});
afterAll(async () => {
  await platform?.close();
  await registry?.close();
});

const applicant = (n: number): Identity => ({ sub: `applicant-verification-${n}`, role: Role.SUPPLIER, represents: [], scopes: [] });

async function ok(query: string, vars: Record<string, unknown>, token: string) {
  const r = await gql(url, query, vars, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

/** An organization of the registry, `n` of this file. */
function organization(n: number): LegalEntity {
  const headIin = makeIin('1977-03-14', n % 2 ? 'MALE' : 'FEMALE', 620 + n);
  return {
    bin: makeBin(2021, 1 + (n % 12), 6200 + n), name: `Товарищество с ограниченной ответственностью «Көмек-${n}»`, shortName: `ТОО «Көмек-${n}»`, ownershipForm: 'LLP',
    head: { iin: headIin, fullName: 'Жұмабаева Сәуле Нұрланқызы' },
    founders: [{ name: 'Жұмабаева Сәуле Нұрланқызы', iin: headIin, bin: null, citizenship: 'KZ' }],
    legalAddress: 'Астана, ул. Кенесары, 40', actualAddress: null, okedCodes: ['47.74', '88.10'], registeredOn: '2021-02-01',
  };
}

/** Registered and submitted from the registry's card as the registration form fills it; the supplier adds contacts, regions, bank details. */
async function submitted(n: number, org: LegalEntity): Promise<string> {
  const token = await tokenFor(applicant(n));
  const input = {
    kind: 'ORGANIZATION', bin: org.bin, name: org.shortName, legalForm: org.ownershipForm, legalAddress: org.legalAddress, actualAddress: 'Астана, ул. Сарайшық, 7',
    headName: org.head.fullName, headIin: org.head.iin, founders: org.founders.map((f) => f.name), okedCodes: org.okedCodes,
    phone: '+77010000620', email: `org${org.bin}@example.kz`, regionCodes: ['KZ-71'], bankDetails: { bankName: 'Halyk Bank', bik: 'HSBKKZKX', iban: 'KZ123456789012345678' },
  };
  const s = (await ok(START, { input }, token)).startSupplierRegistration;
  const d = (await ok(ADD_DIRECTION, { id: s.id, input: { kind: 'AID_SALES', okedCode: '47.74', personnel: [{ fullName: 'Омаров Диас', position: 'Техник' }] } }, token)).addSupplierDirection;
  await ok(UPLOAD, { input: { supplierId: s.id, directionId: d.id, kind: 'LICENCE', title: 'Licence', fileName: 'l.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') } }, token);
  await ok(SUBMIT, { id: s.id }, token);
  return s.id as string;
}

const audit = (bin: string) => platform.subgraphs.people.orm.em.getConnection().execute(
  `select actor_sub, operation_name, outcome, error_codes from people.audit_entry where operation_type = 'registry' and ? = any(entity_ids) order by id`, [`BIN:${bin}`],
);
const checksOf = (s: { registryChecks: { check: string; passed: boolean }[] }) => Object.fromEntries(s.registryChecks.map((c) => [c.check, c.passed]));

describe('verification re-reads the legal-entity registry in full', () => {
  it('changed name, founders, address and OKED codes: verified, the differences shown, the card updated from the registry', async () => {
    const org = organization(1);
    registry.cards.set(org.bin, org);
    const id = await submitted(1, org);
    // Since the registration: renamed, a founder joined, moved, a new activity code.
    registry.cards.set(org.bin, {
      ...org, shortName: 'ТОО «Көмек Плюс»', name: 'Товарищество с ограниченной ответственностью «Көмек Плюс»',
      founders: [...org.founders, { name: 'ТОО «Инвест-1»', iin: null, bin: makeBin(2015, 3, 6299), citizenship: null }],
      legalAddress: 'Астана, пр. Абая, 11', actualAddress: 'Астана, пр. Абая, 11', okedCodes: ['47.74', '88.10', '86.90'],
    });
    const asked = registry.asked.length;
    const v = (await ok(VERIFY, { id }, admin)).verifySupplier;
    expect(registry.asked.slice(asked)).toEqual([org.bin]);
    expect(v.status).toBe('VERIFIED');
    expect(checksOf(v)).toEqual({ BUSINESS_REGISTERED: true, NOT_LIQUIDATED: true, HEAD_UNCHANGED: true, OKED_REGISTERED: true });
    expect(v.registryDifferences).toEqual([
      { field: 'name', card: org.shortName, registry: 'ТОО «Көмек Плюс»' },
      { field: 'founders', card: 'Жұмабаева Сәуле Нұрланқызы', registry: 'Жұмабаева Сәуле Нұрланқызы; ТОО «Инвест-1»' },
      { field: 'legalAddress', card: 'Астана, ул. Кенесары, 40', registry: 'Астана, пр. Абая, 11' },
      { field: 'actualAddress', card: 'Астана, ул. Сарайшық, 7', registry: 'Астана, пр. Абая, 11' },
      { field: 'okedCodes', card: '47.74; 88.10', registry: '47.74; 88.10; 86.90' },
    ]);
    expect(v).toMatchObject({
      name: 'ТОО «Көмек Плюс»', legalForm: 'LLP', legalAddress: 'Астана, пр. Абая, 11', actualAddress: 'Астана, пр. Абая, 11', headName: org.head.fullName, headIin: org.head.iin,
      founders: ['Жұмабаева Сәуле Нұрланқызы', 'ТОО «Инвест-1»'], okedCodes: ['47.74', '88.10', '86.90'],
    });
    // The owner sees the same; the read is audited as every registry read.
    const owner = (await ok(SUPPLIER, { id }, await tokenFor(applicant(1)))).supplier;
    expect(owner.registryDifferences).toEqual(v.registryDifferences);
    expect(await audit(org.bin)).toEqual([{ actor_sub: adminIdentity().sub, operation_name: 'LegalEntityRegistry.legalEntityByBin', outcome: 'OK', error_codes: [] }]);
  });

  it('another head: not verified (HEAD_UNCHANGED), the difference shown, the card left as it was', async () => {
    const org = organization(2);
    registry.cards.set(org.bin, org);
    const id = await submitted(2, org);
    const newHead = { iin: makeIin('1969-11-02', 'MALE', 629), fullName: 'Ахметов Бауыржан Серікұлы' };
    registry.cards.set(org.bin, { ...org, head: newHead });
    const refused = await gql(url, VERIFY, { id }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRY_CHECK_FAILED', checks: ['HEAD_UNCHANGED'] });
    expect(refused.errors?.[0]?.message).toContain('names another head: Ахметов Бауыржан Серікұлы');
    const s = (await ok(SUPPLIER, { id }, admin)).supplier;
    expect(s).toMatchObject({ status: 'SUBMITTED', headName: org.head.fullName, headIin: org.head.iin });
    expect(s.registryDifferences).toEqual([
      { field: 'headName', card: org.head.fullName, registry: newHead.fullName },
      { field: 'headIin', card: org.head.iin, registry: newHead.iin },
    ]);
    expect(checksOf(s)).toEqual({ BUSINESS_REGISTERED: true, NOT_LIQUIDATED: true, HEAD_UNCHANGED: false, OKED_REGISTERED: true });
  });

  it('liquidated, absent, or without the OKED code of a direction: not verified, each with its own check', async () => {
    const liquidated = organization(3);
    registry.cards.set(liquidated.bin, liquidated);
    const a = await submitted(3, liquidated);
    registry.cards.set(liquidated.bin, { ...liquidated, liquidatedOn: '2026-11-20' });
    const r1 = await gql(url, VERIFY, { id: a }, admin);
    expect(r1.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRY_CHECK_FAILED', checks: ['NOT_LIQUIDATED'] });
    expect(r1.errors?.[0]?.message).toContain('liquidated on 2026-11-20');

    const gone = organization(4);
    registry.cards.set(gone.bin, gone);
    const b = await submitted(4, gone);
    registry.cards.delete(gone.bin);
    const r2 = await gql(url, VERIFY, { id: b }, admin);
    expect(r2.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRY_CHECK_FAILED', checks: ['BUSINESS_REGISTERED'] });
    expect(await audit(gone.bin)).toEqual([{ actor_sub: adminIdentity().sub, operation_name: 'LegalEntityRegistry.legalEntityByBin', outcome: 'OK', error_codes: ['NOT_IN_REGISTRY'] }]);

    const recoded = organization(5);
    registry.cards.set(recoded.bin, recoded);
    const c = await submitted(5, recoded);
    registry.cards.set(recoded.bin, { ...recoded, okedCodes: ['88.10'] });
    const r3 = await gql(url, VERIFY, { id: c }, admin);
    expect(r3.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRY_CHECK_FAILED', checks: ['OKED_REGISTERED'] });
    expect(r3.errors?.[0]?.message).toContain('47.74');
    for (const id of [a, b, c]) expect((await ok(SUPPLIER, { id }, admin)).supplier.status).toBe('SUBMITTED');
    expect(codes(await gql(url, VERIFY, { id: a }, await tokenFor(applicant(3))))).toEqual(['FORBIDDEN']);
  });
});
