import { useState } from 'react';
import { createRequest, useClient, type CombinedError } from 'urql';
import { filter, pipe, take, toPromise } from 'wonka';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/index.js';
import { errorCode } from './errors.js';

/** The order as it is now: refetched after a CONFLICT, the normalized cache then updates every row showing it. */
export const OrderNowQuery = graphql(`
  query OrderNow($id: ID!) {
    order(id: $id) {
      id
      status
      version
      acceptedAt
      supplierConfirmedAt
      recipientConfirmedAt
      handedOverAt
      refusalCode
      refusalReason
      cancellationReason
    }
  }
`);

export interface OrderSeen {
  id: string;
  status: string;
  supplierConfirmedAt?: unknown;
  recipientConfirmedAt?: unknown;
}

/**
 * After an order step failed with CONFLICT (someone changed the order meanwhile) or INVALID_TRANSITION:
 * refetch the order and say what changed, instead of a "try again" that would fail the same way.
 */
export function useOrderRefresh() {
  const client = useClient();
  const { t } = useTranslation();
  const [changed, setChanged] = useState<string | null>(null);

  async function afterError(seen: OrderSeen, error: CombinedError | undefined): Promise<void> {
    const code = errorCode(error);
    if (code !== 'CONFLICT' && code !== 'INVALID_TRANSITION') return;
    const res = await pipe(
      client.executeQuery(createRequest(OrderNowQuery, { id: seen.id }), { requestPolicy: 'network-only' }),
      filter((r) => !r.stale),
      take(1),
      toPromise,
    );
    const now = res.data?.order;
    if (!now) return;
    const parts: string[] = [];
    if (error?.graphQLErrors[0]?.extensions?.reason === 'ALREADY_DONE') parts.push(t('orderChange.alreadyDone'));
    if (now.status !== seen.status) parts.push(t('orderChange.status', { status: t(`status.order.${now.status}`) }));
    if (now.recipientConfirmedAt && !seen.recipientConfirmedAt) parts.push(t('orderChange.recipientConfirmed'));
    if (now.supplierConfirmedAt && !seen.supplierConfirmedAt) parts.push(t('orderChange.supplierConfirmed'));
    parts.push(t(now.status === seen.status && !parts.length ? 'orderChange.retry' : 'orderChange.check'));
    setChanged(parts.join(' '));
  }

  return { changed, afterError, clear: () => setChanged(null) };
}
