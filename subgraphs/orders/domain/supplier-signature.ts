import { LIMITS, checkLength, invalidSignature, notFound } from '@aleumet/core';
import { canonicalize, looksLikeCms, verifySignedDocument, SignatureError, type NcaRole } from '@aleumet/signing';
import { signatureRecord, type SignatureRecord } from './signed-documents.js';
import { ServiceCallError, callSubgraph, serviceIdentity, type SubgraphRuntime } from '@aleumet/runtime';
import { INTERNAL_SCOPE } from '@aleumet/events';

/**
 * The supplier's signature on its steps of an order: acceptance, refusal (seeds 004 ¶28, ¶30, ¶83: the
 * recipient's signed order goes to the supplier, who answers it) and the monthly act of S1/S2 services
 * (004 ¶42: the supplier forms the act with the sheets and sends it to the department through its cabinet).
 * An organization signs with its NCA RK legal-entity certificate: the BIN of the supplier, the signing key,
 * and a holder who may sign for it — the first head (the certificate's role, or the head named on the
 * supplier's card), or an employee the supplier registered as authorized for the signing date
 * (SIGNER_NOT_AUTHORIZED otherwise). A personal assistant (no BIN) signs with an individual's signing key.
 */
export const SUPPLIER_SIGNER_ROLES: NcaRole[] = ['FIRST_HEAD'];

export type SupplierAction = 'ACCEPT_ORDER' | 'REFUSE_ORDER' | 'SUBMIT_ACT';

/** What the supplier's signature is stored as, beside the order or the act. */
export interface SupplierSignature {
  supplierSignedDocument: string;
  supplierSignature: string;
  supplierSignerCertificate: string;
  supplierSignerIin: string;
  supplierSignerBin: string | null;
  supplierSignatureEvidence: string | null;
}

const SIGNER_AUTHORIZED = `query($supplierId: ID!, $iin: String!, $at: DateTimeISO!) { internalSignerAuthorized(supplierId: $supplierId, iin: $iin, at: $at) }`;

/** Whether the catalog's register says this holder may sign for the supplier at `at` (its head, or a registered employee). */
async function signerAuthorized(runtime: SubgraphRuntime, supplierId: string, iin: string, at: Date): Promise<boolean> {
  const r = await callSubgraph<{ internalSignerAuthorized: boolean }>(
    runtime.peers.url('catalog'), serviceIdentity('orders', [INTERNAL_SCOPE]), SIGNER_AUTHORIZED, { supplierId, iin, at: at.toISOString() },
  );
  return r.internalSignerAuthorized;
}

/** The canonical document a supplier signs for `action`; what the server rebuilds to compare. */
export function supplierDocument(action: SupplierAction, supplierId: string, subject: Record<string, unknown>): Record<string, unknown> {
  return { type: 'ALEUMET_SUPPLIER_DECISION', version: 1, action, supplierId, ...subject };
}

const SUPPLIER_BIN = `query($id: ID!) { supplier(id: $id) { id bin } }`;

async function supplierBin(runtime: SubgraphRuntime, supplierId: string): Promise<string | null> {
  try {
    const r = await callSubgraph<{ supplier: { bin: string | null } }>(runtime.peers.url('catalog'), serviceIdentity('orders', ['catalog:read']), SUPPLIER_BIN, { id: supplierId });
    return r.supplier.bin ?? null;
  } catch (e) {
    if (e instanceof ServiceCallError && e.code === 'NOT_FOUND') throw notFound('Supplier', supplierId);
    throw e;
  }
}

export interface SignedInput {
  document: string;
  signature: string;
  certificate?: string | null;
}

/** The signature arguments' sizes, before anything is read (BAD_USER_INPUT). */
export function checkSignatureLengths(signature: string, certificate: string | null | undefined): void {
  checkLength(signature, 'signature', LIMITS.signature);
  checkLength(certificate ?? '', 'certificate', LIMITS.certificate);
}

/** Sizes, then presence: a missing signature is INVALID_SIGNATURE (UNSIGNED), as for createOrder. */
export function checkSignatureArgs(signature: string, certificate: string | null | undefined): void {
  checkSignatureLengths(signature, certificate);
  if (!signature.trim() || (!(certificate ?? '').trim() && !looksLikeCms(signature))) throw invalidSignature('UNSIGNED', 'The document is not signed');
}

/** Verifies the supplier's signature of `expected` (INVALID_SIGNATURE with the reason otherwise); outside any transaction. */
export async function verifySupplierSignature(
  runtime: SubgraphRuntime, supplierId: string, expected: Record<string, unknown>, input: SignedInput,
): Promise<SupplierSignature & { record: SignatureRecord }> {
  const certificate = input.certificate ?? '';
  checkSignatureArgs(input.signature, certificate);
  const bin = await supplierBin(runtime, supplierId);
  try {
    const verified = await verifySignedDocument(
      { document: input.document, signature: input.signature, certificate },
      bin
        ? { expectedBin: bin, roles: ['LEGAL_ENTITY', ...SUPPLIER_SIGNER_ROLES], purpose: 'SIGN', expectedDocument: expected, now: runtime.clock.now() }
        : { roles: ['INDIVIDUAL'], purpose: 'SIGN', expectedDocument: expected, now: runtime.clock.now() },
    );
    // An organization's holder other than its first head signs only when registered as authorized on the signing date.
    if (bin && !verified.roles.includes('FIRST_HEAD') && !(await signerAuthorized(runtime, supplierId, verified.iin, verified.signingTime))) {
      throw new SignatureError('SIGNER_NOT_AUTHORIZED', "The certificate holder is neither the supplier's first head nor registered as its authorized signer");
    }
    const document = canonicalize(expected);
    return {
      supplierSignedDocument: document, supplierSignature: input.signature, supplierSignerCertificate: verified.certificate.toString('pem'),
      supplierSignerIin: verified.iin, supplierSignerBin: verified.bin, supplierSignatureEvidence: verified.revocation ? JSON.stringify(verified.revocation) : null,
      record: signatureRecord(document, input.signature, verified),
    };
  } catch (e) {
    if (e instanceof SignatureError) throw invalidSignature(e.reason, e.message);
    throw e;
  }
}
