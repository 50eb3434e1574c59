import { useState } from 'react';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql/index.js';
import { SignerError, createSigner } from '../../../lib/signer.js';
import { useSession } from '../../../lib/session.js';
import type { OrderRefusalReason } from '../../../gql/graphql.js';

export const SupplierOrderDocumentQuery = graphql(`
  query SupplierOrderDocument($id: ID!, $action: SupplierOrderAction!, $reasonCode: OrderRefusalReason, $comment: String) {
    supplierOrderDocument(id: $id, action: $action, reasonCode: $reasonCode, comment: $comment)
  }
`);

export const ServiceActDocumentQuery = graphql(`
  query ServiceActDocument($id: ID!) {
    serviceActDocument(id: $id)
  }
`);

type Signing =
  | { kind: 'order'; id: string; action: 'ACCEPT' | 'REFUSE'; reasonCode?: OrderRefusalReason; comment?: string | null }
  | { kind: 'act'; id: string };

/**
 * The supplier signs its answer to an order and its acts with the organization's EDS: the server gives
 * the document, the signer (NCALayer, or the development key) signs it. Null when signing failed; the
 * reason is in `error`, in the person's language.
 */
export function useSupplierSignature() {
  const client = useClient();
  const session = useSession();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  async function sign(what: Signing): Promise<{ signature: string; certificate: string | null } | null> {
    setError(null);
    if (!session) return null;
    const res = what.kind === 'order'
      ? await client.query(SupplierOrderDocumentQuery, { id: what.id, action: what.action, reasonCode: what.reasonCode ?? null, comment: what.comment ?? null }, { requestPolicy: 'network-only' }).toPromise()
      : await client.query(ServiceActDocumentQuery, { id: what.id }, { requestPolicy: 'network-only' }).toPromise();
    const data = res.data as { supplierOrderDocument?: string; serviceActDocument?: string } | undefined;
    const document = data?.supplierOrderDocument ?? data?.serviceActDocument;
    if (!document) {
      setError(res.error?.graphQLErrors[0]?.message ?? res.error?.message ?? t('auth.signer.FAILED'));
      return null;
    }
    try {
      const signed = await createSigner(client).sign(session.iin, document, 'sign', 'organization');
      return { signature: signed.signature, certificate: signed.certificatePem || null };
    } catch (err) {
      setError(err instanceof SignerError ? t(`auth.signer.${err.code}`) : t('auth.signer.FAILED'));
      return null;
    }
  }
  return { sign, error };
}
