import * as x509 from '@peculiar/x509';
import { SignatureError } from '../errors.js';
import type { NcaConfig } from './config.js';
import { crlUrls, fetchCrlStatus } from './crl.js';
import { TtlCache } from './http.js';
import { ocspUrls, queryOcsp, readOcspAnswer } from './ocsp.js';

export interface RevocationEvidence {
  source: 'OCSP' | 'CRL' | 'NONE';
  /** DER OCSP response (base64) kept with the signature, when OCSP answered. */
  ocspResponse?: string;
  /** When the OCSP responder made its answer. */
  producedAt?: Date;
  checkedAt: Date;
  /** The same for each CA certificate between the signer and the root (intermediates), issuer first. */
  chain?: RevocationEvidence[];
}

type Status = { status: 'good'; evidence: RevocationEvidence } | { status: 'revoked'; revokedAt: Date; evidence: RevocationEvidence };

/**
 * Revocation of one certificate: OCSP at the AIA responder (or EDS_OCSP_URL) first, the CDP's CRL
 * when OCSP gives no answer (unreachable, unsigned, `unknown`), then the configured policy.
 * Answers are cached per certificate until their nextUpdate (or revocationCacheSeconds).
 */
export class RevocationChecker {
  private readonly cache = new TtlCache<Status>();
  constructor(private readonly config: NcaConfig) {}

  async check(cert: x509.X509Certificate, issuer: x509.X509Certificate, at: Date, now = new Date(), kept?: RevocationEvidence): Promise<RevocationEvidence> {
    const fromEvidence = kept ? await this.fromEvidence(cert, issuer, at, kept) : null;
    if (fromEvidence) return fromEvidence;
    const key = `${issuer.subjectName.toString()}|${cert.serialNumber}`;
    let status = this.cache.get(key, now.getTime());
    if (!status) {
      status = await this.lookup(cert, issuer, now);
      if (status.evidence.source !== 'NONE') this.cache.set(key, status, this.expiry(status, now));
    }
    // Validity at the signing time: a certificate revoked after `at` still vouches for what was signed before.
    if (status.status === 'revoked' && status.revokedAt <= at) {
      throw new SignatureError('REVOKED_CERTIFICATE', `The certificate was revoked on ${status.revokedAt.toISOString()}`);
    }
    return status.evidence;
  }

  /**
   * The OCSP answer kept at signing, read again: signed by the issuer (or its responder) about this
   * certificate. Good then, or revoked only after `at`, it still vouches for the signature — the
   * responder need not know an expired certificate any more. Null when it cannot be used (then ask again).
   */
  private async fromEvidence(cert: x509.X509Certificate, issuer: x509.X509Certificate, at: Date, kept: RevocationEvidence): Promise<RevocationEvidence | null> {
    if (kept.source !== 'OCSP' || !kept.ocspResponse) return null;
    try {
      const a = await readOcspAnswer(new Uint8Array(Buffer.from(kept.ocspResponse, 'base64')), cert, issuer);
      if (a.status === 'unknown') return null;
      if (a.status === 'revoked' && a.revokedAt <= at) {
        throw new SignatureError('REVOKED_CERTIFICATE', `The certificate was revoked on ${a.revokedAt.toISOString()}`);
      }
      return { source: 'OCSP', ocspResponse: kept.ocspResponse, producedAt: a.producedAt, checkedAt: new Date(kept.checkedAt) };
    } catch (e) {
      if (e instanceof SignatureError) throw e;
      return null;
    }
  }

  private expiry(status: Status & { nextUpdate?: Date }, now: Date): number {
    const fallback = now.getTime() + this.config.revocationCacheSeconds * 1000;
    return Math.min(fallback, status.nextUpdate?.getTime() ?? fallback);
  }

  private async lookup(cert: x509.X509Certificate, issuer: x509.X509Certificate, now: Date): Promise<Status & { nextUpdate?: Date }> {
    const problems: string[] = [];
    const responders = this.config.ocsp.url ? [this.config.ocsp.url] : ocspUrls(cert);
    for (const url of responders) {
      try {
        const a = await queryOcsp(url, cert, issuer, this.config.ocsp);
        const evidence: RevocationEvidence = { source: 'OCSP', ocspResponse: Buffer.from(a.response).toString('base64'), producedAt: a.producedAt, checkedAt: now };
        if (a.status === 'revoked') return { status: 'revoked', revokedAt: a.revokedAt, evidence, nextUpdate: a.nextUpdate };
        if (a.status === 'good') return { status: 'good', evidence, nextUpdate: a.nextUpdate };
        problems.push(`${url}: unknown certificate`);
      } catch (e) {
        problems.push(`${url}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    for (const url of crlUrls(cert)) {
      try {
        const a = await fetchCrlStatus(url, cert, issuer, this.config.crl, now);
        const evidence: RevocationEvidence = { source: 'CRL', checkedAt: now };
        return a.status === 'revoked'
          ? { status: 'revoked', revokedAt: a.revokedAt, evidence, nextUpdate: a.nextUpdate }
          : { status: 'good', evidence, nextUpdate: a.nextUpdate };
      } catch (e) {
        problems.push(`${url}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (this.config.onRevocationUnavailable === 'accept') return { status: 'good', evidence: { source: 'NONE', checkedAt: now } };
    throw new SignatureError('REVOCATION_UNAVAILABLE', `The certificate status could not be checked (${problems.join('; ') || 'no OCSP or CRL address'})`);
  }
}
