import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { gql, world } from '@aleumet/testkit';
import { NCA_OIDS, cmsSign, startTestPki, type TestPki } from '@aleumet/testkit/nca';
import { CREATE, DOCUMENT, departmentToken, freshPerson, guaranteed, offeringFor, publishOne, signAndOrder, supplierToken, tokens, unique } from '../subgraphs/orders/test/helpers.js';

/**
 * Sign-in and the order's signature with national EDS certificates (CMS as NCALayer makes them),
 * verified by the subgraphs against NCA RK-shaped trust anchors, with OCSP on loopback.
 */
const CHALLENGE = `mutation($iin: String!) { signInChallenge(iin: $iin) { document } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token role personId } }`;
const utf8 = (s: string) => new TextEncoder().encode(s);

let platform: Platform;
let pki: TestPki;
let trustDir: string;
const saved = { dir: process.env.EDS_TRUST_DIR, policy: process.env.EDS_REVOCATION_UNAVAILABLE };

beforeAll(async () => {
  pki = await startTestPki();
  trustDir = mkdtempSync(path.join(tmpdir(), 'eds-anchors-'));
  writeFileSync(path.join(trustDir, 'root.pem'), pki.root.pem);
  writeFileSync(path.join(trustDir, 'intermediate.cer'), Buffer.from(pki.intermediate.cert.rawData));
  process.env.EDS_TRUST_DIR = trustDir;
  process.env.EDS_REVOCATION_UNAVAILABLE = 'refuse';
  platform = await startTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.close();
  await pki?.close();
  rmSync(trustDir, { recursive: true, force: true });
  process.env.EDS_TRUST_DIR = saved.dir;
  process.env.EDS_REVOCATION_UNAVAILABLE = saved.policy;
  if (saved.dir === undefined) delete process.env.EDS_TRUST_DIR;
  if (saved.policy === undefined) delete process.env.EDS_REVOCATION_UNAVAILABLE;
});

describe('sign-in with the national EDS', () => {
  async function signIn(iin: string, signer: Awaited<ReturnType<TestPki['issue']>>) {
    const challenge = (await gql(platform.gateway.url, CHALLENGE, { iin })).data.signInChallenge.document as string;
    return gql(platform.gateway.url, SIGN_IN, { input: { document: challenge, signature: await cmsSign(signer, utf8(challenge)), certificate: '' } });
  }

  it('accepts the authentication key and refuses the signing key and a revoked certificate', async () => {
    const person = world().persons[951]!;
    const auth = await pki.issue({ iin: person.iin, purpose: 'AUTH' });
    const ok = await signIn(person.iin, auth);
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data.signIn).toMatchObject({ personId: person.id });

    const sign = await pki.issue({ iin: person.iin, purpose: 'SIGN' });
    expect((await signIn(person.iin, sign)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'WRONG_KEY_USAGE' });

    const revoked = await pki.issue({ iin: person.iin, purpose: 'AUTH' });
    pki.setStatus(revoked.cert, { status: 'revoked', at: new Date(Date.now() - 60_000) });
    expect((await signIn(person.iin, revoked)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'REVOKED_CERTIFICATE' });

    const other = await pki.issue({ iin: world().persons[952]!.iin, purpose: 'AUTH' });
    expect((await signIn(person.iin, other)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'SIGNER_MISMATCH' });
    const foreign = await pki.issue({ iin: person.iin, purpose: 'AUTH', issuer: pki.stranger });
    expect((await signIn(person.iin, foreign)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'UNTRUSTED_CERTIFICATE' });
  });
});

