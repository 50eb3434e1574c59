import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { OverdueDeliveriesQuery } from '../api/complaints.js';
import { DateText, Empty, ErrorMessage, Loading, ShowMore, StatusBadge } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useReferenceNames } from '../../../lib/reference.js';

/** Aids not handed over within the term of their contract (seeds 004 ¶28, ¶83): the platform flags them for the department. */
export function OverdueDeliveries() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res] = useQuery({ query: OverdueDeliveriesQuery, variables: { after }, requestPolicy: 'cache-and-network' });
  const orders = res.data?.orders.nodes ?? [];
  return (
    <section aria-labelledby="overdue-deliveries-title">
      <h2 id="overdue-deliveries-title">{t('departmentComplaints.overdueDeliveries')}</h2>
      <ErrorMessage error={res.error} />
      {res.fetching && !res.data && <Loading />}
      {res.data && orders.length === 0 && <Empty>{t('departmentComplaints.noOverdueDeliveries')}</Empty>}
      {orders.length > 0 && (
        <DataTable
          caption={t('departmentComplaints.overdueDeliveries')}
          rows={orders}
          rowKey={(o) => o.id}
          columns={[
            { header: t('orders.numberCol'), cell: (o) => o.number },
            { header: t('cabinet.measure'), cell: (o) => (o.kind ? `${t(`kind.${o.kind}`)}: ${names.itemType(o.itemTypeCode ?? '')}` : '—') },
            { header: t('cabinet.status'), cell: (o) => <StatusBadge kind="order" status={o.status} /> },
            { header: t('departmentComplaints.deliveryDue'), cell: (o) => (o.deliveryDueAt ? <DateText value={o.deliveryDueAt} /> : '—') },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.orders.pageInfo} shown={orders.length} fetching={res.fetching} onMore={setAfter} />
    </section>
  );
}
