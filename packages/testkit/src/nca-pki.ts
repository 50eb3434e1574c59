import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';

/**
 * A test PKI shaped like NCA RK's (RSA, root → intermediate → end-entity), built in the test run:
 * certificates carry IIN in subject serialNumber, BIN in OU, role and key purpose in extended key
 * usage; the intermediate serves OCSP (RFC 6960, signed by the issuing CA) and a CRL on loopback.
 */
x509.cryptoProvider.set(globalThis.crypto);
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;
const DAY = 86_400_000;
export const NCA_OIDS = {
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  individual: '1.2.398.3.3.4.1.1',
  legalEntity: '1.2.398.3.3.4.1.2',
  firstHead: '1.2.398.3.3.4.1.2.1',
  employee: '1.2.398.3.3.4.1.2.5',
};

export interface TestCertificate {
  cert: x509.X509Certificate;
  pem: string;
  keys: webcrypto.CryptoKeyPair;
}

export interface IssueOptions {
  iin: string;
  name?: string;
  bin?: string;
  organization?: string;
  purpose: 'AUTH' | 'SIGN';
  roles?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Issue with another CA (e.g. one not among the trust anchors). */
  issuer?: TestCertificate;
  /** Leave out the OCSP (AIA) and CRL (CDP) addresses. */
  noRevocationInfo?: boolean;
}

type Status = { status: 'good' } | { status: 'revoked'; at: Date } | { status: 'unknown' };

export interface TestPki {
  root: TestCertificate;
  intermediate: TestCertificate;
  /** A CA outside the trust anchors. */
  stranger: TestCertificate;
  ocspUrl: string;
  crlUrl: string;
  issue(opts: IssueOptions): Promise<TestCertificate>;
  /** What the OCSP responder answers for a certificate (default good); `crl` puts it on the CRL too. */
  setStatus(cert: x509.X509Certificate, status: Status, opts?: { crl?: boolean }): void;
  /** Who signs OCSP answers: a delegated responder certificate (id-kp-OCSPSigning, carried in the answer; default) or the issuing CA itself. */
  ocspSigner(mode: 'delegate' | 'issuer' | 'stranger'): void;
  /** Make the OCSP responder of the intermediate (default) or of the root fail (HTTP 500) to exercise the CRL fallback. */
  ocspDown(down: boolean, which?: 'intermediate' | 'root'): void;
  /** Requests the responders received (the root's answer about the intermediate apart). */
  hits: { ocsp: number; crl: number; rootOcsp: number; rootCrl: number };
  /** The time-stamping authority (id-kp-timeStamping, issued by the intermediate). */
  tsa: TestCertificate;
  /** Root and intermediate as PEM (files for EDS_TRUST_DIR). */
  anchorsPem(): string;
  close(): Promise<void>;
}

async function rsaKeys(): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey(RSA, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;
}

async function makeCa(name: string, issuer?: TestCertificate, revocationInfo: x509.Extension[] = []): Promise<TestCertificate> {
  const keys = await rsaKeys();
  const extensions = [
    ...revocationInfo,
    new x509.BasicConstraintsExtension(true, issuer ? 0 : 1, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  const common = { name, notBefore: new Date(Date.now() - 365 * DAY), notAfter: new Date(Date.now() + 10 * 365 * DAY), signingAlgorithm: RSA, extensions };
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: name,
        issuer: issuer.cert.subject,
        notBefore: common.notBefore,
        notAfter: common.notAfter,
        signingAlgorithm: RSA,
        publicKey: keys.publicKey,
        signingKey: issuer.keys.privateKey,
        extensions: [...extensions, await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey)],
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: serial(), keys, ...common });
  return { cert, pem: cert.toString('pem'), keys };
}

let serialCounter = 0;
const serial = () => `0${(Date.now() * 1000 + ++serialCounter).toString(16)}`;