describe("the order and reimbursement application signed with the person's signing key", () => {
  it('creates the order from a CMS signature and refuses the wrong key, role or person', async () => {
    const { person, index } = freshPerson(41, 'S5');
    const offering = offeringFor(person, 'S5');
    const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const token = await tokens(index);
    const key = unique('eds-order');
    const document = (await gql(platform.gateway.url, DOCUMENT, { m: measure.id, o: offering.id, k: key, h: null }, token)).data.orderDocument as string;
    const create = async (signature: string) =>
      gql(platform.gateway.url, CREATE, { input: { measureId: measure.id, offeringId: offering.id, idempotencyKey: key, document, signature, certificate: '' } }, token);
    const reasonOf = (r: { errors?: { extensions?: { reason?: string } }[] }) => r.errors?.[0]?.extensions?.reason;

    expect(reasonOf(await create(await cmsSign(await pki.issue({ iin: person.iin, purpose: 'AUTH' }), utf8(document))))).toBe('WRONG_KEY_USAGE');
    const asOrganization = await pki.issue({ iin: person.iin, bin: '180340021791', purpose: 'SIGN', roles: [NCA_OIDS.legalEntity, NCA_OIDS.firstHead] });
    expect(reasonOf(await create(await cmsSign(asOrganization, utf8(document))))).toBe('SIGNER_MISMATCH');
    expect(reasonOf(await create(await cmsSign(await pki.issue({ iin: world().persons[index + 1]!.iin, purpose: 'SIGN' }), utf8(document))))).toBe('SIGNER_MISMATCH');
    const sign = await pki.issue({ iin: person.iin, purpose: 'SIGN' });
    expect(reasonOf(await create(await cmsSign(sign, utf8(`${document} `))))).toBe('BAD_SIGNATURE');

    const ok = await create(await cmsSign(sign, utf8(document), { attached: true }));
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data.createOrder).toMatchObject({ status: 'AWAITING_SUPPLIER' });
    const stored = await platform.subgraphs.orders.orm.em.getConnection().execute<{ signer_certificate: string; signer_iin: string; signature_evidence: string }[]>(
      'select signer_certificate, signer_iin, signature_evidence from orders."order" where id = ?', [ok.data.createOrder.id]);
    expect(stored[0]).toMatchObject({ signer_certificate: sign.pem, signer_iin: person.iin });
    // The OCSP answer that said the certificate was good is kept with the order as evidence.
    const evidence = JSON.parse(stored[0]!.signature_evidence) as { source: string; ocspResponse: string };
    expect(evidence.source).toBe('OCSP');
    expect(Buffer.from(evidence.ocspResponse, 'base64')[0]).toBe(0x30);

    // The stored form can be verified again later; a changed stored document is caught.
    const CHECK = `query($id: ID!) { order(id: $id) { signatureCheck { valid reason signerIin revocationSource } } }`;
    const again = await gql(platform.gateway.url, CHECK, { id: ok.data.createOrder.id }, token);
    expect(again.data.order.signatureCheck).toEqual({ valid: true, reason: null, signerIin: person.iin, revocationSource: 'OCSP' });
    await platform.subgraphs.orders.orm.em.getConnection().execute(
      `update orders."order" set signed_document = replace(signed_document, ?, ?) where id = ?`, ['"version":', '"version":9', ok.data.createOrder.id]);
    const tampered = await gql(platform.gateway.url, CHECK, { id: ok.data.createOrder.id }, token);
    expect(tampered.data.order.signatureCheck).toMatchObject({ valid: false, reason: 'DOCUMENT_MISMATCH' }) // the signature carries the document it signed;
  });
});

