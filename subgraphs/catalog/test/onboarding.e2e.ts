import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, makeBin, makeIin, type Identity } from '@aleumet/core';
import { TestClock, callSubgraph, serviceIdentity } from '@aleumet/runtime';
import { COMMAND_DOCUMENTS, INTERNAL_SCOPE, OutgoingCommand } from '@aleumet/events';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, integratorIdentity, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { devSigner, signDocument } from '@aleumet/signing';
import { Supplier, SupplierDocument } from '../entities/index.js';
import { startLegalEntityRegistry, type LegalEntityRegistryServer } from './legal-entity-registry-server.js';

/** Supplier onboarding through the gateway: draft → submitted → verified (or rejected), documents, registry checks, suspension. */
const SUPPLIER = `id kind bin iin name legalForm status orderable rejectionReason submittedAt decidedAt suspensionReason directions
  bankDetails { iban } registryChecks { check passed reason } directionCards { id kind okedCode serviceKinds personnel { fullName } documents { id sha256 } }`;
const START = `mutation($input: SupplierRegistrationInput!) { startSupplierRegistration(input: $input) { ${SUPPLIER} } }`;
const UPDATE = `mutation($id: ID!, $input: SupplierRegistrationInput!) { updateSupplierRegistration(id: $id, input: $input) { ${SUPPLIER} } }`;
const ADD_DIRECTION = `mutation($id: ID!, $input: DirectionInput!) { addSupplierDirection(supplierId: $id, input: $input) { id kind serviceKinds } }`;
const UPLOAD = `mutation($input: DocumentUploadInput!) { uploadSupplierDocument(input: $input) { id size sha256 contentType kind } }`;
const CONTENT = `query($id: ID!) { supplierDocumentContent(id: $id) { sha256 contentBase64 contentType } }`;
const SUBMIT = `mutation($id: ID!) { submitSupplierRegistration(id: $id) { ${SUPPLIER} } }`;
const VERIFY = `mutation($id: ID!) { verifySupplier(id: $id) { ${SUPPLIER} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectSupplier(id: $id, reason: $r) { ${SUPPLIER} } }`;
const SUSPEND = `mutation($id: ID!, $r: String!) { suspendSupplier(id: $id, reason: $r) { ${SUPPLIER} } }`;
const REINSTATE = `mutation($id: ID!) { reinstateSupplier(id: $id) { ${SUPPLIER} } }`;
const TELL = `mutation($c: String!, $i: String!, $p: Boolean!, $r: String) { setDevelopmentRegistryAnswer(check: $c, identifier: $i, passed: $p, reason: $r) }`;
const GET = `query($id: ID!) { supplier(id: $id) { id status orderable } }`;
const QUEUE = `query { supplierRegistrations(first: 200) { nodes { id status } } }`;
const OFFER = `mutation($input: OfferingInput!, $s: ID) { createOffering(input: $input, supplierId: $s) { id orderable } }`;
const CATALOG = `query($s: ID!) { offerings(filter: { supplierId: $s }) { nodes { id orderable } } suppliers(first: 200, regionCode: "KZ-71") { nodes { id } } }`;
const OFFERING = `query($id: ID!) { offering(id: $id) { id active orderable supplier { id status orderable } } }`;
const RETENTION = `mutation { applyCatalogRetention { asOf changed { record action count } } }`;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const sha = async (b: Buffer) => (await import('node:crypto')).createHash('sha256').update(b).digest('hex');

// Recipients 640–649 of the demo world are this file's (first orders from the new supplier).
const RECIPIENTS = [640, 641];
const recipient = (k: number) => world().persons[RECIPIENTS[k]!]!;
const PUBLISH = `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { measures { id status } } }`;
const DOCUMENT = `query($m: ID!, $o: ID!, $k: String!) { orderDocument(measureId: $m, offeringId: $o, idempotencyKey: $k) }`;
const CREATE = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id status supplier { id } } }`;
const ORDER_STEP = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { id status version } }`;

