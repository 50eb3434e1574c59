import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, makeBin, makeIin, type Identity } from '@aleumet/core';
import { REGISTRY_ONLY_ORGANIZATIONS } from '@aleumet/demo-data';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, departmentIdentity, gql, integratorIdentity, tokenFor } from '@aleumet/testkit';

/**
 * Suppliers' cards from the legal-entity registry (ГБД ЮЛ; the demo registry of @aleumet/registries),
 * through the gateway: the registration form reads the card by BIN, every read is audited, and
 * verification asks the registry again. REGISTRY_ONLY_ORGANIZATIONS[1] and BINs with serials 6100–6199
 * (held by no registry) are this file's.
 */
const CARD = `query($bin: String!) { legalEntityCard(bin: $bin) { bin name shortName ownershipForm legalForm head { iin fullName } founders { name iin bin citizenship } legalAddress actualAddress okedCodes registeredOn } }`;
const START = `mutation($input: SupplierRegistrationInput!) { startSupplierRegistration(input: $input) { id } }`;
const ADD_DIRECTION = `mutation($id: ID!, $input: DirectionInput!) { addSupplierDirection(supplierId: $id, input: $input) { id } }`;
const UPLOAD = `mutation($input: DocumentUploadInput!) { uploadSupplierDocument(input: $input) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitSupplierRegistration(id: $id) { id status } }`;
const VERIFY = `mutation($id: ID!) { verifySupplier(id: $id) { id status registryChecks { check passed reason } } }`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let platform: Platform;
let url: string;
let admin: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
  admin = await tokenFor(adminIdentity());
});
afterAll(() => platform?.close());

const applicant = (n: number): Identity => ({ sub: `applicant-registry-${n}`, role: Role.SUPPLIER, represents: [], scopes: [] });
const audit = (bin: string) => platform.subgraphs.people.orm.em.getConnection().execute(
  `select actor_sub, operation_name, outcome, error_codes from people.audit_entry where operation_type = 'registry' and ? = any(entity_ids) order by id`, [`BIN:${bin}`],
);

async function ok(query: string, vars: Record<string, unknown>, token: string) {
  const r = await gql(url, query, vars, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

/** A registration filled from the registry's card, completed by the supplier with what the registry does not hold, and submitted. */
async function submitted(n: number, bin: string, from: { name: string; legalForm: string; legalAddress: string; headName: string; headIin: string | null; okedCodes: string[]; founders: string[] }) {
  const token = await tokenFor(applicant(n));
  const input = {
    kind: 'ORGANIZATION', bin, ...from, actualAddress: from.legalAddress, headIin: from.headIin,
    phone: '+77010000611', email: `org${bin}@example.kz`, regionCodes: ['KZ-71'], bankDetails: { bankName: 'Halyk Bank', bik: 'HSBKKZKX', iban: 'KZ123456789012345678' },
  };
  const s = (await ok(START, { input }, token)).startSupplierRegistration;
  const d = (await ok(ADD_DIRECTION, { id: s.id, input: { kind: 'AID_SALES', okedCode: '47.74', personnel: [{ fullName: 'Omarov Dias', position: 'Technician' }] } }, token)).addSupplierDirection;
  await ok(UPLOAD, { input: { supplierId: s.id, directionId: d.id, kind: 'LICENCE', title: 'Licence', fileName: 'l.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') } }, token);
  await ok(SUBMIT, { id: s.id }, token);
  return s.id as string;
}

describe('the legal-entity registry fills and re-checks a supplier card', () => {
  const org = REGISTRY_ONLY_ORGANIZATIONS[1]!;

  it('the card by BIN: name, short name, ownership form, head, founders with citizenship, addresses, OKED; audited', async () => {
    const token = await tokenFor(applicant(1));
    const card = (await ok(CARD, { bin: org.bin }, token)).legalEntityCard;
    expect(card).toEqual({ ...org, legalForm: 'LLP' });
    expect(card.founders.map((f: { citizenship: string }) => f.citizenship)).toEqual(['KZ', 'DE']);
    expect(await audit(org.bin)).toEqual([{ actor_sub: 'applicant-registry-1', operation_name: 'LegalEntityRegistry.legalEntityByBin', outcome: 'OK', error_codes: [] }]);
  });

  it('a BIN the registry does not hold: NOT_IN_REGISTRY; a malformed BIN: BAD_USER_INPUT; only those who may register read cards', async () => {
    const unknown = makeBin(2023, 6, 6101);
    const res = await gql(url, CARD, { bin: unknown }, await tokenFor(applicant(2)));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_IN_REGISTRY', registry: 'LEGAL_ENTITY', field: 'bin' });
    expect(await audit(unknown)).toEqual([{ actor_sub: 'applicant-registry-2', operation_name: 'LegalEntityRegistry.legalEntityByBin', outcome: 'OK', error_codes: ['NOT_IN_REGISTRY'] }]);
    expect(codes(await gql(url, CARD, { bin: '123456789012' }, await tokenFor(applicant(2))))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, CARD, { bin: org.bin }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(url, CARD, { bin: org.bin }, await tokenFor(departmentIdentity('KZ-71'))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, CARD, { bin: org.bin }, await tokenFor(integratorIdentity(['people:read']))))).toEqual(['FORBIDDEN']);
  });

  it('verification asks the registry again: a registered organization is verified, one the registry does not hold is blocked', async () => {
    const from = { name: org.shortName, legalForm: 'LLP', legalAddress: org.legalAddress, headName: org.head.fullName, headIin: org.head.iin, okedCodes: org.okedCodes, founders: org.founders.map((f) => f.name) };
    const good = await submitted(3, org.bin, from);
    const verified = (await ok(VERIFY, { id: good }, admin)).verifySupplier;
    expect(verified).toMatchObject({ status: 'VERIFIED', registryChecks: [{ check: 'BUSINESS_REGISTERED', passed: true, reason: null }, { check: 'NOT_LIQUIDATED', passed: true, reason: null }, { check: 'HEAD_UNCHANGED', passed: true, reason: null }, { check: 'OKED_REGISTERED', passed: true, reason: null }] });
    expect((await audit(org.bin)).map((a: { operation_name: string }) => a.operation_name)).toHaveLength(2); // the card, and verification's re-check

    const closed = makeBin(2022, 2, 6102);
    const bad = await submitted(4, closed, { ...from, name: 'ТОО «Закрыто»', headIin: makeIin('1981-02-02', 'MALE', 611), okedCodes: ['47.74'] });
    const refused = await gql(url, VERIFY, { id: bad }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRY_CHECK_FAILED', checks: ['BUSINESS_REGISTERED'] });
    expect(refused.errors?.[0]?.message).toMatch(/legal-entity registry holds no organization with this BIN/);
  });
});