describe("the supplier's EDS: an organization certificate with the supplier's BIN", () => {
  const ANSWER_DOCUMENT = `query($id: ID!, $a: SupplierOrderAction!, $code: OrderRefusalReason, $r: String) { supplierOrderDocument(id: $id, action: $a, reasonCode: $code, comment: $r) }`;
  const ACCEPT = `mutation($id: ID!, $v: Int!, $s: String!) { acceptOrder(id: $id, version: $v, signature: $s) { status supplierSignerBin supplierSignerIin supplierSignedDocument } }`;
  const REFUSE = `mutation($id: ID!, $v: Int!, $r: String, $s: String!) { refuseOrder(id: $id, version: $v, reasonCode: OUT_OF_STOCK, comment: $r, signature: $s) { status refusalCode refusalReason supplierSignerBin } }`;
  const reasonOf = (r: { errors?: { extensions?: { code?: string; reason?: string } }[] }) => r.errors?.[0]?.extensions?.reason ?? r.errors?.[0]?.extensions?.code;
  const HOLDER = world().staff.find((x) => x.role === 'SUPPLIER')!.iin;
  const head = (bin: string, purpose: 'AUTH' | 'SIGN' = 'SIGN', role: string = NCA_OIDS.firstHead) =>
    pki.issue({ iin: HOLDER, bin, purpose, roles: [NCA_OIDS.legalEntity, role] });

  async function awaitingOrder(n: number, kind: string, measure: Record<string, unknown> = {}) {
    const { person, index } = freshPerson(n, kind);
    const offering = offeringFor(person, kind);
    const published = await publishOne(platform, person, { kind, itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode), ...measure });
    const { res } = await signAndOrder(platform, index, published.measure.id, offering.id);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const bin = world().suppliers.find((x) => x.id === offering.supplierId)!.bin;
    const other = world().suppliers.find((x) => x.id !== offering.supplierId)!.bin;
    return { person, order: res.data.createOrder as { id: string; version: number }, supplier: await supplierToken(offering.supplierId), bin, other };
  }

  it('accepts with the head of the supplier; refuses an individual, another supplier, an AUTH key and an ordinary employee', async () => {
    const { person, order, supplier, bin, other } = await awaitingOrder(42, 'S5');
    const document = (await gql(platform.gateway.url, ANSWER_DOCUMENT, { id: order.id, a: 'ACCEPT' }, supplier)).data.supplierOrderDocument as string;
    expect(JSON.parse(document)).toMatchObject({ type: 'ALEUMET_SUPPLIER_DECISION', action: 'ACCEPT_ORDER', order: { id: order.id, version: order.version } });
    const accept = async (signer: Awaited<ReturnType<TestPki['issue']>>, text = document) =>
      gql(platform.gateway.url, ACCEPT, { id: order.id, v: order.version, s: await cmsSign(signer, utf8(text)) }, supplier);

    expect(reasonOf(await gql(platform.gateway.url, ACCEPT, { id: order.id, v: order.version, s: '' }, supplier))).toBe('UNSIGNED');
    expect(reasonOf(await accept(await pki.issue({ iin: person.iin, purpose: 'SIGN' })))).toBe('SIGNER_MISMATCH');
    expect(reasonOf(await accept(await head(other)))).toBe('SIGNER_MISMATCH');
    expect(reasonOf(await accept(await head(bin, 'AUTH')))).toBe('WRONG_KEY_USAGE');
    // An employee's certificate of the organization, not registered as its authorized signer.
    expect(reasonOf(await accept(await head(bin, 'SIGN', NCA_OIDS.employee)))).toBe('SIGNER_NOT_AUTHORIZED');
    const signer = await head(bin);
    expect(reasonOf(await accept(signer, document.replace('ACCEPT_ORDER', 'REFUSE_ORDER')))).toBe('BAD_SIGNATURE');

    const ok = await accept(signer);
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data.acceptOrder).toEqual({ status: 'ACCEPTED', supplierSignerBin: bin, supplierSignerIin: HOLDER, supplierSignedDocument: document });
    const stored = await platform.subgraphs.orders.orm.em.getConnection().execute<{ supplier_signer_certificate: string; supplier_signature_evidence: string }[]>(
      'select supplier_signer_certificate, supplier_signature_evidence from orders."order" where id = ?', [order.id]);
    expect(stored[0]!.supplier_signer_certificate).toBe(signer.pem);
    expect(JSON.parse(stored[0]!.supplier_signature_evidence)).toMatchObject({ source: 'OCSP' });
  });

  it('refuses an order signed by an employee the supplier registered as authorized, with the reason in the signed document', async () => {
    const { order, supplier, bin } = await awaitingOrder(43, 'S5');
    const url = platform.gateway.url;
    const supplierId = world().suppliers.find((x) => x.bin === bin)!.id;
    const reason = 'Out of stock until spring';
    const document = (await gql(url, ANSWER_DOCUMENT, { id: order.id, a: 'REFUSE', code: 'OUT_OF_STOCK', r: reason }, supplier)).data.supplierOrderDocument as string;
    const employee = world().persons[953]!;
    const signature = await cmsSign(await pki.issue({ iin: employee.iin, bin, purpose: 'SIGN', roles: [NCA_OIDS.legalEntity, NCA_OIDS.signatory] }), utf8(document));
    const refuse = (r: string) => gql(url, REFUSE, { id: order.id, v: order.version, r, s: signature }, supplier);
    expect(reasonOf(await refuse(reason))).toBe('SIGNER_NOT_AUTHORIZED');

    // The register: kept by the supplier's own account; an authorization that ended does not count.
    const ADD = `mutation($in: AuthorizedSignerInput!) { addAuthorizedSigner(input: $in) { id iin role validFrom validTo } }`;
    const today = new Date().toISOString().slice(0, 10);
    const entry = { supplierId, iin: employee.iin, fullName: `${employee.lastName} ${employee.firstName}`, role: 'SIGNATORY', validFrom: '2026-01-01', validTo: '2026-01-31' };
    expect((await gql(url, ADD, { in: entry }, await supplierToken(world().suppliers.find((x) => x.id !== supplierId && world().staff.some((st) => st.supplierId === x.id))!.id))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(url, ADD, { in: entry }, supplier)).errors).toBeUndefined();
    expect(reasonOf(await refuse(reason))).toBe('SIGNER_NOT_AUTHORIZED');
    const added = await gql(url, ADD, { in: { ...entry, validFrom: today, validTo: null } }, supplier);
    expect(added.data.addAuthorizedSigner).toMatchObject({ iin: employee.iin, role: 'SIGNATORY', validFrom: today, validTo: null });
    const list = await gql(url, `query($s: ID!) { authorizedSigners(supplierId: $s, first: 10) { nodes { iin validTo } } }`, { s: supplierId }, supplier);
    expect(list.data.authorizedSigners.nodes).toHaveLength(2);

    // The signature covers the reason and its comment: another comment is another document.
    expect(reasonOf(await refuse('Closed'))).toBe('BAD_SIGNATURE');
    const ok = await refuse(reason);
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data.refuseOrder).toEqual({ status: 'REFUSED', refusalCode: 'OUT_OF_STOCK', refusalReason: reason, supplierSignerBin: bin });
  });

  it("submits the monthly act of an S1 order signed with the organization's key", async () => {
    const { person, order, supplier, bin } = await awaitingOrder(44, 'S1', { itemTypeCode: 'S1-ASSIST', quantity: 960, guaranteedSum: guaranteed('S1-ASSIST'), issuedOn: '2026-11-20', validUntil: '2027-11-30' });
    const url = platform.gateway.url;
    const answer = (await gql(url, ANSWER_DOCUMENT, { id: order.id, a: 'ACCEPT' }, supplier)).data.supplierOrderDocument as string;
    expect((await gql(url, ACCEPT, { id: order.id, v: order.version, s: await cmsSign(await head(bin), utf8(answer)) }, supplier)).data.acceptOrder.status).toBe('ACCEPTED');
    const logged = await gql(url, `mutation($o: ID!, $in: JournalEntryInput!) { logServiceHours(orderId: $o, input: $in) { id } }`,
      { o: order.id, in: { date: '2026-12-02', startTime: '09:00', endTime: '12:00', places: ['Polyclinic'] } }, supplier);
    expect(logged.errors, JSON.stringify(logged.errors)).toBeUndefined();
    const act = (await gql(url, `mutation($o: ID!) { generateServiceAct(orderId: $o, period: "2026-12") { id version cost statePart } }`, { o: order.id }, supplier)).data.generateServiceAct;
    const document = (await gql(url, `query($id: ID!) { serviceActDocument(id: $id) }`, { id: act.id }, supplier)).data.serviceActDocument as string;
    expect(JSON.parse(document)).toMatchObject({ action: 'SUBMIT_ACT', act: { id: act.id, period: '2026-12', minutes: 180, amounts: { cost: act.cost, statePart: act.statePart } } });
    const SUBMIT = `mutation($id: ID!, $v: Int!, $s: String!) { submitServiceAct(id: $id, version: $v, signature: $s) { status supplierSignerBin } }`;
    expect(reasonOf(await gql(url, SUBMIT, { id: act.id, v: act.version, s: await cmsSign(await head(bin, 'AUTH'), utf8(document)) }, supplier))).toBe('WRONG_KEY_USAGE');
    const ok = await gql(url, SUBMIT, { id: act.id, v: act.version, s: await cmsSign(await head(bin), utf8(document)) }, supplier);
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data.submitServiceAct).toEqual({ status: 'SUBMITTED', supplierSignerBin: bin });

    // The department's officer approves it with an individual signing key naming the officer.
    const officer = world().staff.find((x) => x.role === 'EMPLOYMENT_DEPARTMENT' && x.regionCode === person.regionCode)!;
    const department = await departmentToken(person.regionCode);
    const decision = (await gql(url, `query($id: ID!) { serviceActDecisionDocument(id: $id, action: APPROVE) }`, { id: act.id }, department)).data.serviceActDecisionDocument as string;
    expect(JSON.parse(decision)).toMatchObject({ type: 'ALEUMET_ACT_DECISION', action: 'APPROVE_ACT', act: { id: act.id, version: act.version + 1 } });
    const APPROVE = `mutation($id: ID!, $v: Int!, $s: String!) { approveServiceAct(id: $id, version: $v, signature: $s) { status } }`;
    const approve = async (key: Awaited<ReturnType<TestPki['issue']>>) => gql(url, APPROVE, { id: act.id, v: act.version + 1, s: await cmsSign(key, utf8(decision)) }, department);
    expect(reasonOf(await gql(url, APPROVE, { id: act.id, v: act.version + 1, s: '' }, department))).toBe('UNSIGNED');
    expect(reasonOf(await approve(await pki.issue({ iin: world().persons[954]!.iin, purpose: 'SIGN' })))).toBe('SIGNER_MISMATCH');
    expect(reasonOf(await approve(await pki.issue({ iin: officer.iin, purpose: 'AUTH' })))).toBe('WRONG_KEY_USAGE');
    const officerKey = await pki.issue({ iin: officer.iin, purpose: 'SIGN' });
    const approved = await approve(officerKey);
    expect(approved.errors, JSON.stringify(approved.errors)).toBeUndefined();
    expect(approved.data.approveServiceAct.status).toBe('APPROVED');

    // Every signature of the order is kept, can be downloaded and verified again.
    const SIGNED = `query($id: ID!) { order(id: $id) { signedDocuments(first: 10) { nodes { id kind document signature certificate signerIin signerBin signedAt } } } }`;
    const docs = (await gql(url, SIGNED, { id: order.id }, department)).data.order.signedDocuments.nodes as { id: string; kind: string; document: string; signature: string; signerIin: string }[];
    expect(docs.map((d) => d.kind)).toEqual(['ORDER_APPLICATION', 'ORDER_ACCEPTANCE', 'ACT_SUBMISSION', 'ACT_APPROVAL']);
    const approval = docs.find((d) => d.kind === 'ACT_APPROVAL')!;
    expect(approval).toMatchObject({ document: decision, signerIin: officer.iin });
    const VERIFY = `query($id: ID!) { verifySignedDocument(id: $id) { valid reason kind signerIin signerBin signerRoles signedAt signingTimeSource certificateSerial revocationSource ocspProducedAt intermediateRevocation } }`;
    const first = (await gql(url, VERIFY, { id: approval.id }, department)).data.verifySignedDocument;
    expect(first).toMatchObject({
      valid: true, reason: null, kind: 'ACT_APPROVAL', signerIin: officer.iin, signerBin: null, signerRoles: ['INDIVIDUAL'], signingTimeSource: 'SIGNED_ATTRIBUTE',
      certificateSerial: officerKey.cert.serialNumber, revocationSource: 'OCSP', intermediateRevocation: ['OCSP'],
    });
    const submission = (await gql(url, VERIFY, { id: docs.find((d) => d.kind === 'ACT_SUBMISSION')!.id }, supplier)).data.verifySignedDocument;
    expect(submission).toMatchObject({ valid: true, signerBin: bin, signerRoles: ['LEGAL_ENTITY', 'FIRST_HEAD'] });
    // Revoked after the signing, responders gone: the OCSP answer kept at signing still vouches for it.
    pki.setStatus(officerKey.cert, { status: 'revoked', at: new Date(Date.now() + 1000) });
    pki.ocspDown(true);
    pki.ocspDown(true, 'root');
    try {
      expect((await gql(url, VERIFY, { id: approval.id }, department)).data.verifySignedDocument).toMatchObject({ valid: true, revocationSource: 'OCSP' });
    } finally {
      pki.ocspDown(false);
      pki.ocspDown(false, 'root');
    }
    // A changed stored document is caught; others may not read it.
    await platform.subgraphs.orders.orm.em.getConnection().execute(`update orders.signed_document set document = replace(document, '"APPROVE_ACT"', '"RETURN_ACT"') where id = ?`, [approval.id]);
    expect((await gql(url, VERIFY, { id: approval.id }, department)).data.verifySignedDocument).toMatchObject({ valid: false, reason: 'BAD_SIGNATURE' });
    expect((await gql(url, VERIFY, { id: approval.id }, await departmentToken(world().staff.find((x) => x.role === 'EMPLOYMENT_DEPARTMENT' && x.regionCode !== person.regionCode)!.regionCode!))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
