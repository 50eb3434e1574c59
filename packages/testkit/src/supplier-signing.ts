import { devSigner } from '@aleumet/signing';
import { world } from './identities.js';
import { gql } from './graphql.js';

export const SUPPLIER_ORDER_DOCUMENT = `query($id: ID!, $a: SupplierOrderAction!, $r: String) { supplierOrderDocument(id: $id, action: $a, reason: $r) }`;
export const SERVICE_ACT_DOCUMENT = `query($id: ID!) { serviceActDocument(id: $id) }`;

/** The development EDS of a seeded supplier: its staff member's key in an organization certificate with the supplier's BIN (first head). */
export function supplierDevSigner(supplierId: string) {
  const w = world();
  const supplier = w.suppliers.find((s) => s.id === supplierId);
  const staff = w.staff.find((s) => s.supplierId === supplierId);
  if (!supplier || !staff) throw new Error(`no seeded supplier ${supplierId} with staff`);
  return devSigner(staff.iin, { bin: supplier.bin });
}

/**
 * Signs what the server asks the supplier to sign (supplierOrderDocument or serviceActDocument) with the
 * supplier's development EDS and returns the mutation's `signature` and `certificate` arguments. When the
 * document cannot be had (the caller is not the supplier), the signature is empty and the mutation answers.
 */
export async function supplierSignature(
  url: string, token: string, supplierId: string, query: string, variables: Record<string, unknown>,
): Promise<{ signature: string; certificate: string }> {
  const r = await gql(url, query, variables, token);
  const document = r.data ? (Object.values(r.data)[0] as string | null) : null;
  if (!document) return { signature: '', certificate: '' };
  const signer = await supplierDevSigner(supplierId);
  const bytes = new TextEncoder().encode(document);
  const signature = btoa(String.fromCharCode(...(await signer.sign(bytes))));
  return { signature, certificate: signer.certificate };
}

/** acceptOrder / refuseOrder / submitServiceAct arguments signed by the supplier of the order or act. */
export const signOrderAnswer = (url: string, token: string, supplierId: string, id: string, action: 'ACCEPT' | 'REFUSE', reason?: string) =>
  supplierSignature(url, token, supplierId, SUPPLIER_ORDER_DOCUMENT, { id, a: action, r: reason ?? null });
export const signServiceAct = (url: string, token: string, supplierId: string, id: string) =>
  supplierSignature(url, token, supplierId, SERVICE_ACT_DOCUMENT, { id });
