import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ReplayWebhookDeliveryMutation, WebhookLogQuery } from '../api/deliveries.js';
import { DateText, Empty, ErrorMessage, Loading, SelectField, ShowMore, SuccessStatus, useCursors } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import type { WebhookDeliveryStatus } from '../../../gql/graphql.js';

/** Administrators: the integrators' webhook endpoints and the delivery log; a delivery can be sent again. */
export function WebhookLogPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('PENDING');
  const { cursors, more, reset } = useCursors<'after'>();
  const [res, refetch] = useQuery({ query: WebhookLogQuery, variables: { status: status || null, ...cursors }, requestPolicy: 'cache-and-network' });
  const [replayRes, replay] = useMutation(ReplayWebhookDeliveryMutation);
  const [done, setDone] = useState('');
  const endpoints = res.data?.webhookEndpoints.nodes ?? [];
  const rows = res.data?.webhookDeliveries.nodes ?? [];
  const reload = () => {
    reset();
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <p className="hint">{t('webhooks.hint')}</p>
      <ErrorMessage error={res.error ?? replayRes.error} onRetry={reload} />
      {res.fetching && !res.data && <Loading />}
      <section aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">{t('webhooks.endpoints')}</h2>
        {res.data && endpoints.length === 0 && <Empty>{t('webhooks.noEndpoints')}</Empty>}
        {endpoints.length > 0 && (
          <DataTable
            caption={t('webhooks.endpoints')}
            rows={endpoints}
            rowKey={(e) => e.id}
            columns={[
              { header: t('webhooks.client'), cell: (e) => e.clientId },
              { header: t('webhooks.url'), cell: (e) => e.url },
              { header: t('webhooks.state'), cell: (e) => (e.active ? t('webhooks.active') : t('webhooks.paused')) },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">{t('webhooks.deliveries')}</h2>
        <SelectField
          label={t('webhooks.filter')}
          value={status}
          onChange={(e) => {
            reset();
            setStatus(e.target.value as WebhookDeliveryStatus | '');
          }}
          options={[
            { value: 'PENDING', label: t('webhooks.statusOf.PENDING') },
            { value: 'DELIVERED', label: t('webhooks.statusOf.DELIVERED') },
            { value: '', label: t('webhooks.all') },
          ]}
        />
        <SuccessStatus text={done} />
        {res.data && rows.length === 0 && <Empty>{t('webhooks.noDeliveries')}</Empty>}
        {rows.length > 0 && (
          <DataTable
            caption={t('webhooks.deliveries')}
            rows={rows}
            rowKey={(d) => d.id}
            columns={[
              {
                header: t('webhooks.event'),
                cell: (d) => (
                  <>
                    {d.type}
                    <span className="cell-note">{d.eventId}</span>
                    <span className="cell-note">{d.endpoint?.clientId}</span>
                  </>
                ),
              },
              { header: t('webhooks.measure'), cell: (d) => d.entityId },
              {
                header: t('webhooks.status'),
                cell: (d) => (
                  <>
                    {t(`webhooks.statusOf.${d.status}`)} · {t('webhooks.attempts', { n: d.attempts })}
                    {d.lastStatus != null && <span className="cell-note">HTTP {d.lastStatus}</span>}
                    {d.lastError && <span className="cell-note">{d.lastError}</span>}
                    {d.replays > 0 && <span className="cell-note">{t('webhooks.replays', { n: d.replays })}</span>}
                  </>
                ),
              },
              {
                header: t('webhooks.when'),
                cell: (d) =>
                  d.deliveredAt ? (
                    <>{t('webhooks.deliveredAt')} <DateText value={d.deliveredAt} time /></>
                  ) : d.nextAttemptAt ? (
                    <>{t('webhooks.nextAt')} <DateText value={d.nextAttemptAt} time /></>
                  ) : (
                    t('webhooks.now')
                  ),
              },
              {
                header: t('webhooks.action'),
                cell: (d) => (
                  <button
                    type="button"
                    className="secondary"
                    disabled={replayRes.fetching}
                    onClick={async () => {
                      setDone('');
                      const r = await replay({ id: d.id });
                      if (!r.error) setDone(t('webhooks.replayed'));
                    }}
                  >
                    {t('webhooks.replay')}
                  </button>
                ),
              },
            ]}
          />
        )}
        <ShowMore pageInfo={res.data?.webhookDeliveries.pageInfo} shown={rows.length} fetching={res.fetching} onMore={more('after')} />
      </section>
    </>
  );
}