export async function startTestPki(): Promise<TestPki> {
  // The port first: the intermediate names the root's OCSP responder and CRL (its own revocation is checked too).
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ocspUrl = `${base}/ocsp`;
  const crlUrl = `${base}/intermediate.crl`;
  const rootOcspUrl = `${base}/root-ocsp`;
  const rootCrlUrl = `${base}/root.crl`;
  const root = await makeCa('CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST ROOT), C=KZ');
  const intermediate = await makeCa('CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST RSA), C=KZ', root, [
    new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', rootOcspUrl)] }),
    new x509.CRLDistributionPointsExtension([rootCrlUrl]),
  ]);
  const stranger = await makeCa('CN=Somebody Else CA, C=KZ');
  const statuses = new Map<string, Status>();
  const onCrl = new Map<string, Date>();
  const hits = { ocsp: 0, crl: 0, rootOcsp: 0, rootCrl: 0 };
  let down = false;
  let rootDown = false;
  let ocspMode: 'delegate' | 'issuer' | 'stranger' = 'delegate';
  /** A service certificate of the intermediate: its OCSP responder (id-kp-OCSPSigning) or its TSA (id-kp-timeStamping, critical as RFC 3161 asks). */
  async function serviceCertificate(name: string, eku: string, usage: number, ekuCritical = false): Promise<TestCertificate> {
    const keys = await rsaKeys();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject: name,
      issuer: intermediate.cert.subject,
      notBefore: new Date(Date.now() - DAY),
      notAfter: new Date(Date.now() + 365 * DAY),
      signingAlgorithm: RSA,
      publicKey: keys.publicKey,
      signingKey: intermediate.keys.privateKey,
      extensions: [
        new x509.KeyUsagesExtension(usage, true),
        new x509.ExtendedKeyUsageExtension([eku], ekuCritical),
        await x509.AuthorityKeyIdentifierExtension.create(intermediate.keys.publicKey),
      ],
    });
    return { cert, pem: cert.toString('pem'), keys };
  }
  const responder = await serviceCertificate('CN=OCSP RESPONDER (TEST RSA), C=KZ', '1.3.6.1.5.5.7.3.9', x509.KeyUsageFlags.digitalSignature);
  const tsa = await serviceCertificate('CN=TSA (TEST RSA), C=KZ', '1.3.6.1.5.5.7.3.8', x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true);

  async function crlOf(ca: TestCertificate) {
    return x509.X509CrlGenerator.create({
      issuer: ca.cert.subject,
      thisUpdate: new Date(Date.now() - 60_000),
      nextUpdate: new Date(Date.now() + DAY),
      signingAlgorithm: RSA,
      signingKey: ca.keys.privateKey,
      entries: [...onCrl].map(([serialNumber, revocationDate]) => ({ serialNumber, revocationDate })),
    });
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.url === '/ocsp' && req.method === 'POST') {
          hits.ocsp++;
          if (down) return void res.writeHead(500).end();
          const body = await ocspAnswer(
            new Uint8Array(Buffer.concat(chunks)),
            { issuer: intermediate, delegate: responder, stranger }[ocspMode],
            statuses,
            ocspMode !== 'issuer',
          );
          res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.from(body));
        } else if (req.url === '/root-ocsp' && req.method === 'POST') {
          hits.rootOcsp++;
          if (rootDown) return void res.writeHead(500).end();
          const body = await ocspAnswer(new Uint8Array(Buffer.concat(chunks)), root, statuses, false);
          res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.from(body));
        } else if (req.url === '/intermediate.crl' || req.url === '/root.crl') {
          if (req.url === '/root.crl') hits.rootCrl++;
          else hits.crl++;
          const crl = await crlOf(req.url === '/root.crl' ? root : intermediate);
          res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(Buffer.from(crl.rawData));
        } else res.writeHead(404).end();
      })().catch((e) => res.writeHead(500).end(String(e)));
    });
  }

  return {
    root,
    intermediate,
    stranger,
    ocspUrl,
    crlUrl,
    hits,
    async issue(o) {
      const issuer = o.issuer ?? intermediate;
      const keys = await rsaKeys();
      const subject: x509.JsonName = [{ '2.5.4.3': [o.name ?? `TEST ${o.iin}`] }, { '2.5.4.5': [`IIN${o.iin}`] }, { '2.5.4.6': ['KZ'] }];
      if (o.bin) subject.push({ '2.5.4.10': [o.organization ?? `ТОО TEST ${o.bin}`] }, { '2.5.4.11': [`BIN${o.bin}`] });
      const usage =
        o.purpose === 'SIGN'
          ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation
          : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment;
      const roles = o.roles ?? (o.bin ? [NCA_OIDS.legalEntity] : [NCA_OIDS.individual]);
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject,
        issuer: issuer.cert.subject,
        notBefore: o.notBefore ?? new Date(Date.now() - DAY),
        notAfter: o.notAfter ?? new Date(Date.now() + 365 * DAY),
        signingAlgorithm: RSA,
        publicKey: keys.publicKey,
        signingKey: issuer.keys.privateKey,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(usage, true),
          new x509.ExtendedKeyUsageExtension([o.purpose === 'SIGN' ? NCA_OIDS.emailProtection : NCA_OIDS.clientAuth, ...roles]),
          await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
          ...(o.noRevocationInfo
            ? []
            : [new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', ocspUrl)] }), new x509.CRLDistributionPointsExtension([crlUrl])]),
        ],
      });
      return { cert, pem: cert.toString('pem'), keys };
    },
    setStatus(cert, status, opts = {}) {
      statuses.set(cert.serialNumber, status);
      if (opts.crl && status.status === 'revoked') onCrl.set(cert.serialNumber, status.at);
      if (status.status === 'good') onCrl.delete(cert.serialNumber);
    },
    ocspSigner(mode) {
      ocspMode = mode;
    },
    ocspDown(d, which = 'intermediate') {
      if (which === 'root') rootDown = d;
      else down = d;
    },
    tsa,
    anchorsPem: () => `${root.pem}\n${intermediate.pem}\n`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An RFC 6960 BasicOCSPResponse for every CertID in the request, signed by `signer`, echoing the nonce. */