/** The orders side, as a recipient does it: a measure arrives, the recipient signs an order of the offering. */
async function orderAsRecipient(k: number, offeringId: string, n: number) {
  const p = recipient(k);
  const integrator = await tokenFor(integratorIdentity(['programs:write', 'programs:read']));
  const input = {
    personIin: p.iin, programNumber: `IPR-ISSUE10-${n}-${Date.now()}`, issuedOn: '2026-01-10', validUntil: '2027-12-31',
    measures: [{ sourceId: `SPS-ISSUE10-${n}-${Date.now()}`, kind: 'S5', itemTypeCode: 'S5-HEAR-BTE', quantity: 1, guaranteedSum: 9_000_000 }],
  };
  const published = await gql(url, PUBLISH, { input }, integrator);
  expect(published.errors, JSON.stringify(published.errors)).toBeUndefined();
  const measureId = published.data.publishMeasures.measures[0].id as string;
  const token = await tokenFor(recipientIdentity(RECIPIENTS[k]!));
  const key = `issue10-${n}-${Date.now()}`;
  const d = await gql(url, DOCUMENT, { m: measureId, o: offeringId, k: key }, token);
  if (d.errors) return d;
  const signed = await signDocument(await devSigner(p.iin), JSON.parse(d.data.orderDocument));
  return gql(url, CREATE, { input: { measureId, offeringId, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: signed.certificate } }, token);
}

const applicant = (n: number): Identity => ({ sub: `applicant-issue10-${n}`, role: Role.SUPPLIER, represents: [], scopes: [] });
/** The head of each test organization gets the staff account on verification: an IIN of its own per BIN. */
const headIinOf = (bin: string) => makeIin('1979-05-17', 'FEMALE', 500 + Number(bin.slice(6, 10)) % 100);
const card = (bin: string, headIin = headIinOf(bin)) => ({
  kind: 'ORGANIZATION', bin, name: `Onboarding test LLP ${bin}`, legalForm: 'LLP', legalAddress: 'Astana, Mangilik El 1', actualAddress: 'Astana, Mangilik El 1',
  headName: 'Serikova Aigul', headIin, phone: '+77010000010', email: `org${bin}@example.kz`, okedCodes: ['47.74', '88.10'], regionCodes: [...new Set(['KZ-71', recipient(0).regionCode, recipient(1).regionCode])],
  founders: ['Serikova Aigul'], premises: 'Astana, Mangilik El 1, 120 m², lease until 2030', bankDetails: { bankName: 'Halyk Bank', bik: 'HSBKKZKX', iban: 'KZ123456789012345678' },
});

let platform: Platform;
let url: string;
const clock = new TestClock(new Date('2026-12-01T06:00:00Z'));
let admin: string;
// The legal-entity registry on loopback holds each test organization as its card names it (verification compares them).
let registry: LegalEntityRegistryServer;
beforeAll(async () => {
  registry = await startLegalEntityRegistry();
  platform = await startTestPlatform({ clock });
  url = platform.gateway.url;
  admin = await tokenFor(adminIdentity());
});
afterAll(async () => {
  await platform?.close();
  await registry?.close();
});

/** The registry's card of a test organization: what its registration says. */
function inRegistry(c: ReturnType<typeof card>) {
  registry.cards.set(c.bin, {
    bin: c.bin, name: c.name, shortName: c.name, ownershipForm: c.legalForm, head: { iin: c.headIin, fullName: c.headName },
    founders: c.founders.map((name) => ({ name, iin: null, bin: null, citizenship: 'KZ' })), legalAddress: c.legalAddress, actualAddress: c.actualAddress,
    okedCodes: c.okedCodes, registeredOn: '2015-01-01',
  });
}

