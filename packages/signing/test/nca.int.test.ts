import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pkijs from 'pkijs';
import { NCA_OIDS, cmsSign, startTestPki, type TestPki } from '@aleumet/testkit/nca';
import {
  NcaVerifier,
  canonicalize,
  configFromEnv,
  devSigner,
  httpGostVerifier,
  setNcaVerifier,
  signDocument,
  verifySignedDocument,
  type NcaConfig,
} from '../src/index.js';
import { reason } from './reason.js';

const IIN = '900101300012';
const HEAD_IIN = '850505400023';
const BIN = '180340021791';
const doc = canonicalize({ purpose: 'order', measureId: 'm-1', price: 12_345_00 });
const bytes = new TextEncoder().encode(doc);


let pki: TestPki;
const config = (over: Partial<NcaConfig> = {}): NcaConfig => ({ ...configFromEnv({}), onRevocationUnavailable: 'refuse', ...over });
const verifier = (over: Partial<NcaConfig> = {}) => new NcaVerifier(config(over), { anchors: [pki.root.cert, pki.intermediate.cert] });

beforeAll(async () => {
  pki = await startTestPki();
}, 60_000);
afterAll(() => pki?.close());

describe('NCA RK signatures (CMS, RSA sha256WithRSAEncryption)', () => {
  it('verifies a detached and an attached signature of an individual signing key, with the OCSP answer as evidence', async () => {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const v = verifier();
    const detached = await v.verify(await cmsSign(sign, bytes, { chain: [pki.intermediate] }), { data: bytes, purpose: 'SIGN', expectedIin: IIN });
    expect(detached.identity).toMatchObject({ iin: IIN, bin: null, roles: ['INDIVIDUAL'], purposes: ['SIGN'] });
    expect(detached.revocation.source).toBe('OCSP');
    expect(pkijs.OCSPResponse.fromBER(Buffer.from(detached.revocation.ocspResponse!, 'base64')).responseStatus.valueBlock.valueDec).toBe(0);
    const attached = await v.verify(await cmsSign(sign, bytes, { attached: true }), { purpose: 'SIGN' });
    expect(new TextDecoder().decode(attached.content)).toBe(doc);
    // PEM armour as NCALayer returns it is accepted too.
    const pem = `-----BEGIN CMS-----\n${(await cmsSign(sign, bytes)).replace(/.{64}/g, '$&\n')}\n-----END CMS-----\n`;
    expect(await reason(v.verify(pem, { data: bytes, purpose: 'SIGN' }))).toBe('OK');
  });

  it('tells the authentication key from the signing key and refuses the wrong one', async () => {
    const auth = await pki.issue({ iin: IIN, purpose: 'AUTH' });
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const v = verifier();
    expect(await reason(v.verify(await cmsSign(auth, bytes), { data: bytes, purpose: 'SIGN' }))).toBe('WRONG_KEY_USAGE');
    expect(await reason(v.verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'AUTH' }))).toBe('WRONG_KEY_USAGE');
    expect(await reason(v.verify(await cmsSign(auth, bytes), { data: bytes, purpose: 'AUTH', expectedIin: IIN }))).toBe('OK');
  });

  it('reads BIN and role of a legal-entity certificate and refuses another organization or role', async () => {
    const head = await pki.issue({ iin: HEAD_IIN, bin: BIN, purpose: 'SIGN', roles: [NCA_OIDS.legalEntity, NCA_OIDS.firstHead] });
    const employee = await pki.issue({ iin: IIN, bin: BIN, purpose: 'SIGN', roles: [NCA_OIDS.legalEntity, NCA_OIDS.employee] });
    const v = verifier();
    const ok = await v.verify(await cmsSign(head, bytes), { data: bytes, purpose: 'SIGN', expectedBin: BIN, roles: ['FIRST_HEAD'] });
    expect(ok.identity).toMatchObject({ iin: HEAD_IIN, bin: BIN, roles: ['LEGAL_ENTITY', 'FIRST_HEAD'] });
    expect(await reason(v.verify(await cmsSign(head, bytes), { data: bytes, purpose: 'SIGN', expectedBin: '990740000017' }))).toBe('SIGNER_MISMATCH');
    expect(await reason(v.verify(await cmsSign(employee, bytes), { data: bytes, purpose: 'SIGN', expectedBin: BIN, roles: ['FIRST_HEAD'] }))).toBe('SIGNER_MISMATCH');
    expect(await reason(v.verify(await cmsSign(head, bytes), { data: bytes, purpose: 'SIGN', expectedIin: IIN }))).toBe('SIGNER_MISMATCH');
  });

  it('refuses a tampered document, a foreign chain and an expired certificate', async () => {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const v = verifier();
    const other = new TextEncoder().encode(doc.replace('12345', '12346'));
    expect(await reason(v.verify(await cmsSign(sign, bytes), { data: other, purpose: 'SIGN' }))).toBe('BAD_SIGNATURE');
    expect(await reason(v.verify(await cmsSign(sign, bytes, { attached: true }), { data: other, purpose: 'SIGN' }))).toBe('DOCUMENT_MISMATCH');
    const foreign = await pki.issue({ iin: IIN, purpose: 'SIGN', issuer: pki.stranger });
    expect(await reason(v.verify(await cmsSign(foreign, bytes), { data: bytes, purpose: 'SIGN' }))).toBe('UNTRUSTED_CERTIFICATE');
    const DAY = 86_400_000;
    const expired = await pki.issue({ iin: IIN, purpose: 'SIGN', notBefore: new Date(Date.now() - 200 * DAY), notAfter: new Date(Date.now() - 100 * DAY) });
    expect(await reason(v.verify(await cmsSign(expired, bytes), { data: bytes, purpose: 'SIGN' }))).toBe('EXPIRED_CERTIFICATE');
    // Validity at the signing time: the same certificate was good 150 days ago.
    expect(await reason(v.verify(await cmsSign(expired, bytes), { data: bytes, purpose: 'SIGN', at: new Date(Date.now() - 150 * DAY) }))).toBe('OK');
  });
});

