/**
 * @aleumet/signing — electronic signatures (EDS) for order documents and sign-in.
 *
 * National EDS (production): NCALayer in the browser makes a CMS SignedData of the document's UTF-8
 * bytes; `verifySignedDocument` recognizes CMS and hands it to the NCA RK verifier (`nca/`):
 * signature (RSA here, GOST at an external service), chain to the EDS_TRUST_DIR anchors at the signing
 * time, revocation (OCSP, then CRL), key purpose (AUTH for sign-in, SIGN for documents), and the
 * identity NCA RK writes (IIN, BIN, role). Settings: `nca/config.ts`, docs/national-eds.md.
 *
 * Development signer (`npm start`, tests; refused when NODE_ENV=production): a deterministic
 * ECDSA P-256 key per IIN under a development CA, signing canonical JSON directly.
 *
 * API
 * - `canonicalize(value)`: canonical JSON string (sorted keys, no whitespace) — what is signed.
 * - `devCa()`, `devSigner(iin, { bin?, roles? })`, `devSigningKey(iin, { bin?, roles? })` (with a BIN: an
 *   organization's certificate, default role first head), `signerFromPkcs8(pkcs8, certificate)`,
 *   `signDocument(signer, doc)`: the development signer (EDS_DEV_SEED or a built-in seed; EDS_CA_CERT
 *   replaces the development CA for its signatures).
 * - `verifySignedDocument({ document, signature, certificate }, { expectedIin?, expectedBin?, roles?,
 *   purpose?, expectedDocument?, at?, now?, notBefore?, evidence? })`: resolves to `{ iin, bin, roles, commonName,
 *   document, certificate, revocation?, signingTime, signingTimeSource }` or throws `SignatureError` whose `reason` is a `SignatureFailure`.
 *   Subgraphs turn it into the GraphQL error `INVALID_SIGNATURE` with `extensions.reason`.
 * - `NcaVerifier`, `ncaVerifier()`, `setNcaVerifier()`, `configFromEnv()`, `readIdentity(cert)`,
 *   `httpGostVerifier(options)`, `loadTrustAnchors(dir)`: the national EDS parts on their own.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { canonicalize } from './canonical.js';
import { SignatureError } from './errors.js';
import { looksLikeCms } from './nca/cms.js';
import type { KeyPurpose, NcaRole } from './nca/profile.js';
import type { RevocationEvidence } from './nca/revocation.js';
import { ncaVerifier, type SigningTimeSource } from './nca/verify.js';
import { OID as NCA_OID, readIdentity } from './nca/profile.js';

export { canonicalize };
export { SignatureError, type SignatureFailure } from './errors.js';
export { OID as NCA_OID, readIdentity, type KeyPurpose, type NcaIdentity, type NcaRole } from './nca/profile.js';
export { NcaVerifier, ncaVerifier, setNcaVerifier, type CmsVerifyOptions, type CmsVerified, type SigningTimeSource } from './nca/verify.js';
export { configFromEnv, type NcaConfig } from './nca/config.js';
export { httpGostVerifier, noGostVerifier, isGostAlgorithm, type GostVerifier } from './nca/gost.js';
export { looksLikeCms, parseCms } from './nca/cms.js';
export { loadTrustAnchors } from './nca/chain.js';
export type { RevocationEvidence } from './nca/revocation.js';

const subtle = globalThis.crypto.subtle;
x509.cryptoProvider.set(globalThis.crypto);

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIG = { name: 'ECDSA', hash: 'SHA-256' } as const;
const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_CN = '2.5.4.3';
const DEV_SEED = 'aleumet-development-eds-ca-do-not-use-in-production';
const NOT_BEFORE = new Date(Date.UTC(2020, 0, 1));
const NOT_AFTER = new Date(Date.UTC(2045, 11, 31));

export interface Signer {
  iin: string;
  /** Base64 PKCS#8 DER of the private key — development signers only (for a browser-side dev signer). */
  pkcs8?: string;
  /** PEM of the signer's certificate. */
  certificate: string;
  sign(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

export interface SignedDocument {
  /** Canonical JSON of the signed document. */
  document: string;
  /** Base64 ECDSA P-256 / SHA-256 signature (raw r‖s, as WebCrypto produces) over the UTF-8 bytes of `document`. */
  signature: string;
  /** PEM certificate of the signer, issued by the platform CA. */
  certificate: string;
}

export interface VerifiedDocument {
  iin: string;
  /** The organization's BIN (NCA RK legal-entity certificates). */
  bin: string | null;
  roles: NcaRole[];
  commonName: string;
  document: unknown;
  certificate: x509.X509Certificate;
  /** How revocation was checked (NCA RK certificates); absent for the development signer. */
  revocation?: RevocationEvidence;
  /** The time the certificate was judged at, and where it came from (see CmsVerifyOptions.at). */
  signingTime: Date;
  signingTimeSource: SigningTimeSource;
}

const env = (name: string): string | undefined =>
  typeof process !== 'undefined' && process.env ? process.env[name] : undefined;
const isProduction = () => env('NODE_ENV') === 'production';
const utf8 = (s: string) => new TextEncoder().encode(s);

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

// P-256 group order: a derived scalar must lie in [1, n-1].
const P256_N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
const PKCS8_P256_PREFIX = Uint8Array.from(
  '308141020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420'.match(/../g)!.map((h) => parseInt(h, 16)),
);

/** A P-256 key pair derived from (seed, label): HMAC-SHA256 gives the private scalar; WebCrypto computes the public key. */
async function deriveKeyPair(seed: string, label: string): Promise<CryptoKeyPair & { pkcs8: Uint8Array }> {
  const hmacKey = await subtle.importKey('raw', utf8(seed), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  for (let counter = 0; ; counter++) {
    const d = new Uint8Array(await subtle.sign('HMAC', hmacKey, utf8(`${label}#${counter}`)));
    const n = BigInt(`0x${hex(d)}`);
    if (n === 0n || n >= P256_N) continue;
    const pkcs8 = new Uint8Array(PKCS8_P256_PREFIX.length + 32);
    pkcs8.set(PKCS8_P256_PREFIX);
    pkcs8.set(d, PKCS8_P256_PREFIX.length);
    const exportable = await subtle.importKey('pkcs8', pkcs8, EC, true, ['sign']);
    const jwk = await subtle.exportKey('jwk', exportable);
    const privateKey = await subtle.importKey('jwk', jwk, EC, false, ['sign']);
    const publicKey = await subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, EC, true, ['verify']);
    const full = new Uint8Array(await subtle.exportKey('pkcs8', exportable));
    return { privateKey, publicKey, pkcs8: full };
  }
}

interface DevCa {
  certificate: x509.X509Certificate;
  pem: string;
  keys: CryptoKeyPair;
}
let devCaPromise: Promise<DevCa> | undefined;
const signerCache = new Map<string, Promise<Signer>>();

function assertDevelopment(what: string) {
  if (isProduction()) throw new Error(`${what} is for development only (national EDS signatures are verified against EDS_TRUST_DIR)`);
}

/** The development CA: a self-signed P-256 certificate over a key derived from the dev seed. */
export function devCa(): Promise<{ certificate: x509.X509Certificate; pem: string }> {
  assertDevelopment('devCa');
  return loadDevCa();
}

function loadDevCa(): Promise<DevCa> {
  devCaPromise ??= (async () => {
    const keys = await deriveKeyPair(env('EDS_DEV_SEED') ?? DEV_SEED, 'ca');
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'CN=Aleumet Development EDS CA, O=Aleumet Federated (development), C=KZ',
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
      signingAlgorithm: SIG,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return { certificate, pem: certificate.toString('pem'), keys };
  })();
  return devCaPromise;
}

let trustedPromise: Promise<x509.X509Certificate> | undefined;
/** The CA development signatures must chain to: EDS_CA_CERT when set, else the development CA. */
export function trustedCa(): Promise<x509.X509Certificate> {
  trustedPromise ??= (async () => {
    const pem = env('EDS_CA_CERT');
    if (pem) return new x509.X509Certificate(pem);
    return (await loadDevCa()).certificate;
  })();
  return trustedPromise;
}

function assertIin(iin: string) {
  if (!/^\d{12}$/.test(iin)) throw new SignatureError('MALFORMED', 'An IIN is 12 digits');
}

/** A development signer for a (seeded) IIN: deterministic key, certificate from the dev CA. */
export interface DevSignerOptions {
  commonName?: string;
  /**
   * An organization's certificate instead of an individual's: subject OU=BIN… and the NCA RK role
   * OIDs in the extended key usage (default first head), as NCA RK writes a legal-entity certificate.
   */
  bin?: string;
  roles?: Exclude<NcaRole, 'INDIVIDUAL' | 'LEGAL_ENTITY'>[];
}

const DEV_ROLE_OID: Record<string, string> = {
  FIRST_HEAD: NCA_OID.firstHead, SIGNATORY: NCA_OID.signatory, FINANCE_SIGNATORY: NCA_OID.financeSignatory, HR_OFFICER: NCA_OID.hrOfficer, EMPLOYEE: NCA_OID.employee,
};

/** A development signer for a (seeded) IIN: deterministic key, certificate from the dev CA. */
export function devSigner(iin: string, opts: DevSignerOptions = {}): Promise<Signer> {
  assertDevelopment('devSigner');
  assertIin(iin);
  if (opts.bin !== undefined && !/^\d{12}$/.test(opts.bin)) throw new SignatureError('MALFORMED', 'A BIN is 12 digits');
  const roles = opts.bin ? (opts.roles?.length ? opts.roles : ['FIRST_HEAD' as const]) : [];
  const key = `${iin}|${opts.commonName ?? ''}|${opts.bin ?? ''}|${roles.join(',')}`;
  let signer = signerCache.get(key);
  if (!signer) {
    signer = (async () => {
      const ca = await loadDevCa();
      const keys = await deriveKeyPair(env('EDS_DEV_SEED') ?? DEV_SEED, `user:${iin}`);
      const serial = hex(new Uint8Array(await subtle.digest('SHA-256', utf8(opts.bin ? `serial:${iin}:${opts.bin}:${roles.join(',')}` : `serial:${iin}`))).subarray(0, 12));
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: `01${serial}`,
        subject: [
          { [OID_CN]: [opts.commonName ?? `IIN ${iin}`] }, { [OID_SERIAL_NUMBER]: [`IIN${iin}`] }, { '2.5.4.6': ['KZ'] },
          ...(opts.bin ? [{ [NCA_OID.organizationalUnit]: [`BIN${opts.bin}`] }] : []),
        ],
        issuer: ca.certificate.subject,
        notBefore: NOT_BEFORE,
        notAfter: NOT_AFTER,
        signingAlgorithm: SIG,
        publicKey: keys.publicKey,
        signingKey: ca.keys.privateKey,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
          await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
          ...(opts.bin ? [new x509.ExtendedKeyUsageExtension([NCA_OID.emailProtection, NCA_OID.legalEntity, ...roles.map((r) => DEV_ROLE_OID[r]!)])] : []),
        ],
      });
      return {
        iin,
        pkcs8: toBase64(keys.pkcs8),
        certificate: cert.toString('pem'),
        sign: async (data: Uint8Array<ArrayBuffer>) => new Uint8Array(await subtle.sign(SIG, keys.privateKey, data)),
      };
    })();
    signerCache.set(key, signer);
  }
  return signer;
}

