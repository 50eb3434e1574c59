import { useState } from 'react';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql/index.js';
import { SignerError, createSigner } from '../../../lib/signer.js';
import { useSession } from '../../../lib/session.js';

export const ActDecisionDocumentQuery = graphql(`
  query ActDecisionDocument($id: ID!, $action: ActDecisionAction!, $reason: String) {
    serviceActDecisionDocument(id: $id, action: $action, reason: $reason)
  }
`);

/**
 * The officer signs the approval or return of an act with an individual's EDS, the same way a person
 * signs an order: the server gives the document, the signer (NCALayer, or the development key) signs it.
 * Null when signing failed; the reason is in `error`, in the person's language.
 */
export function useOfficerSignature() {
  const client = useClient();
  const session = useSession();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  async function sign(id: string, action: 'APPROVE' | 'RETURN', reason?: string): Promise<{ signature: string; certificate: string | null } | null> {
    setError(null);
    if (!session) return null;
    const res = await client.query(ActDecisionDocumentQuery, { id, action, reason: reason ?? null }, { requestPolicy: 'network-only' }).toPromise();
    const document = res.data?.serviceActDecisionDocument;
    if (!document) {
      setError(res.error?.graphQLErrors[0]?.message ?? res.error?.message ?? t('auth.signer.FAILED'));
      return null;
    }
    try {
      const signed = await createSigner(client).sign(session.iin, document, 'sign');
      return { signature: signed.signature, certificate: signed.certificatePem || null };
    } catch (err) {
      setError(err instanceof SignerError ? t(`auth.signer.${err.code}`) : t('auth.signer.FAILED'));
      return null;
    }
  }
  return { sign, error };
}