describe('revocation (OCSP per RFC 6960, CRL fallback)', () => {
  it('refuses a certificate the responder says is revoked, accepts a signature made before the revocation', async () => {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    pki.setStatus(sign.cert, { status: 'revoked', at: new Date(Date.now() - 60_000) });
    const before = pki.hits.ocsp;
    expect(await reason(verifier().verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'SIGN' }))).toBe('REVOKED_CERTIFICATE');
    expect(pki.hits.ocsp).toBe(before + 1);
    expect(await reason(verifier().verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'SIGN', at: new Date(Date.now() - 3_600_000) }))).toBe('OK');
  });

  it('accepts answers signed by the issuing CA itself (no responder certificate)', async () => {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    pki.ocspSigner('issuer');
    try {
      expect((await verifier().verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'SIGN' })).revocation.source).toBe('OCSP');
    } finally {
      pki.ocspSigner('delegate');
    }
  });

  it('does not trust an answer signed by anyone else, and falls back to the CRL', async () => {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    pki.setStatus(sign.cert, { status: 'revoked', at: new Date(Date.now() - 60_000) }, { crl: true });
    pki.ocspSigner('stranger');
    try {
      const crlBefore = pki.hits.crl;
      expect(await reason(verifier().verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'SIGN' }))).toBe('REVOKED_CERTIFICATE');
      expect(pki.hits.crl).toBe(crlBefore + 1);
    } finally {
      pki.ocspSigner('delegate');
    }
  });

  it('caches answers per certificate', async () => {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const v = verifier();
    const before = pki.hits.ocsp;
    await v.verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'SIGN' });
    await v.verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'SIGN' });
    expect(pki.hits.ocsp).toBe(before + 1);
  });

  it('falls back to the CRL when OCSP is down or answers unknown', async () => {
    const revoked = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const good = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const unknown = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    pki.setStatus(revoked.cert, { status: 'revoked', at: new Date(Date.now() - 60_000) }, { crl: true });
    pki.setStatus(unknown.cert, { status: 'unknown' });
    pki.ocspDown(true);
    try {
      const crlBefore = pki.hits.crl;
      expect(await reason(verifier().verify(await cmsSign(revoked, bytes), { data: bytes, purpose: 'SIGN' }))).toBe('REVOKED_CERTIFICATE');
      const ok = await verifier().verify(await cmsSign(good, bytes), { data: bytes, purpose: 'SIGN' });
      expect(ok.revocation.source).toBe('CRL');
      expect(pki.hits.crl).toBe(crlBefore + 2);
    } finally {
      pki.ocspDown(false);
    }
    expect((await verifier().verify(await cmsSign(unknown, bytes), { data: bytes, purpose: 'SIGN' })).revocation.source).toBe('CRL');
  });

  it('applies the policy when neither answers: refuse (production default) or accept', async () => {
    const bare = await pki.issue({ iin: IIN, purpose: 'SIGN', noRevocationInfo: true });
    const cms = await cmsSign(bare, bytes);
    expect(await reason(verifier().verify(cms, { data: bytes, purpose: 'SIGN' }))).toBe('REVOCATION_UNAVAILABLE');
    expect((await verifier({ onRevocationUnavailable: 'accept' }).verify(cms, { data: bytes, purpose: 'SIGN' })).revocation.source).toBe('NONE');
    // A responder that does not answer in time is "unavailable", after the configured retries.
    const silent = http.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const started = Date.now();
    expect(await reason(verifier({ ocsp: { url, timeoutMs: 200, retries: 1 } }).verify(cms, { data: bytes, purpose: 'SIGN' }))).toBe('REVOCATION_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_000);
    silent.closeAllConnections();
    silent.close();
    expect(configFromEnv({ NODE_ENV: 'production' }).onRevocationUnavailable).toBe('refuse');
  });
});

