import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { RefusedCommandsQuery } from '../api/refused.js';
import { DateText, Empty, ErrorMessage, Loading, ShowMore, useCursors } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { useSession } from '../../../lib/session.js';

/**
 * Changes one service asked another to make and the other refused for good (people's `refusedCommands`:
 * the department sees its region's, administrators all), with what the sending service did about each.
 * The receiver's message and the compensation are the services' own words (English), marked as such.
 */
export function RefusedCommandsPage() {
  const { t } = useTranslation();
  const { region } = useReferenceNames();
  const admin = useSession()?.claims.role === 'ADMIN';
  const { cursors, more, reset } = useCursors<'after'>();
  const [res, refetch] = useQuery({ query: RefusedCommandsQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const rows = res.data?.refusedCommands.nodes ?? [];
  const service = (name: string) => t(`refusedCommands.service.${name}`, { defaultValue: name });

  return (
    <>
      <h1>{t('refusedCommands.title')}</h1>
      <p className="hint">{t('refusedCommands.hint')}</p>
      <ErrorMessage error={res.error} onRetry={() => { reset(); refetch({ requestPolicy: 'network-only' }); }} />
      {res.fetching && !res.data && <Loading />}
      {res.data && rows.length === 0 && <Empty>{t('refusedCommands.none')}</Empty>}
      {rows.length > 0 && (
        <DataTable
          caption={t('refusedCommands.title')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('refusedCommands.what'),
              cell: (r) => (
                <>
                  {t(`refusedCommands.command.${r.command}`, { defaultValue: r.command })}
                  <span className="cell-note">{t('refusedCommands.route', { sender: service(r.sender), target: service(r.target) })}</span>
                </>
              ),
            },
            { header: t('refusedCommands.when'), cell: (r) => <DateText value={r.refusedAt} time /> },
            {
              header: t('refusedCommands.concerns'),
              className: 'record-ids',
              cell: (r) => {
                const facts: [string, string][] = [
                  [t(`refusedCommands.entity.${r.entityType}`, { defaultValue: r.entityType }), r.entityId],
                  ...(r.orderId && r.orderId !== r.entityId ? [[t('refusedCommands.order'), r.orderId] as [string, string]] : []),
                  ...(r.measureId && r.measureId !== r.entityId ? [[t('refusedCommands.measure'), r.measureId] as [string, string]] : []),
                  ...(r.personId && r.personId !== r.entityId ? [[t('refusedCommands.person'), r.personId] as [string, string]] : []),
                  ...(r.supplierId && r.supplierId !== r.entityId ? [[t('refusedCommands.supplier'), r.supplierId] as [string, string]] : []),
                ];
                return (
                  <dl className="facts">
                    {facts.map(([label, id]) => (
                      <Fragment key={label}>
                        <dt>{label}</dt>
                        <dd>{id}</dd>
                      </Fragment>
                    ))}
                  </dl>
                );
              },
            },
            { header: t('refusedCommands.done'), cell: (r) => <span lang="en">{r.compensation}</span> },
            {
              header: t('refusedCommands.code'),
              cell: (r) => (
                <>
                  {r.code}
                  <span className="cell-note" lang="en">
                    {r.message}
                  </span>
                </>
              ),
            },
            ...(admin ? [{ header: t('refusedCommands.region'), cell: (r: (typeof rows)[number]) => (r.regionCode ? region(r.regionCode) : t('refusedCommands.adminOnly')) }] : []),
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.refusedCommands.pageInfo} shown={rows.length} fetching={res.fetching} onMore={more('after')} />
    </>
  );
}
