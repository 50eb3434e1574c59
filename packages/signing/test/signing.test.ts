import { describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { canonicalize, certificateIin, devCa, devSigner, devSigningKey, signerFromPkcs8, signDocument, verifySignedDocument, type Signer } from '../src/index.js';
import { reason } from './reason.js';

const IIN_A = '900101300012';
const IIN_B = '850505400023';
const doc = { order: { measureId: 'm-1', price: 12_345_00, items: [1, 2] }, b: true, a: 'x' };


describe('canonicalize', () => {
  it('sorts keys recursively, drops undefined, no whitespace', () => {
    expect(canonicalize({ b: 1, a: { d: [1, { z: 1, y: 'é' }], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[1,{"y":"é","z":1}]},"b":1}');
    expect(() => canonicalize({ x: NaN })).toThrow();
    expect(() => canonicalize({ x: 1n })).toThrow();
  });
});

describe('development CA and signer', () => {
  it("issues an organization's certificate (BIN, first head, signing key) checked like an NCA RK one", async () => {
    const BIN = '180340021791';
    const org = await devSigner(IIN_A, { bin: BIN });
    const signed = await signDocument(org, doc);
    const v = await verifySignedDocument(signed, { expectedBin: BIN, roles: ['FIRST_HEAD', 'SIGNATORY'], purpose: 'SIGN' });
    expect(v).toMatchObject({ iin: IIN_A, bin: BIN, roles: ['LEGAL_ENTITY', 'FIRST_HEAD'] });
    expect(await reason(verifySignedDocument(signed, { expectedBin: '180340021792' }))).toBe('SIGNER_MISMATCH');
    // An organization's key is not a person's, and a person's key does not sign for an organization.
    expect(await reason(verifySignedDocument(signed, { roles: ['INDIVIDUAL'] }))).toBe('SIGNER_MISMATCH');
    const person = await signDocument(await devSigner(IIN_A), doc);
    expect(await reason(verifySignedDocument(person, { expectedBin: BIN, roles: ['FIRST_HEAD'] }))).toBe('SIGNER_MISMATCH');
    expect(await reason(verifySignedDocument(person, { roles: ['INDIVIDUAL'] }))).toBe('OK');
    const employee = await signDocument(await devSigner(IIN_A, { bin: BIN, roles: ['EMPLOYEE'] }), doc);
    expect(await reason(verifySignedDocument(employee, { expectedBin: BIN, roles: ['FIRST_HEAD', 'SIGNATORY'] }))).toBe('SIGNER_MISMATCH');
  });

  it('derives the same key for the same IIN (deterministic) and different keys for different IINs', async () => {
    const a = await devSigner(IIN_A);
    const certA = new x509.X509Certificate(a.certificate);
    const ca = await devCa();
    expect(certificateIin(certA)).toBe(IIN_A);
    expect(certA.issuer).toBe(ca.certificate.subject);
    const b = await devSigner(IIN_B);
    const certB = new x509.X509Certificate(b.certificate);
    expect(Buffer.from(certA.publicKey.rawData).equals(Buffer.from(certB.publicKey.rawData))).toBe(false);
    const a2 = await devSigner(IIN_A, { commonName: 'Other name' });
    expect(Buffer.from(new x509.X509Certificate(a2.certificate).publicKey.rawData).equals(Buffer.from(certA.publicKey.rawData))).toBe(true);
  });

  it('exports the dev key for a browser-side signer', async () => {
    const k = await devSigningKey(IIN_A);
    const s = await signerFromPkcs8(k.pkcs8, k.certificate);
    expect(s.iin).toBe(IIN_A);
    expect((await verifySignedDocument(await signDocument(s, doc), { expectedIin: IIN_A })).iin).toBe(IIN_A);
  });

  it('signs and verifies', async () => {
    const signed = await signDocument(await devSigner(IIN_A), doc);
    expect(signed.document).toBe(canonicalize(doc));
    const v = await verifySignedDocument(signed, { expectedIin: IIN_A, expectedDocument: { ...doc } });
    expect(v.iin).toBe(IIN_A);
    expect(v.document).toEqual(doc);
  });

  it('refuses unsigned, tampered, wrong key, foreign CA, wrong signer, different document', async () => {
    const a = await devSigner(IIN_A);
    const signed = await signDocument(a, doc);
    expect(await reason(verifySignedDocument(null))).toBe('UNSIGNED');
    expect(await reason(verifySignedDocument({ ...signed, signature: '' }))).toBe('UNSIGNED');
    // tampered document (still canonical)
    const tampered = canonicalize({ ...doc, order: { ...doc.order, price: 1 } });
    expect(await reason(verifySignedDocument({ ...signed, document: tampered }))).toBe('BAD_SIGNATURE');
    // signature made by B's key, presented with A's certificate
    const b = await devSigner(IIN_B);
    const byB = await signDocument(b, doc);
    expect(await reason(verifySignedDocument({ ...signed, signature: byB.signature }))).toBe('BAD_SIGNATURE');
    // a certificate claiming IIN_A from a self-made CA
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const fake = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '02', name: `CN=Aleumet Development EDS CA, O=Aleumet Federated (development), C=KZ`, keys,
      notBefore: new Date('2020-01-01'), notAfter: new Date('2040-01-01'), signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    });
    const forged = await x509.X509CertificateGenerator.create({
      serialNumber: '03', subject: [{ '2.5.4.3': ['forger'] }, { '2.5.4.5': [`IIN${IIN_A}`] }], issuer: fake.subject,
      notBefore: new Date('2020-01-01'), notAfter: new Date('2040-01-01'), signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      publicKey: keys.publicKey, signingKey: keys.privateKey,
    });
    const forger: Signer = { iin: IIN_A, certificate: forged.toString('pem'), sign: async (d) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, d)) };
    expect(await reason(verifySignedDocument(await signDocument(forger, doc)))).toBe('UNTRUSTED_CERTIFICATE');
    // certificate IIN ≠ expected signer
    expect(await reason(verifySignedDocument(signed, { expectedIin: IIN_B }))).toBe('SIGNER_MISMATCH');
    // the server expects another document
    expect(await reason(verifySignedDocument(signed, { expectedDocument: { ...doc, a: 'y' } }))).toBe('DOCUMENT_MISMATCH');
    // non-canonical and garbage input
    expect(await reason(verifySignedDocument({ ...signed, document: JSON.stringify(doc, null, 2) }))).toBe('MALFORMED');
    expect(await reason(verifySignedDocument({ ...signed, certificate: 'nope' }))).toBe('MALFORMED');
    // outside the validity period
    expect(await reason(verifySignedDocument(signed, { at: new Date('2050-01-01') }))).toBe('EXPIRED_CERTIFICATE');
  });
});
