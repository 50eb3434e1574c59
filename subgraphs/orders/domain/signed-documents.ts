import type { EntityManager } from '@mikro-orm/postgresql';
import { SignatureError, verifySignedDocument, type RevocationEvidence, type VerifiedDocument } from '@aleumet/signing';
import { SignedDocument, SignedDocumentKind } from '../entities/index.js';

/** What is kept of a verified signature: the document and signature as given, who signed, when, and the revocation evidence. */
export interface SignatureRecord {
  document: string;
  signature: string;
  certificate: string;
  certificateSerial: string;
  signerIin: string;
  signerBin: string | null;
  signerRoles: string[];
  signedAt: Date;
  signingTimeSource: string;
  evidence: string | null;
}

export function signatureRecord(document: string, signature: string, v: VerifiedDocument): SignatureRecord {
  return {
    document, signature, certificate: v.certificate.toString('pem'), certificateSerial: v.certificate.serialNumber,
    signerIin: v.iin, signerBin: v.bin, signerRoles: v.roles, signedAt: v.signingTime, signingTimeSource: v.signingTimeSource,
    evidence: v.revocation ? JSON.stringify(v.revocation) : null,
  };
}

/** Keeps a verified signature beside its order (and act), in the transaction that applies what was signed. */
export function keepSigned(
  tx: EntityManager, kind: SignedDocumentKind, subject: { orderId: string; actId?: string | null; personId: string; supplierId: string; regionCode: string }, record: SignatureRecord,
): SignedDocument {
  const row = tx.create(SignedDocument, {
    kind, orderId: subject.orderId, actId: subject.actId ?? null, personId: subject.personId, supplierId: subject.supplierId, regionCode: subject.regionCode, ...record,
  });
  tx.persist(row);
  return row;
}

export interface Reverification {
  valid: boolean;
  reason: string | null;
  revocationSource: string | null;
  ocspProducedAt: Date | null;
  ocspResponse: string | null;
  intermediateRevocationSources: string[];
  certificateNotBefore: Date | null;
  certificateNotAfter: Date | null;
}

/**
 * The stored signature checked again as of its signing time: the signature over the stored document,
 * the chain valid then, the signer the one recorded, and revocation from the OCSP answers kept at
 * signing (asked again only when none was kept) — so it stays valid after the certificate expired,
 * or was revoked after the signing.
 */
export async function reverify(d: SignedDocument): Promise<Reverification> {
  const kept = d.evidence ? (JSON.parse(d.evidence) as RevocationEvidence) : undefined;
  try {
    const v = await verifySignedDocument(
      { document: d.document, signature: d.signature, certificate: d.certificate },
      { purpose: 'SIGN', expectedIin: d.signerIin, expectedBin: d.signerBin ?? undefined, at: d.signedAt, evidence: kept },
    );
    return {
      valid: true, reason: null, revocationSource: v.revocation?.source ?? null, ocspProducedAt: v.revocation?.producedAt ? new Date(v.revocation.producedAt) : null,
      ocspResponse: v.revocation?.ocspResponse ?? null, intermediateRevocationSources: (v.revocation?.chain ?? []).map((c) => c.source),
      certificateNotBefore: v.certificate.notBefore, certificateNotAfter: v.certificate.notAfter,
    };
  } catch (e) {
    if (!(e instanceof SignatureError)) throw e;
    return {
      valid: false, reason: e.reason, revocationSource: null, ocspProducedAt: null, ocspResponse: null, intermediateRevocationSources: [], certificateNotBefore: null, certificateNotAfter: null,
    };
  }
}
