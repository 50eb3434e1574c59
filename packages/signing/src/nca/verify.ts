import * as x509 from '@peculiar/x509';
import { SignatureError } from '../errors.js';
import { buildChain, loadTrustAnchors } from './chain.js';
import { parseCms, verifyCmsSignature, type ParsedCms } from './cms.js';
import { configFromEnv, type NcaConfig } from './config.js';
import { httpGostVerifier, noGostVerifier, type GostVerifier } from './gost.js';
import { readIdentity, type KeyPurpose, type NcaIdentity, type NcaRole } from './profile.js';
import { RevocationChecker, type RevocationEvidence } from './revocation.js';
import { timestampTime } from './timestamp.js';

/** Where the signing time came from: an RFC 3161 time-stamp token, the signed signingTime attribute, or the verifier's clock (neither present, or given by the caller). */
export type SigningTimeSource = 'TIMESTAMP' | 'SIGNED_ATTRIBUTE' | 'VERIFIER';

export interface CmsVerifyOptions {
  /** The signed bytes when the signature is detached; compared with the content when attached. */
  data?: Uint8Array;
  /** Which key must have signed: AUTH for sign-in, SIGN for documents. */
  purpose: KeyPurpose;
  expectedIin?: string;
  expectedBin?: string;
  /** The holder must have one of these roles (e.g. FIRST_HEAD, SIGNATORY for a supplier). */
  roles?: NcaRole[];
  /**
   * The signing time the certificate must be valid at, when the caller knows it (verifying a stored
   * signature again: the time recorded at signing). Without it the signature's own time is used — a
   * time-stamp token, else the signed signingTime attribute, else `now` — and must lie between
   * `notBefore` (e.g. when the sign-in challenge was issued) and `now`, within the configured skew.
   */
  at?: Date;
  /** The earliest acceptable signing time; `now` minus EDS_SIGNING_TIME_MAX_AGE_SECONDS by default. */
  notBefore?: Date;
  /** The verifier's present time (the service clock); the real time by default. */
  now?: Date;
  /** Revocation evidence kept when the signature was first verified: its OCSP answers are read again instead of asking. */
  evidence?: RevocationEvidence;
}

export interface CmsVerified {
  identity: NcaIdentity;
  certificate: x509.X509Certificate;
  chain: x509.X509Certificate[];
  content: Uint8Array;
  /** The time the certificate was checked at. */
  signingTime: Date;
  signingTimeSource: SigningTimeSource;
  /** The signer's certificate status; `chain` holds the intermediates'. */
  revocation: RevocationEvidence;
}

/** Verifies CMS signatures made with NCA RK certificates: signature, chain to the configured anchors, revocation, key purpose, identity. */
export class NcaVerifier {
  private readonly revocation: RevocationChecker;
  private readonly gost: GostVerifier;
  private anchors?: Promise<x509.X509Certificate[]>;

  constructor(
    readonly config: NcaConfig,
    opts: { anchors?: x509.X509Certificate[]; gost?: GostVerifier } = {},
  ) {
    this.revocation = new RevocationChecker(config);
    this.gost = opts.gost ?? (config.gost ? httpGostVerifier(config.gost) : noGostVerifier);
    if (opts.anchors) this.anchors = Promise.resolve(opts.anchors);
  }

  private trustAnchors(): Promise<x509.X509Certificate[]> {
    this.anchors ??= this.config.trustDir ? loadTrustAnchors(this.config.trustDir) : Promise.resolve([]);
    return this.anchors;
  }