/** The dev key material of an IIN, for a signer running elsewhere (e.g. the browser): base64 PKCS#8 + PEM certificate. */
export async function devSigningKey(iin: string, opts: DevSignerOptions = {}): Promise<{ iin: string; pkcs8: string; certificate: string }> {
  const s = await devSigner(iin, opts);
  return { iin, pkcs8: s.pkcs8!, certificate: s.certificate };
}

/** A Signer from key material (base64 PKCS#8 P-256 private key + PEM certificate), e.g. what devSigningKey returned. */
export async function signerFromPkcs8(pkcs8: string, certificate: string): Promise<Signer> {
  const key = await subtle.importKey('pkcs8', fromBase64(pkcs8), EC, false, ['sign']);
  const iin = certificateIin(new x509.X509Certificate(certificate));
  if (!iin) throw new SignatureError('UNTRUSTED_CERTIFICATE', 'The certificate names no IIN');
  return { iin, certificate, sign: async (data) => new Uint8Array(await subtle.sign(SIG, key, data)) };
}

/** Signs the canonical form of `doc`. */
export async function signDocument(signer: Signer, doc: unknown): Promise<SignedDocument> {
  const document = canonicalize(doc);
  const signature = await signer.sign(utf8(document));
  return { document, signature: toBase64(signature), certificate: signer.certificate };
}

