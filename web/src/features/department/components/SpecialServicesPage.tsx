import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { SpecialServiceProvidersQuery, SpecialServicesQuery } from '../api/special-services.js';
import { DateText, Empty, ErrorMessage, Loading, Money, SelectField, ShowMore, StatusBadge } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { useSession } from '../../../lib/session.js';
import type { MeasureStatus } from '../../../gql/graphql.js';

const STATUSES: MeasureStatus[] = ['AWAITING_CHOICE', 'BLOCKED', 'ORDERED', 'FULFILLED', 'CANCELLED', 'PUBLISHED'];

/**
 * Special social services (seeds 003 ¶7, ¶8): the region's recommended services with their statuses and
 * the provider each recipient chose, and the providers of the region a recipient chooses from.
 */
export function SpecialServicesPage() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const session = useSession();
  const [status, setStatus] = useState<MeasureStatus | ''>('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [providersAfter, setProvidersAfter] = useState<string | undefined>(undefined);
  const [res, refetch] = useQuery({ query: SpecialServicesQuery, variables: { status: status || null, after } });
  // A department sees its own region's providers; an administrator every region's.
  const [providersRes] = useQuery({ query: SpecialServiceProvidersQuery, variables: { regionCode: session?.claims.regionCode ?? null, after: providersAfter } });
  const services = (res.data?.measures.nodes ?? []).filter((m) => !status || m.status === status);
  const providers = providersRes.data?.suppliers.nodes ?? [];
  return (
    <>
      <h1>{t('specialServices.title')}</h1>
      <p className="hint">{t('specialServices.hint')}</p>
      <section aria-labelledby="sss-title">
        <h2 id="sss-title">{t('specialServices.recommended')}</h2>
        <SelectField
          label={t('specialServices.status')}
          value={status}
          onChange={(e) => {
            setAfter(undefined);
            setStatus(e.target.value as MeasureStatus | '');
          }}
          options={[{ value: '', label: t('catalog.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.measure.${s}`) }))]}
        />
        <ErrorMessage error={res.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        {res.fetching && !res.data && <Loading />}
        {res.data && services.length === 0 && <Empty>{t('specialServices.none')}</Empty>}
        {services.length > 0 && (
          <DataTable
            caption={t('specialServices.recommended')}
            rows={services}
            rowKey={(m) => m.id}
            columns={[
              { header: t('specialServices.person'), cell: (m) => m.person.fullName },
              { header: t('specialServices.service'), cell: (m) => names.itemType(m.itemTypeCode) },
              { header: t('specialServices.statusCol'), cell: (m) => <StatusBadge kind="measure" status={m.status} /> },
              { header: t('specialServices.guaranteedSum'), cell: (m) => <Money tiyn={m.guaranteedSum} /> },
              {
                header: t('specialServices.provider'),
                cell: (m) => {
                  const order = m.orders.nodes[0];
                  return order ? `${order.supplier.name} (${order.number})` : '—';
                },
              },
              { header: t('specialServices.deadline'), cell: (m) => (m.status === 'AWAITING_CHOICE' || m.status === 'PUBLISHED' ? <DateText value={m.choiceDeadline} /> : '—') },
            ]}
          />
        )}
        <ShowMore pageInfo={res.data?.measures.pageInfo} shown={services.length} fetching={res.fetching} onMore={setAfter} />
      </section>
      <section aria-labelledby="providers-title">
        <h2 id="providers-title">{t('specialServices.providers')}</h2>
        <ErrorMessage error={providersRes.error} />
        {providersRes.fetching && !providersRes.data && <Loading />}
        {providersRes.data && providers.length === 0 && <Empty>{t('specialServices.noProviders')}</Empty>}
        {providers.length > 0 && (
          <DataTable
            caption={t('specialServices.providers')}
            rows={providers}
            rowKey={(s) => s.id}
            columns={[
              { header: t('specialServices.providerName'), cell: (s) => s.name },
              { header: t('specialServices.phone'), cell: (s) => <a className="tap" href={`tel:${s.phone}`}>{s.phone}</a> },
              { header: t('specialServices.address'), cell: (s) => s.actualAddress },
            ]}
          />
        )}
        <ShowMore pageInfo={providersRes.data?.suppliers.pageInfo} shown={providers.length} fetching={providersRes.fetching} onMore={setProvidersAfter} />
      </section>
    </>
  );
}