async function ocspAnswer(der: Uint8Array, signer: TestCertificate, statuses: Map<string, Status>, attach: boolean): Promise<ArrayBuffer> {
  const request = pkijs.OCSPRequest.fromBER(der.slice().buffer);
  const signerCert = pkijs.Certificate.fromBER(signer.cert.rawData);
  const now = new Date();
  const basic = new pkijs.BasicOCSPResponse();
  basic.tbsResponseData.responderID = signerCert.subject;
  if (attach) basic.certs = [signerCert];
  basic.tbsResponseData.producedAt = now;
  for (const r of request.tbsRequest.requestList) {
    const serialHex = Buffer.from(r.reqCert.serialNumber.valueBlock.valueHexView).toString('hex');
    const s = [...statuses].find(([k]) => BigInt(`0x${k}`) === BigInt(`0x${serialHex}`))?.[1] ?? { status: 'good' };
    const certStatus =
      s.status === 'good'
        ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } })
        : s.status === 'revoked'
          ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: s.at })] })
          : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } });
    basic.tbsResponseData.responses.push(
      new pkijs.SingleResponse({ certID: r.reqCert, certStatus, thisUpdate: now, nextUpdate: new Date(now.getTime() + 3_600_000) }),
    );
  }
  const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === '1.3.6.1.5.5.7.48.1.2');
  if (nonce) basic.tbsResponseData.responseExtensions = [nonce];
  await basic.sign(signer.keys.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: '1.3.6.1.5.5.7.48.1.1', response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER() }) }),
  });
  return response.toSchema().toBER();
}

/**
 * A CMS SignedData like NCALayer's `basics.sign` (format cms) makes: sha256WithRSAEncryption, signed
 * attributes (contentType, signingTime, messageDigest), the signer's and the issuer's certificates,
 * detached unless `attached`. Returned as base64 DER.
 */
export interface CmsSignOptions {
  attached?: boolean;
  chain?: TestCertificate[];
  /** The signingTime attribute (now by default; null leaves it out). */
  signingTime?: Date | null;
  /** Add an RFC 3161 signature time-stamp token of this authority, at `time` (now by default); `imprint: 'other'` stamps another value. */
  timestamp?: { tsa: TestCertificate; time?: Date; chain?: TestCertificate[]; imprint?: 'other' };
}

export async function cmsSign(signer: TestCertificate, data: Uint8Array, opts: CmsSignOptions = {}): Promise<string> {
  const cert = pkijs.Certificate.fromBER(signer.cert.rawData);
  const digest = await crypto.subtle.digest('SHA-256', data.slice());
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
            ...(opts.signingTime === null ? [] : [new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: opts.signingTime ?? new Date() })] })]),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
          ],
        }),
      }),
    ],
    certificates: [cert, ...(opts.chain ?? []).map((c) => pkijs.Certificate.fromBER(c.cert.rawData))],
  });
  if (opts.attached) signed.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: data.slice().buffer });
  await signed.sign(signer.keys.privateKey, 0, 'SHA-256', data.slice().buffer);
  if (opts.timestamp) {
    const value = signed.signerInfos[0]!.signature.valueBlock.valueHexView.slice();
    const token = await timestampToken(opts.timestamp, opts.timestamp.imprint === 'other' ? new Uint8Array([1, 2, 3]) : value);
    signed.signerInfos[0]!.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: '1.2.840.113549.1.9.16.2.14', values: [token.toSchema()] })],
    });
  }
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER()).toString('base64');
}

/** An RFC 3161 TimeStampToken: SignedData over a TSTInfo imprinting SHA-256 of `value`, signed by the TSA. */
async function timestampToken(o: NonNullable<CmsSignOptions['timestamp']>, value: Uint8Array): Promise<pkijs.ContentInfo> {
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: '1.2.398.3.3.2.6.1',
    messageImprint: await pkijs.MessageImprint.create('SHA-256', value.slice()),
    serialNumber: new asn1js.Integer({ value: Date.now() }),
    genTime: o.time ?? new Date(),
  });
  const content = tstInfo.toSchema().toBER();
  const tsaCert = pkijs.Certificate.fromBER(o.tsa.cert.rawData);
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.9.16.1.4', eContent: new asn1js.OctetString({ valueHex: content }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: tsaCert.issuer, serialNumber: tsaCert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: await crypto.subtle.digest('SHA-256', content) })] }),
          ],
        }),
      }),
    ],
    certificates: [tsaCert, ...(o.chain ?? []).map((c) => pkijs.Certificate.fromBER(c.cert.rawData))],
  });
  await signed.sign(o.tsa.keys.privateKey, 0, 'SHA-256');
  return new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
}