describe("the intermediate certificate's revocation", () => {
  it('asks the root for the intermediate too, and refuses what a revoked intermediate issued', async () => {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const before = pki.hits.rootOcsp;
    const ok = await verifier().verify(await cmsSign(sign, bytes, { chain: [pki.intermediate] }), { data: bytes, purpose: 'SIGN' });
    expect(pki.hits.rootOcsp).toBe(before + 1);
    expect(ok.revocation.chain).toMatchObject([{ source: 'OCSP' }]);
    pki.setStatus(pki.intermediate.cert, { status: 'revoked', at: new Date(Date.now() - 60_000) }, { crl: true });
    try {
      expect(await reason(verifier().verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'SIGN' }))).toBe('REVOKED_CERTIFICATE');
      // The root's CRL when its responder is down.
      pki.ocspDown(true, 'root');
      const crlBefore = pki.hits.rootCrl;
      expect(await reason(verifier().verify(await cmsSign(sign, bytes), { data: bytes, purpose: 'SIGN' }))).toBe('REVOKED_CERTIFICATE');
      expect(pki.hits.rootCrl).toBe(crlBefore + 1);
    } finally {
      pki.ocspDown(false, 'root');
      pki.setStatus(pki.intermediate.cert, { status: 'good' });
    }
  });
});

