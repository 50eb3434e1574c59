import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { gql, world } from '@aleumet/testkit';
import { NCA_OIDS, cmsSign, startTestPki, type TestPki } from '@aleumet/testkit/nca';
import { CREATE, DOCUMENT, freshPerson, guaranteed, offeringFor, publishOne, tokens, unique } from '../subgraphs/orders/test/helpers.js';

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