async function ok<T = any>(query: string, vars: Record<string, unknown>, token: string): Promise<T> {
  const r = await gql(url, query, vars, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

/** A complete draft: card, the AID_SALES direction with personnel, and its licence. */
async function draft(n: number, bin: string, headIin?: string) {
  const token = await tokenFor(applicant(n));
  inRegistry(card(bin, headIin));
  const s = (await ok(START, { input: card(bin, headIin) }, token)).startSupplierRegistration;
  const d = (await ok(ADD_DIRECTION, { id: s.id, input: { kind: 'AID_SALES', okedCode: '47.74', personnel: [{ fullName: 'Omarov Dias', position: 'Orthopedic technician', qualification: 'Certificate 2021' }] } }, token)).addSupplierDirection;
  const doc = (await ok(UPLOAD, { input: { supplierId: s.id, directionId: d.id, kind: 'LICENCE', title: 'Licence for medical goods', fileName: 'licence.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') } }, token)).uploadSupplierDocument;
  return { s, d, doc, token };
}

const CHALLENGE = `mutation($iin: String!) { signInChallenge(iin: $iin) { document } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token role displayName personId } }`;
/** Sign-in as the web app does it: the portal's challenge signed with the user's (development) EDS key. */
async function signIn(iin: string, account?: 'PERSON' | 'STAFF') {
  const challenge = (await ok(CHALLENGE, { iin }, '')).signInChallenge.document as string;
  const signed = await signDocument(await devSigner(iin), JSON.parse(challenge));
  return gql(url, SIGN_IN, { input: { document: signed.document, signature: signed.signature, certificate: signed.certificate, ...(account ? { account } : {}) } });
}

describe('supplier onboarding', () => {
  let firstSupplier: { id: string; offeringId: string; orderId: string; owner: string; holder: { iin: string; bin: string } };
  it('draft → submitted → verified → orderable and in the catalog → first order; only then', async () => {
    const bin = makeBin(2019, 7, 9101);
    // The head is a person known to the portal (recipient 642, this file's): after verification the
    // same IIN has a person and a supplier staff account.
    const head = world().persons[642]!;
    const { s, d, doc, token } = await draft(1, bin, head.iin);
    expect(s).toMatchObject({ status: 'DRAFT', orderable: false, bin, kind: 'ORGANIZATION', directions: [] });
    expect(d).toMatchObject({ kind: 'AID_SALES', serviceKinds: ['S4', 'S5', 'S6'] });
    expect(doc).toMatchObject({ size: PDF.length, sha256: await sha(PDF), contentType: 'application/pdf', kind: 'LICENCE' });

    // the stored bytes come back with their checksum (owner and admins)
    const content = (await ok(CONTENT, { id: doc.id }, admin)).supplierDocumentContent;
    expect(Buffer.from(content.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect(content.sha256).toBe(await sha(PDF));
    const row = await platform.subgraphs.catalog.orm.em.fork().findOneOrFail(SupplierDocument, { id: doc.id }, { populate: ['content'] });
    expect(row.content?.equals(PDF)).toBe(true);

    // a draft is private: not in the catalog, not found by others
    const other = await tokenFor(applicant(99));
    expect(codes(await gql(url, GET, { id: s.id }, other))).toEqual(['NOT_FOUND']);
    expect((await ok(GET, { id: s.id }, token)).supplier.status).toBe('DRAFT');

    // the owner publishes an offering of the draft (naming it): it stays hidden and not orderable; nobody else may
    const regionCodes = card(bin).regionCodes;
    const offerInput = { itemTypeCode: 'S5-HEAR-BTE', title: 'Слуховой аппарат', titleKk: 'Есту аппараты', description: 'BTE', descriptionKk: 'BTE', price: 9_000_000, deliveryMode: 'BOTH', leadTimeDays: 3, stock: 5, regionCodes };
    expect(codes(await gql(url, OFFER, { input: offerInput, s: s.id }, other))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, OFFER, { input: offerInput, s: s.id }, await tokenFor(supplierIdentity(world().suppliers[0]!.id))))).toEqual(['FORBIDDEN']);
    const offering = (await ok(OFFER, { input: offerInput, s: s.id }, token)).createOffering;
    expect(offering.orderable).toBe(false);
    let cat = await ok(CATALOG, { s: s.id }, token);
    expect(cat.offerings.nodes).toEqual([]);
    // and orders refuses to order it
    const early = await orderAsRecipient(0, offering.id, 1);
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);

    // the head's IIN must be valid, and is required to submit (the head gets the staff account)
    expect(codes(await gql(url, UPDATE, { id: s.id, input: card(bin, '123456789012') }, token))).toEqual(['BAD_USER_INPUT']);
    await ok(UPDATE, { id: s.id, input: { ...card(bin), headIin: null } }, token);
    expect(codes(await gql(url, SUBMIT, { id: s.id }, token))).toEqual(['BAD_USER_INPUT']);
    await ok(UPDATE, { id: s.id, input: card(bin, head.iin) }, token);
    // verification needs a submitted registration; the head has no staff account yet
    expect(codes(await gql(url, VERIFY, { id: s.id }, admin))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await signIn(head.iin, 'STAFF'))).toEqual(['UNAUTHENTICATED']);
    const submitted = (await ok(SUBMIT, { id: s.id }, token)).submitSupplierRegistration;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedAt: clock.now().toISOString(), directions: ['S4', 'S5', 'S6'] });
    // submitted: no more edits by the owner
    expect(codes(await gql(url, UPDATE, { id: s.id, input: card(bin) }, token))).toEqual(['INVALID_TRANSITION']);
    expect((await ok(QUEUE, {}, admin)).supplierRegistrations.nodes).toContainEqual({ id: s.id, status: 'SUBMITTED' });

    clock.advance(3_600_000);
    const verified = (await ok(VERIFY, { id: s.id }, admin)).verifySupplier;
    expect(verified).toMatchObject({ status: 'VERIFIED', orderable: true, decidedAt: clock.now().toISOString(), registryChecks: [{ check: 'BUSINESS_REGISTERED', passed: true, reason: null }, { check: 'NOT_LIQUIDATED', passed: true, reason: null }, { check: 'HEAD_UNCHANGED', passed: true, reason: null }, { check: 'OKED_REGISTERED', passed: true, reason: null }] });
    cat = await ok(CATALOG, { s: s.id }, token);
    expect(cat.offerings.nodes).toEqual([{ id: offering.id, orderable: true }]);
    expect(cat.suppliers.nodes).toContainEqual({ id: s.id });
    // The rule orders apply (orders' draftOrder reads offering.active and supplier.status; `orderable` says the same).
    expect((await ok(OFFERING, { id: offering.id }, token)).offering).toMatchObject({ active: true, orderable: true, supplier: { status: 'VERIFIED', orderable: true } });
    // The offering page shows the direction's licence to anyone (its record, not its content).
    const page = await gql(url, `query($id: ID!) { offering(id: $id) { documents { id kind title } } }`, { id: offering.id });
    expect(page.data.offering.documents).toEqual([{ id: doc.id, kind: 'LICENCE', title: 'Licence for medical goods' }]);

    // the first order of the new supplier
    const first = await orderAsRecipient(0, offering.id, 2);
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    expect(first.data.createOrder).toMatchObject({ status: 'AWAITING_SUPPLIER', supplier: { id: s.id } });

    // The verification gave the head a supplier staff account (catalog → people command): the head
    // signs in with the EDS to the staff account, gets a supplier token and sees the incoming order.
    const asPerson = await signIn(head.iin);
    expect(asPerson.errors, JSON.stringify(asPerson.errors)).toBeUndefined();
    expect(asPerson.data.signIn).toMatchObject({ role: 'RECIPIENT', personId: head.id }); // the person stays the default
    const asStaff = await signIn(head.iin, 'STAFF');
    expect(asStaff.errors, JSON.stringify(asStaff.errors)).toBeUndefined();
    expect(asStaff.data.signIn).toMatchObject({ role: 'SUPPLIER', displayName: 'Serikova Aigul', personId: null });
    const staff = asStaff.data.signIn.token as string;
    expect((await ok(`{ myStaffProfile { fullName role } }`, {}, staff)).myStaffProfile).toEqual({ fullName: 'Serikova Aigul', role: 'SUPPLIER' });
    const incoming = await ok(`query($id: ID!) { orders(first: 50) { nodes { id status supplier { id } } } order(id: $id) { id status supplier { id name } } }`, { id: first.data.createOrder.id }, staff);
    expect(incoming.orders.nodes).toEqual([{ id: first.data.createOrder.id, status: 'AWAITING_SUPPLIER', supplier: { id: s.id } }]);
    expect(incoming.order).toEqual({ id: first.data.createOrder.id, status: 'AWAITING_SUPPLIER', supplier: { id: s.id, name: `Onboarding test LLP ${bin}` } });
    // the staff account is the organization's own: its registration is editable by it, other suppliers' orders are not visible
    expect((await ok(`{ mySupplierRegistrations(first: 10) { nodes { id } } }`, {}, staff)).mySupplierRegistrations.nodes).toContainEqual({ id: s.id });

    // The command was delivered once; a repeated delivery (same command id) and a new command for the
    // same account change nothing: one staff account.
    const command = (await platform.subgraphs.catalog.orm.em.fork().find(OutgoingCommand, { target: 'people' })).find((c) => c.variables.supplierId === s.id)!;
    expect(command).toMatchObject({ publishedAt: expect.any(Date), failedAt: null, attempts: 1, variables: { supplierId: s.id, iin: head.iin, fullName: 'Serikova Aigul' } });
    const people = platform.runtime.peers.url('people');
    const service = serviceIdentity('catalog', [INTERNAL_SCOPE]);
    expect(await callSubgraph(people, service, COMMAND_DOCUMENTS.people.internalCreateSupplierStaff, { ...command.variables, commandId: command.id })).toEqual({ internalCreateSupplierStaff: false });
    expect(await callSubgraph(people, service, COMMAND_DOCUMENTS.people.internalCreateSupplierStaff, { ...command.variables, commandId: '01900000-0000-7000-8000-00000000a10a' })).toEqual({ internalCreateSupplierStaff: false });
    const staffRows = await platform.subgraphs.people.orm.em.getConnection().execute(`select role, supplier_id from people.staff_user where iin = ?`, [head.iin]);
    expect(staffRows).toEqual([{ role: 'SUPPLIER', supplier_id: s.id }]);
    // nobody but a subgraph may call it (through the gateway it does not even exist)
    expect(codes(await gql(url, COMMAND_DOCUMENTS.people.internalCreateSupplierStaff, { ...command.variables, commandId: command.id }, admin))).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    firstSupplier = { id: s.id, offeringId: offering.id, orderId: first.data.createOrder.id, owner: staff, holder: { iin: head.iin, bin } };
  });

  it('suspending the new supplier refuses new orders while its open order still completes', async () => {
    const { id, offeringId, orderId, owner, holder } = firstSupplier;
    await ok(SUSPEND, { id, r: 'Licence under review' }, admin);
    const refused = await orderAsRecipient(1, offeringId, 3);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toMatch(/not available/);
    // the open order goes on: accept, ready, handover by both sides
    const rToken = await tokenFor(recipientIdentity(RECIPIENTS[0]!));
    let v = 1;
    for (const [step, t] of [['acceptOrder', owner], ['markOrderReady', owner], ['confirmHandover', owner], ['confirmHandover', rToken]] as const) {
      const r = step === 'acceptOrder'
        ? await ok(`mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`, await supplierSigned(url, t, 'ACCEPT', { id: orderId, v }, holder), t)
        : await ok(ORDER_STEP(step), { id: orderId, v }, t);
      v = r[step].version;
    }
    expect((await ok(`query($id: ID!) { order(id: $id) { status } }`, { id: orderId }, rToken)).order.status).toBe('HANDED_OVER');
    await ok(REINSTATE, { id }, admin);
  });

  it('a rejected registration: registry says no → verification blocked with the reason → admin rejects → owner corrects and resubmits', async () => {
    const bin = makeBin(2018, 3, 9102);
    const { s, token } = await draft(2, bin);
    await ok(SUBMIT, { id: s.id }, token);
    await ok(TELL, { c: 'BUSINESS_REGISTERED', i: bin, p: false, r: 'BIN is not in the state register of legal entities' }, admin);

    const blocked = await gql(url, VERIFY, { id: s.id }, admin);
    expect(codes(blocked)).toEqual(['CONFLICT']);
    expect(blocked.errors![0]!.message).toContain('BIN is not in the state register of legal entities');
    expect(blocked.errors![0]!.extensions).toMatchObject({ reason: 'REGISTRY_CHECK_FAILED', checks: ['BUSINESS_REGISTERED'] });
    const still = (await ok(`query($id: ID!) { supplier(id: $id) { status registryChecks { check passed reason } } }`, { id: s.id }, token)).supplier;
    expect(still).toEqual({ status: 'SUBMITTED', registryChecks: [{ check: 'BUSINESS_REGISTERED', passed: false, reason: 'BIN is not in the state register of legal entities' }, { check: 'NOT_LIQUIDATED', passed: true, reason: null }, { check: 'HEAD_UNCHANGED', passed: true, reason: null }, { check: 'OKED_REGISTERED', passed: true, reason: null }] });

    expect(codes(await gql(url, REJECT, { id: s.id, r: ' ' }, admin))).toEqual(['BAD_USER_INPUT']);
    const rejected = (await ok(REJECT, { id: s.id, r: 'The business is not registered; attach the registration certificate' }, admin)).rejectSupplier;
    expect(rejected).toMatchObject({ status: 'REJECTED', orderable: false, rejectionReason: 'The business is not registered; attach the registration certificate' });
    expect(codes(await gql(url, VERIFY, { id: s.id }, admin))).toEqual(['INVALID_TRANSITION']);
    expect((await ok(CATALOG, { s: s.id }, token)).suppliers.nodes).not.toContainEqual({ id: s.id });

    // the owner corrects and resubmits; now the registry answers yes
    const corrected = (await ok(UPDATE, { id: s.id, input: { ...card(bin), name: 'Corrected LLP' } }, token)).updateSupplierRegistration;
    expect(corrected).toMatchObject({ status: 'REJECTED', name: 'Corrected LLP' });
    await ok(SUBMIT, { id: s.id }, token);
    await ok(TELL, { c: 'BUSINESS_REGISTERED', i: bin, p: true }, admin);
    expect((await ok(VERIFY, { id: s.id }, admin)).verifySupplier).toMatchObject({ status: 'VERIFIED', rejectionReason: null });
  });

  it('a personal assistant registers by IIN; a psychiatric registration or a criminal record blocks verification', async () => {
    const iin = makeIin('1985-04-12', 'FEMALE', 901);
    const token = await tokenFor(applicant(3));
    const input = {
      kind: 'PERSONAL_ASSISTANT', iin, name: 'Akhmetova Dana', legalAddress: 'Almaty, Abai 10', actualAddress: 'Almaty, Abai 10', headName: 'Akhmetova Dana',
      phone: '+77010000011', email: 'dana@example.kz', okedCodes: ['88.10'], regionCodes: ['KZ-75'], bankDetails: { bankName: 'Kaspi Bank', bik: 'CASPKZKA', iban: 'KZ000000000000000011' },
    };
    expect(codes(await gql(url, START, { input: { ...input, legalForm: 'IE' } }, token))).toEqual(['BAD_USER_INPUT']);
    const s = (await ok(START, { input }, token)).startSupplierRegistration;
    expect(s).toMatchObject({ kind: 'PERSONAL_ASSISTANT', bin: null, iin, legalForm: null });
    expect(codes(await gql(url, ADD_DIRECTION, { id: s.id, input: { kind: 'AID_SALES', okedCode: '88.10', personnel: [] } }, token))).toEqual(['BAD_USER_INPUT']);
    const d = (await ok(ADD_DIRECTION, { id: s.id, input: { kind: 'PERSONAL_ASSISTANT', okedCode: '88.10', personnel: [{ fullName: 'Akhmetova Dana', position: 'Personal assistant' }] } }, token)).addSupplierDirection;
    // submitting without the certificate of the direction is refused
    expect(codes(await gql(url, SUBMIT, { id: s.id }, token))).toEqual(['BAD_USER_INPUT']);
    await ok(UPLOAD, { input: { supplierId: s.id, directionId: d.id, kind: 'CERTIFICATE', title: 'Training certificate', fileName: 'cert.png', contentType: 'image/png', contentBase64: PNG.toString('base64') } }, token);
    await ok(SUBMIT, { id: s.id }, token);
    // another user does not see the IIN
    const queue = (await ok(`query { supplierRegistrations(status: SUBMITTED, first: 200) { nodes { id } } }`, {}, admin)).supplierRegistrations.nodes;
    expect(queue).toContainEqual({ id: s.id });
    const seen = (await ok(`query($id: ID!) { supplier(id: $id) { iin bankDetails { iban } } }`, { id: s.id }, token)).supplier;
    expect(seen).toEqual({ iin, bankDetails: { iban: 'KZ000000000000000011' } });

    await ok(TELL, { c: 'NO_PSYCHIATRIC_REGISTRATION', i: iin, p: false }, admin);
    const blocked = await gql(url, VERIFY, { id: s.id }, admin);
    expect(blocked.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', checks: ['NO_PSYCHIATRIC_REGISTRATION'] });
    expect(blocked.errors![0]!.message).toContain('psychiatric register');
    await ok(TELL, { c: 'NO_PSYCHIATRIC_REGISTRATION', i: iin, p: true }, admin);
    await ok(TELL, { c: 'NO_CRIMINAL_RECORD', i: iin, p: false }, admin);
    expect((await gql(url, VERIFY, { id: s.id }, admin)).errors![0]!.extensions).toMatchObject({ checks: ['NO_CRIMINAL_RECORD'] });
    await ok(TELL, { c: 'NO_CRIMINAL_RECORD', i: iin, p: true }, admin);
    const v = (await ok(VERIFY, { id: s.id }, admin)).verifySupplier;
    expect(v).toMatchObject({ status: 'VERIFIED', directions: ['S1'] });
    expect(v.registryChecks.map((c: { check: string; passed: boolean }) => [c.check, c.passed])).toEqual([['NO_PSYCHIATRIC_REGISTRATION', true], ['NO_CRIMINAL_RECORD', true]]);
    // the personal assistant signs in with own IIN to the new staff account (no person with this IIN: the default)
    const signedIn = await signIn(iin);
    expect(signedIn.errors, JSON.stringify(signedIn.errors)).toBeUndefined();
    expect(signedIn.data.signIn).toMatchObject({ role: 'SUPPLIER', displayName: 'Akhmetova Dana' });
    expect((await ok(`{ mySupplierRegistrations(first: 10) { nodes { id status } } }`, {}, signedIn.data.signIn.token)).mySupplierRegistrations.nodes).toEqual([{ id: s.id, status: 'VERIFIED' }]);
  });

  it('documents: type and size limits, content checked against the declared type', async () => {
    const { s, token } = await draft(4, makeBin(2017, 5, 9103));
    const upload = (contentType: string, bytes: Buffer) =>
      gql(url, UPLOAD, { input: { supplierId: s.id, kind: 'OTHER', title: 'x', fileName: 'x', contentType, contentBase64: bytes.toString('base64') } }, token);
    expect(codes(await upload('application/zip', PDF))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await upload('image/png', PDF))).toEqual(['BAD_USER_INPUT']);
    // over 700 KiB (the request itself stays under the 1 MB HTTP body limit): refused by the document rule
    expect(codes(await upload('application/pdf', Buffer.concat([PDF, Buffer.alloc(700 * 1024)])))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await upload('application/pdf', Buffer.alloc(0)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await upload('image/png', PNG))).toEqual([]);
  });

  it('authorization: only admins verify, reject, suspend; a supplier edits only its own registration', async () => {
    const { s, token } = await draft(5, makeBin(2016, 9, 9104));
    const other = await tokenFor(applicant(6));
    const seededSupplier = await tokenFor(supplierIdentity(world().suppliers[0]!.id));
    for (const t of [token, other, seededSupplier]) {
      expect(codes(await gql(url, VERIFY, { id: s.id }, t))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(url, REJECT, { id: s.id, r: 'no' }, t))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(url, SUSPEND, { id: world().suppliers[1]!.id, r: 'no' }, t))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(url, TELL, { c: 'BUSINESS_REGISTERED', i: '000000000000', p: false }, t))).toEqual(['FORBIDDEN']);
    }
    for (const t of [other, seededSupplier]) {
      expect(codes(await gql(url, UPDATE, { id: s.id, input: card(makeBin(2016, 9, 9104)) }, t))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(url, SUBMIT, { id: s.id }, t))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(url, ADD_DIRECTION, { id: s.id, input: { kind: 'SANATORIUM', okedCode: '86.90', personnel: [] } }, t))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(url, UPLOAD, { input: { supplierId: s.id, kind: 'OTHER', title: 'x', fileName: 'x.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') } }, t))).toEqual(['FORBIDDEN']);
    }
    // anonymous callers cannot start a registration; the documents and bank details stay private
    expect(codes(await gql(url, START, { input: card(makeBin(2016, 9, 9105)) }))[0]).toBe('UNAUTHENTICATED');
    const admins = (await ok(`query($id: ID!) { supplier(id: $id) { bankDetails { iban } documents { id } } }`, { id: s.id }, admin)).supplier;
    expect(admins.bankDetails.iban).toBe('KZ123456789012345678');
    expect(admins.documents).toHaveLength(1);
    // the same BIN cannot be registered twice
    expect(codes(await gql(url, START, { input: card(makeBin(2016, 9, 9104)) }, other))).toEqual(['CONFLICT']);
  });

  it('suspension hides the offerings and makes them not orderable; reinstatement restores them', async () => {
    const s = world().suppliers[2]!;
    const token = await tokenFor(supplierIdentity(s.id));
    const before = (await ok(CATALOG, { s: s.id }, token)).offerings.nodes;
    expect(before.length).toBeGreaterThan(0);
    const suspended = (await ok(SUSPEND, { id: s.id, r: 'Licence expired' }, admin)).suspendSupplier;
    expect(suspended).toMatchObject({ status: 'SUSPENDED', orderable: false, suspensionReason: 'Licence expired' });
    expect((await ok(CATALOG, { s: s.id }, token)).offerings.nodes).toEqual([]);
    // still reachable by id (its open orders show it), but not orderable
    expect((await ok(GET, { id: s.id }, token)).supplier).toMatchObject({ status: 'SUSPENDED', orderable: false });
    expect((await ok(OFFERING, { id: before[0].id }, token)).offering).toMatchObject({ orderable: false, supplier: { status: 'SUSPENDED' } });
    expect(codes(await gql(url, SUSPEND, { id: s.id, r: 'again' }, admin))).toEqual(['INVALID_TRANSITION']);
    expect((await ok(REINSTATE, { id: s.id }, admin)).reinstateSupplier).toMatchObject({ status: 'VERIFIED', orderable: true, suspensionReason: null });
    expect((await ok(CATALOG, { s: s.id }, token)).offerings.nodes).toHaveLength(before.length);
  });

  it('retention: documents of a registration rejected more than 5 years ago are removed, younger ones kept', async () => {
    const old = await draft(7, makeBin(2015, 1, 9106));
    const young = await draft(8, makeBin(2015, 1, 9107));
    for (const r of [old, young]) {
      await ok(SUBMIT, { id: r.s.id }, r.token);
      await ok(REJECT, { id: r.s.id, r: 'Incomplete' }, admin);
    }
    const em = platform.subgraphs.catalog.orm.em.fork();
    const now = clock.now();
    const years = (n: number, days: number) => new Date(Date.UTC(now.getUTCFullYear() - n, now.getUTCMonth(), now.getUTCDate() + days, now.getUTCHours()));
    await em.nativeUpdate(Supplier, { id: old.s.id }, { decidedAt: years(5, -1) });
    await em.nativeUpdate(Supplier, { id: young.s.id }, { decidedAt: years(5, +1) });

    const report = (await ok(RETENTION, {}, admin)).applyCatalogRetention;
    expect(report.changed).toEqual([{ record: 'SupplierDocument.content', action: 'REMOVED', count: 1 }]);
    const fresh = platform.subgraphs.catalog.orm.em.fork();
    const oldDoc = await fresh.findOneOrFail(SupplierDocument, { id: old.doc.id }, { populate: ['content'] });
    const youngDoc = await fresh.findOneOrFail(SupplierDocument, { id: young.doc.id }, { populate: ['content'] });
    expect(oldDoc.content).toBeNull();
    expect(oldDoc.purgedAt).not.toBeNull();
    expect(oldDoc.sha256).toBe(await sha(PDF)); // the trace stays
    expect(youngDoc.content?.equals(PDF)).toBe(true);
    // the scheduled job does the same, and again nothing more
    await platform.runtime.scheduler.runAll({ only: ['catalog.retention'], strict: true });
    expect((await ok(RETENTION, {}, admin)).applyCatalogRetention.changed[0].count).toBe(0);
    expect(codes(await gql(url, RETENTION, {}, old.token))).toEqual(['FORBIDDEN']);
  });
});
