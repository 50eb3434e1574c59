import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DepartmentGspQuery } from '../api/gsp.js';
import { DateText, Empty, ErrorMessage, Loading, SelectField, ShowMore, StatusBadge } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import type { GspStatus } from '../../../gql/graphql.js';

const STATUSES: GspStatus[] = ['ASSIGNED', 'BEING_PROVIDED', 'PROVIDED', 'STOPPED'];

/**
 * Recipients of the guaranteed social package in the department's region (seeds 002 ¶1: they are participants
 * of the portal): what Е-Собес assigned to each, the volume, the period and the status of its implementation.
 */
export function GspRecipientsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<GspStatus | ''>('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res, refetch] = useQuery({ query: DepartmentGspQuery, variables: { status: status || null, after } });
  const rows = (res.data?.gspEntitlements.nodes ?? []).filter((g) => !status || g.status === status);
  return (
    <>
      <h1>{t('departmentGsp.title')}</h1>
      <p className="hint">{t('departmentGsp.hint')}</p>
      <SelectField
        label={t('departmentGsp.status')}
        value={status}
        onChange={(e) => {
          setAfter(undefined);
          setStatus(e.target.value as GspStatus | '');
        }}
        options={[{ value: '', label: t('catalog.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.gsp.${s}`) }))]}
      />
      <ErrorMessage error={res.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !res.data && <Loading />}
      {res.data && rows.length === 0 && <Empty>{t(status ? 'departmentGsp.none' : 'departmentGsp.noneAtAll')}</Empty>}
      {rows.length > 0 && (
        <DataTable
          caption={t('departmentGsp.table')}
          rows={rows}
          rowKey={(g) => g.id}
          columns={[
            { header: t('departmentGsp.person'), cell: (g) => g.person.fullName },
            { header: t('departmentGsp.kind'), cell: (g) => t(`gspKind.${g.kind}`) },
            { header: t('departmentGsp.volume'), cell: (g) => t(`gspUnit.${g.unit}`, { count: g.quantity }) },
            {
              header: t('departmentGsp.period'),
              cell: (g) => (
                <>
                  <DateText value={g.startsOn} /> – <DateText value={g.endsOn} />
                </>
              ),
            },
            {
              header: t('departmentGsp.statusCol'),
              cell: (g) => (
                <>
                  <StatusBadge kind="gsp" status={g.status} />
                  {g.statusReason && <p className="hint">{g.statusReason}</p>}
                </>
              ),
            },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.gspEntitlements.pageInfo} shown={rows.length} fetching={res.fetching} onMore={setAfter} />
    </>
  );
}
