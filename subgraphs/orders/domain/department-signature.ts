import { createHash } from 'node:crypto';
import { forbidden, invalidSignature } from '@aleumet/core';
import { canonicalize, verifySignedDocument, SignatureError } from '@aleumet/signing';
import { callSubgraph, serviceIdentity, type SubgraphRuntime } from '@aleumet/runtime';
import { INTERNAL_SCOPE } from '@aleumet/events';
import type { ServiceAct } from '../entities/index.js';
import { checkSignatureArgs } from './supplier-signature.js';
import { signatureRecord, type SignatureRecord } from './signed-documents.js';

export type ActDecision = 'APPROVE_ACT' | 'RETURN_ACT';

/**
 * What the department's officer signs to approve or return a submitted act (seeds 004 ¶42: the act goes to
 * the department, which approves it for payment): the act as submitted — its version, period, hours and
 * amounts, and a digest of the supplier's signed document — and the reason of a return.
 */
export function actDecisionDocument(a: ServiceAct, action: ActDecision, reason: string | null): Record<string, unknown> {
  return {
    type: 'ALEUMET_ACT_DECISION', version: 1, action, regionCode: a.regionCode,
    act: {
      id: a.id, orderId: a.orderId, supplierId: a.supplierId, version: a.version, kind: a.kind, itemTypeCode: a.itemTypeCode, period: a.period, minutes: a.minutes,
      amounts: { currency: 'KZT', unit: 'tiyn', unitPrice: a.unitPrice, cost: a.cost, statePart: a.statePart, coPayment: a.coPayment },
      submittedDocumentSha256: a.supplierSignedDocument ? createHash('sha256').update(a.supplierSignedDocument).digest('hex') : null,
    },
    ...(action === 'RETURN_ACT' ? { reason } : {}),
  };
}

const STAFF_IIN = `query($id: ID!) { internalStaffIin(id: $id) }`;

/** The IIN of the signed-in officer's staff account (people owns it). */
async function officerIin(runtime: SubgraphRuntime, staffId: string): Promise<string> {
  const r = await callSubgraph<{ internalStaffIin: string | null }>(runtime.peers.url('people'), serviceIdentity('orders', [INTERNAL_SCOPE]), STAFF_IIN, { id: staffId });
  if (!r.internalStaffIin) throw forbidden('Only a department officer with a staff account signs decisions on acts');
  return r.internalStaffIin;
}

/** The officer's signature of `expected` with an individual's signing key naming the officer's IIN (SIGNER_MISMATCH otherwise); outside any transaction. */
export async function verifyOfficerSignature(
  runtime: SubgraphRuntime, staffId: string, expected: Record<string, unknown>, signature: string, certificate: string | null | undefined,
): Promise<SignatureRecord> {
  checkSignatureArgs(signature, certificate);
  const iin = await officerIin(runtime, staffId);
  const document = canonicalize(expected);
  try {
    const v = await verifySignedDocument(
      { document, signature, certificate: certificate ?? '' },
      { expectedIin: iin, roles: ['INDIVIDUAL'], purpose: 'SIGN', expectedDocument: expected, now: runtime.clock.now() },
    );
    return signatureRecord(document, signature, v);
  } catch (e) {
    if (e instanceof SignatureError) throw invalidSignature(e.reason, e.message);
    throw e;
  }
}