  async verify(signature: string, opts: CmsVerifyOptions): Promise<CmsVerified> {
    const cms = parseCms(signature);
    if (opts.data && cms.content && !Buffer.from(opts.data).equals(Buffer.from(cms.content))) {
      throw new SignatureError('DOCUMENT_MISMATCH', 'The signed content differs from the document');
    }
    const content = cms.content ?? opts.data;
    if (!content) throw new SignatureError('UNSIGNED', 'A detached signature needs the document it signs');
    await verifyCmsSignature(cms, cms.content ? undefined : content, this.gost);

    const anchors = await this.trustAnchors();
    if (!anchors.length) throw new SignatureError('UNTRUSTED_CERTIFICATE', 'No NCA RK trust anchors are configured (EDS_TRUST_DIR)');
    const now = opts.now ?? new Date();
    const { at, source } = await this.signingTime(cms, anchors, opts, now);
    const chain = await buildChain(cms.signer, cms.certificates, anchors, at, this.gost);
    const identity = readIdentity(cms.signer);
    checkUsage(cms.signer, identity, opts.purpose);
    const revocation = await this.revocation.check(cms.signer, chain[1]!, at, now, opts.evidence);
    // Every CA certificate below the root too (its issuer's OCSP or CRL): a revoked intermediate voids what it issued.
    const intermediates: RevocationEvidence[] = [];
    for (let i = 1; i + 1 < chain.length; i++) {
      if (chain[i]!.subjectName.toString() === chain[i]!.issuerName.toString()) break;
      intermediates.push(await this.revocation.check(chain[i]!, chain[i + 1]!, at, now, opts.evidence?.chain?.[i - 1]));
    }
    if (intermediates.length) revocation.chain = intermediates;

    if (!identity.iin) throw new SignatureError('UNTRUSTED_CERTIFICATE', 'The certificate names no IIN');
    if (opts.expectedIin !== undefined && identity.iin !== opts.expectedIin) throw new SignatureError('SIGNER_MISMATCH', 'The document was signed by someone else');
    if (opts.expectedBin !== undefined && identity.bin !== opts.expectedBin) throw new SignatureError('SIGNER_MISMATCH', "The certificate is not the organization's");
    if (opts.roles && !opts.roles.some((r) => identity.roles.includes(r))) {
      throw new SignatureError('SIGNER_MISMATCH', `The certificate holder is not ${opts.roles.join(' or ')}`);
    }
    return { identity, certificate: cms.signer, chain, content, signingTime: at, signingTimeSource: source, revocation };
  }

  /** The time-stamp token's time, else the signed signingTime attribute; refused in the future or before `notBefore`. */
  private async signingTime(cms: ParsedCms, anchors: x509.X509Certificate[], opts: CmsVerifyOptions, now: Date): Promise<{ at: Date; source: SigningTimeSource }> {
    if (opts.at) return { at: opts.at, source: 'VERIFIER' };
    const stamped = cms.timestampToken ? await timestampTime(cms, anchors, this.gost) : undefined;
    const claimed = stamped ?? cms.signingTime;
    if (!claimed) return { at: now, source: 'VERIFIER' };
    const skew = this.config.signingTimeSkewSeconds * 1000;
    const earliest = opts.notBefore ?? new Date(now.getTime() - this.config.signingTimeMaxAgeSeconds * 1000);
    if (claimed.getTime() > now.getTime() + skew) throw new SignatureError('INVALID_SIGNING_TIME', `The signing time ${claimed.toISOString()} is in the future`);
    if (claimed.getTime() < earliest.getTime() - skew) {
      throw new SignatureError('INVALID_SIGNING_TIME', `The signing time ${claimed.toISOString()} is before the document was given to sign (${earliest.toISOString()})`);
    }
    return { at: claimed, source: stamped ? 'TIMESTAMP' : 'SIGNED_ATTRIBUTE' };
  }
}

/** NCA RK issues separate keys: AUTH (client authentication) and SIGN (e-mail protection, non-repudiation). */
function checkUsage(cert: x509.X509Certificate, identity: NcaIdentity, purpose: KeyPurpose) {
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  if (usage && !(usage.usages & x509.KeyUsageFlags.digitalSignature)) throw new SignatureError('WRONG_KEY_USAGE', 'The certificate may not sign');
  if (cert.getExtension(x509.BasicConstraintsExtension)?.ca) throw new SignatureError('WRONG_KEY_USAGE', 'A CA certificate cannot sign documents');
  if (!identity.purposes.includes(purpose)) {
    throw new SignatureError(
      'WRONG_KEY_USAGE',
      purpose === 'AUTH' ? 'Sign in with the authentication key (AUTH_…), not the signing key' : 'Sign documents with the signing key (RSA_…/GOST_…), not the authentication key',
    );
  }
}

let shared: NcaVerifier | undefined;
/** The process-wide verifier configured from the environment (see config.ts). */
export function ncaVerifier(): NcaVerifier {
  shared ??= new NcaVerifier(configFromEnv());
  return shared;
}
/** Replaces the process-wide verifier (tests, or a service that configures it in code). */
export function setNcaVerifier(v: NcaVerifier | undefined): void {
  shared = v;
}