/** The IIN in a certificate subject (SERIALNUMBER=IIN…), or null. */
export function certificateIin(cert: x509.X509Certificate): string | null {
  const serial = cert.subjectName.getField(OID_SERIAL_NUMBER)[0];
  const m = serial ? /^IIN(\d{12})$/.exec(serial) : null;
  return m ? m[1]! : null;
}

export interface VerifyOptions {
  /** The signer must be this person (certificate IIN). */
  expectedIin?: string;
  /** The server's own version of what should have been signed; compared canonically. */
  expectedDocument?: unknown;
  /** The signing time when known (checking a stored signature again); else the signature's own time (CMS) or `now`. */
  at?: Date;
  /** The service clock's present time; the earliest acceptable CMS signing time (see CmsVerifyOptions). */
  now?: Date;
  notBefore?: Date;
  /** Revocation evidence kept at signing (re-verification reads its OCSP answers instead of asking again). */
  evidence?: RevocationEvidence;
  /** Trust this CA instead of `trustedCa()` (development signer). */
  trustedCa?: x509.X509Certificate;
  /** NCA RK key that must have signed: AUTH (sign-in) or SIGN (documents, the default). */
  purpose?: KeyPurpose;
  /** The organization that must have signed (legal-entity certificate BIN). */
  expectedBin?: string;
  /** The holder must have one of these NCA RK roles. */
  roles?: NcaRole[];
}