describe('the signing time the signature carries', () => {
  const MINUTE = 60_000;
  it('judges the certificate at the signed signingTime, refusing one in the future or before the document was given', async () => {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const at = new Date(Date.now() - 2 * MINUTE);
    const ok = await verifier().verify(await cmsSign(sign, bytes, { signingTime: at }), { data: bytes, purpose: 'SIGN' });
    expect(ok.signingTimeSource).toBe('SIGNED_ATTRIBUTE');
    expect(Math.abs(ok.signingTime.getTime() - at.getTime())).toBeLessThan(1000);
    const future = await cmsSign(sign, bytes, { signingTime: new Date(Date.now() + 60 * MINUTE) });
    expect(await reason(verifier().verify(future, { data: bytes, purpose: 'SIGN' }))).toBe('INVALID_SIGNING_TIME');
    // Signed before the challenge was issued (a signature made earlier, replayed).
    const early = new Date(Date.now() - 10 * MINUTE);
    expect(await reason(verifier().verify(await cmsSign(sign, bytes, { signingTime: early }), { data: bytes, purpose: 'SIGN', notBefore: new Date(Date.now() - 30_000) }))).toBe(
      'INVALID_SIGNING_TIME',
    );
    // Older than the allowed age when no earliest time is given.
    expect(await reason(verifier().verify(await cmsSign(sign, bytes, { signingTime: new Date(Date.now() - 60 * MINUTE) }), { data: bytes, purpose: 'SIGN' }))).toBe(
      'INVALID_SIGNING_TIME',
    );
    const none = await verifier().verify(await cmsSign(sign, bytes, { signingTime: null }), { data: bytes, purpose: 'SIGN' });
    expect(none.signingTimeSource).toBe('VERIFIER');
  });

  it('prefers a time-stamp token of a trusted authority, and refuses one that stamps another signature', async () => {
    const DAY = 86_400_000;
    // Expired now; valid when the authority stamped it, though the signer claims a later time.
    const expired = await pki.issue({ iin: IIN, purpose: 'SIGN', notBefore: new Date(Date.now() - 10 * DAY), notAfter: new Date(Date.now() - MINUTE) });
    const stampedAt = new Date(Date.now() - 5 * MINUTE);
    const cms = await cmsSign(expired, bytes, { signingTime: new Date(), timestamp: { tsa: pki.tsa, time: stampedAt, chain: [pki.intermediate] } });
    const v = await verifier().verify(cms, { data: bytes, purpose: 'SIGN' });
    expect(v.signingTimeSource).toBe('TIMESTAMP');
    expect(Math.abs(v.signingTime.getTime() - stampedAt.getTime())).toBeLessThan(1000);
    expect(await reason(verifier().verify(await cmsSign(expired, bytes, { signingTime: new Date() }), { data: bytes, purpose: 'SIGN' }))).toBe('EXPIRED_CERTIFICATE');
    const wrong = await cmsSign(expired, bytes, { timestamp: { tsa: pki.tsa, time: stampedAt, imprint: 'other' } });
    expect(await reason(verifier().verify(wrong, { data: bytes, purpose: 'SIGN' }))).toBe('BAD_SIGNATURE');
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const strangerTsa = await cmsSign(sign, bytes, { timestamp: { tsa: sign, time: stampedAt } });
    expect(await reason(verifier().verify(strangerTsa, { data: bytes, purpose: 'SIGN' }))).toBe('BAD_SIGNATURE');
  });
});

describe('a stored signature verified again later', () => {
  it('reads the OCSP answers kept at signing instead of asking, after the certificate expired and was revoked', async () => {
    const DAY = 86_400_000;
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN', notBefore: new Date(Date.now() - 10 * DAY), notAfter: new Date(Date.now() + DAY) });
    const signedAt = new Date(Date.now() - 60_000);
    const cms = await cmsSign(sign, bytes, { signingTime: signedAt, chain: [pki.intermediate] });
    const first = await verifier().verify(cms, { data: bytes, purpose: 'SIGN' });
    // Kept as JSON with the document.
    const evidence = JSON.parse(JSON.stringify(first.revocation));
    pki.setStatus(sign.cert, { status: 'revoked', at: new Date() });
    pki.ocspDown(true);
    pki.ocspDown(true, 'root');
    try {
      const hits = pki.hits.ocsp + pki.hits.rootOcsp + pki.hits.crl + pki.hits.rootCrl;
      // Two years later (the certificate has expired), at the signing time recorded.
      const later = { data: bytes, purpose: 'SIGN' as const, at: first.signingTime, now: new Date(Date.now() + 730 * DAY), evidence };
      const again = await verifier().verify(cms, later);
      expect(again.revocation).toMatchObject({ source: 'OCSP', ocspResponse: evidence.ocspResponse, chain: [{ source: 'OCSP' }] });
      expect(pki.hits.ocsp + pki.hits.rootOcsp + pki.hits.crl + pki.hits.rootCrl).toBe(hits);
      // An answer about another certificate is not evidence: asked again (the revocation is after the signing, and the CRL does not list it).
      const other = await pki.issue({ iin: IIN, purpose: 'SIGN' });
      const otherEvidence = JSON.parse(JSON.stringify((await verifier({ onRevocationUnavailable: 'accept' }).verify(await cmsSign(other, bytes), { data: bytes, purpose: 'SIGN' })).revocation));
      expect(await reason(verifier().verify(cms, { ...later, evidence: { ...evidence, ocspResponse: otherEvidence.ocspResponse ?? evidence.ocspResponse, source: 'OCSP' } }))).toBe('OK');
    } finally {
      pki.ocspDown(false);
      pki.ocspDown(false, 'root');
    }
  });
});

