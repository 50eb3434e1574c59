import { devSigner } from '@aleumet/signing';
import { world } from './identities.js';
import { gql } from './graphql.js';

const DOCUMENT = {
  ACCEPT: `query($id: ID!) { supplierOrderDocument(id: $id, action: ACCEPT) }`,
  REFUSE: `query($id: ID!, $code: OrderRefusalReason, $c: String) { supplierOrderDocument(id: $id, action: REFUSE, reasonCode: $code, comment: $c) }`,
  ACT: `query($id: ID!) { serviceActDocument(id: $id) }`,
} as const;

/** The development EDS of a seeded supplier: its staff member's key in an organization certificate with the supplier's BIN (first head). */
export function supplierDevSigner(supplierId: string, holder?: { iin: string; bin: string }) {
  if (holder) return devSigner(holder.iin, { bin: holder.bin });
  const w = world();
  const supplier = w.suppliers.find((s) => s.id === supplierId);
  const staff = w.staff.find((s) => s.supplierId === supplierId);
  if (!supplier || !staff) throw new Error(`no seeded supplier ${supplierId} with staff`);
  return devSigner(staff.iin, { bin: supplier.bin });
}

const claims = (token: string): { supplierId?: string; sub?: string } => {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { supplierId?: string; sub?: string };
  } catch {
    return {};
  }
};
const supplierOf = (token: string): string | undefined => claims(token).supplierId;

const DECISION = `query($id: ID!, $action: ActDecisionAction!, $r: String) { serviceActDecisionDocument(id: $id, action: $action, reason: $r) }`;

/**
 * `vars` of approveServiceAct (APPROVE) or returnServiceAct (RETURN, reason in `r`) plus `signature` and
 * `certificate`: the signed-in department officer signs serviceActDecisionDocument with the development
 * EDS of its own IIN (or of `iin`, to sign as someone else). Empty when the document cannot be had.
 */
export async function departmentSigned<V extends { id: string; r?: string }>(
  url: string, token: string, action: 'APPROVE' | 'RETURN', vars: V, iin?: string,
): Promise<V & { signature: string; certificate: string }> {
  const staff = world().staff.find((s) => s.id === claims(token).sub);
  const r = await gql(url, DECISION, { id: vars.id, action, r: action === 'RETURN' ? vars.r ?? null : null }, token);
  const document = (r.data as { serviceActDecisionDocument?: string } | null)?.serviceActDecisionDocument;
  if (!document || !(iin ?? staff?.iin)) return { ...vars, signature: '', certificate: '' };
  const signer = await devSigner(iin ?? staff!.iin);
  const signature = Buffer.from(await signer.sign(new TextEncoder().encode(document))).toString('base64');
  return { ...vars, signature, certificate: signer.certificate };
}

/**
 * `vars` of acceptOrder (ACCEPT), refuseOrder (REFUSE, reason code in `code`, comment in `c`) or submitServiceAct (ACT) plus
 * `signature` and `certificate`: the caller's supplier signs what the server gives to sign, with its
 * development EDS. When the document cannot be had (the caller is not the supplier, the id is wrong) the
 * signature is empty, and the mutation gives its own answer. A supplier registered in the test names its
 * `holder` (the head's IIN and the organization's BIN).
 */
export async function supplierSigned<V extends { id: string; code?: string; c?: string }>(
  url: string, token: string, action: keyof typeof DOCUMENT, vars: V, holder?: { iin: string; bin: string },
): Promise<V & { signature: string; certificate: string }> {
  const supplierId = supplierOf(token);
  const r = supplierId ? await gql(url, DOCUMENT[action], action === 'REFUSE' ? { id: vars.id, code: vars.code ?? null, c: vars.c ?? null } : { id: vars.id }, token) : null;
  const document = r?.data ? (Object.values(r.data)[0] as string | null) : null;
  if (!supplierId || !document) return { ...vars, signature: '', certificate: '' };
  const signer = await supplierDevSigner(supplierId, holder);
  const signature = Buffer.from(await signer.sign(new TextEncoder().encode(document))).toString('base64');
  return { ...vars, signature, certificate: signer.certificate };
}