/** Verifies a signed document; throws SignatureError with a stable reason. */
export async function verifySignedDocument(signed: Partial<SignedDocument> | null | undefined, opts: VerifyOptions = {}): Promise<VerifiedDocument> {
  if (!signed || !signed.signature || !signed.document) throw new SignatureError('UNSIGNED', 'The document is not signed');
  if (looksLikeCms(signed.signature)) return verifyCmsDocument(signed.document, signed.signature, opts);
  if (isProduction()) throw new SignatureError('DEVELOPMENT_SIGNER', 'Only the national EDS (CMS signatures of NCA RK certificates) is accepted in production');
  if (!signed.certificate) throw new SignatureError('UNSIGNED', 'The document is not signed');
  let cert: x509.X509Certificate;
  let signature: Uint8Array<ArrayBuffer>;
  let document: unknown;
  try {
    cert = new x509.X509Certificate(signed.certificate);
    signature = fromBase64(signed.signature);
    document = JSON.parse(signed.document);
  } catch {
    throw new SignatureError('MALFORMED', 'Signature, certificate or document cannot be read');
  }
  if (canonicalize(document) !== signed.document) throw new SignatureError('MALFORMED', 'The document is not in canonical form');

  const ca = opts.trustedCa ?? (await trustedCa());
  const at = opts.at ?? opts.now ?? new Date();
  const issuedByCa =
    cert.issuerName.toString() === ca.subjectName.toString() && (await cert.verify({ publicKey: ca.publicKey, signatureOnly: true }).catch(() => false));
  if (!issuedByCa) throw new SignatureError('UNTRUSTED_CERTIFICATE', 'The certificate was not issued by the platform CA');
  if (at < cert.notBefore || at > cert.notAfter) throw new SignatureError('EXPIRED_CERTIFICATE', 'The certificate is not valid at this time');
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  if (usage && !(usage.usages & x509.KeyUsageFlags.digitalSignature)) throw new SignatureError('UNTRUSTED_CERTIFICATE', 'The certificate may not sign documents');
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  if (basic?.ca) throw new SignatureError('UNTRUSTED_CERTIFICATE', 'A CA certificate cannot sign documents');

  const iin = certificateIin(cert);
  if (!iin) throw new SignatureError('UNTRUSTED_CERTIFICATE', 'The certificate names no IIN');

  let valid = false;
  try {
    const key = await cert.publicKey.export(EC, ['verify']);
    valid = await subtle.verify(SIG, key, signature, utf8(signed.document));
  } catch {
    valid = false;
  }
  if (!valid) throw new SignatureError('BAD_SIGNATURE', 'The signature does not match the document and certificate');
  if (opts.expectedIin !== undefined && iin !== opts.expectedIin) throw new SignatureError('SIGNER_MISMATCH', 'The document was signed by someone else');
  // Development certificates follow NCA RK's profile for organizations (OU=BIN…, role OIDs); one without a BIN is an individual's.
  const identity = readIdentity(cert);
  const roles: NcaRole[] = identity.bin ? identity.roles : ['INDIVIDUAL'];
  if (opts.expectedBin !== undefined && identity.bin !== opts.expectedBin) throw new SignatureError('SIGNER_MISMATCH', 'The document was not signed for this organization');
  if (opts.roles?.length && !roles.some((r) => opts.roles!.includes(r))) throw new SignatureError('SIGNER_MISMATCH', `The holder's role is not one of ${opts.roles.join(', ')}`);
  if (opts.expectedDocument !== undefined && canonicalize(opts.expectedDocument) !== signed.document) {
    throw new SignatureError('DOCUMENT_MISMATCH', 'The signed document differs from what the server expects (changed or stale)');
  }
  return { iin, bin: identity.bin, roles, commonName: cert.subjectName.getField(OID_CN)[0] ?? '', document, certificate: cert, signingTime: at, signingTimeSource: 'VERIFIER' };
}

/** A CMS signature (NCALayer) over the UTF-8 bytes of the canonical document, detached or attached. */
async function verifyCmsDocument(text: string, signature: string, opts: VerifyOptions): Promise<VerifiedDocument> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new SignatureError('MALFORMED', 'The document cannot be read');
  }
  if (canonicalize(document) !== text) throw new SignatureError('MALFORMED', 'The document is not in canonical form');
  const v = await ncaVerifier().verify(signature, {
    data: utf8(text),
    purpose: opts.purpose ?? 'SIGN',
    expectedIin: opts.expectedIin,
    expectedBin: opts.expectedBin,
    roles: opts.roles,
    at: opts.at,
    now: opts.now,
    notBefore: opts.notBefore,
    evidence: opts.evidence,
  });
  if (opts.expectedDocument !== undefined && canonicalize(opts.expectedDocument) !== text) {
    throw new SignatureError('DOCUMENT_MISMATCH', 'The signed document differs from what the server expects (changed or stale)');
  }
  return { iin: v.identity.iin!, bin: v.identity.bin, roles: v.identity.roles, commonName: v.identity.commonName, document, certificate: v.certificate, revocation: v.revocation, signingTime: v.signingTime, signingTimeSource: v.signingTimeSource };
}