describe('GOST 34.10-2015 through the external verification service', () => {
  /** The RSA container relabelled with GOST algorithm identifiers: only the service can judge it. */
  async function gostCms(): Promise<string> {
    const sign = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    const info = pkijs.ContentInfo.fromBER(Buffer.from(await cmsSign(sign, bytes), 'base64'));
    const sd = new pkijs.SignedData({ schema: info.content });
    sd.signerInfos[0]!.digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.643.7.1.1.2.3' });
    sd.signerInfos[0]!.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.643.7.1.1.3.3' });
    const out = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: sd.toSchema(true) });
    return Buffer.from(out.toSchema().toBER()).toString('base64');
  }

  it('answers UNSUPPORTED_ALGORITHM when no service is configured', async () => {
    expect(await reason(verifier().verify(await gostCms(), { data: bytes, purpose: 'SIGN' }))).toBe('UNSUPPORTED_ALGORITHM');
  });

  it('asks the configured service, caches certificate answers, and reports it unavailable when it is down', async () => {
    const seen: { path: string; body: Record<string, string> }[] = [];
    let verdict = true;
    const service = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ path: req.url!, body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ valid: verdict }));
      });
    });
    await new Promise<void>((r) => service.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/gost`;
    try {
      const gost = { url, timeoutMs: 1000, retries: 0, cacheSeconds: 60 };
      const cms = await gostCms();
      const ok = await verifier({ gost }).verify(cms, { data: bytes, purpose: 'SIGN', expectedIin: IIN });
      expect(ok.identity.iin).toBe(IIN);
      expect(seen[0]).toEqual({ path: '/gost/cms', body: { cms, data: Buffer.from(bytes).toString('base64') } });
      verdict = false;
      expect(await reason(verifier({ gost }).verify(cms, { data: bytes, purpose: 'SIGN' }))).toBe('BAD_SIGNATURE');

      const client = httpGostVerifier(gost);
      const cert = (await pki.issue({ iin: IIN, purpose: 'SIGN' })).cert;
      const calls = seen.length;
      expect(await client.verifyCertificate(cert, pki.intermediate.cert)).toBe(false);
      expect(await client.verifyCertificate(cert, pki.intermediate.cert)).toBe(false);
      expect(seen.length).toBe(calls + 1);
      expect(seen.at(-1)).toEqual({
        path: '/gost/certificate',
        body: { certificate: Buffer.from(cert.rawData).toString('base64'), issuer: Buffer.from(pki.intermediate.cert.rawData).toString('base64') },
      });
    } finally {
      service.close();
    }
    expect(await reason(verifier({ gost: { url, timeoutMs: 300, retries: 0, cacheSeconds: 60 } }).verify(await gostCms(), { data: bytes, purpose: 'SIGN' }))).toBe(
      'VERIFIER_UNAVAILABLE',
    );
  });
});

describe('verifySignedDocument with CMS and the development signer', () => {
  it('routes CMS signatures to the NCA RK verifier (purpose, IIN, document)', async () => {
    const auth = await pki.issue({ iin: IIN, purpose: 'AUTH' });
    setNcaVerifier(verifier());
    try {
      const signature = await cmsSign(auth, bytes);
      const v = await verifySignedDocument({ document: doc, signature, certificate: '' }, { purpose: 'AUTH', expectedIin: IIN, expectedDocument: JSON.parse(doc) });
      expect(v).toMatchObject({ iin: IIN, roles: ['INDIVIDUAL'] });
      expect(await reason(verifySignedDocument({ document: doc, signature, certificate: '' }, { expectedIin: IIN }))).toBe('WRONG_KEY_USAGE');
    } finally {
      setNcaVerifier(undefined);
    }
  });

  it('refuses the development signer when NODE_ENV=production', async () => {
    const signed = await signDocument(await devSigner(IIN), JSON.parse(doc));
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(await reason(verifySignedDocument(signed, { expectedIin: IIN }))).toBe('DEVELOPMENT_SIGNER');
      expect(() => devSigner(IIN)).toThrow(/development only/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
