import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AdminSupplierFragment, ReinstateSupplierMutation, SuppliersToManageQuery, SuspendSupplierMutation } from '../api/suppliers.js';
import { DateText, Empty, ErrorMessage, Loading, StatusBadge, ShowMore, useCursors } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useFragment } from '../../../gql/index.js';
import { ReasonForm } from '../../../components/ReasonForm.js';

/** Verified suppliers: suspend one with a reason (its offerings disappear, new orders are refused); reinstate a suspended one. */
export function SupplierSuspension() {
  const { t } = useTranslation();
  const { cursors, more, reset } = useCursors<'verifiedAfter' | 'suspendedAfter'>();
  const [res, refetch] = useQuery({ query: SuppliersToManageQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const verified = useFragment(AdminSupplierFragment, res.data?.verified.nodes ?? []);
  const suspended = useFragment(AdminSupplierFragment, res.data?.suspended.nodes ?? []);
  const [suspendRes, suspend] = useMutation(SuspendSupplierMutation);
  const [reinstateRes, reinstate] = useMutation(ReinstateSupplierMutation);
  const [suspending, setSuspending] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const reload = () => {
    reset();
    refetch({ requestPolicy: 'network-only' });
  };
  type Row = (typeof verified)[number];
  const nameColumn = { header: t('admin.supplier'), cell: (s: Row) => <>{s.name}<span className="cell-note">{s.bin ?? s.iin}</span></> };
  const statusColumn = { header: t('cabinet.status'), cell: (s: Row) => <StatusBadge kind="supplier" status={s.status} /> };

  return (
    <section aria-labelledby="suppliers-title">
      <h2 id="suppliers-title">{t('admin.suppliers')}</h2>
      <p className="hint">{t('admin.suspendHint')}</p>
      <p role="status" className="success">
        {done}
      </p>
      <ErrorMessage error={suspendRes.error ?? reinstateRes.error} />
      <ErrorMessage error={res.error} onRetry={reload} />
      {res.fetching && !res.data && <Loading />}
      {res.data && (
        <>
          <h3>{t('admin.verifiedSuppliers')}</h3>
          {verified.length === 0 ? (
            <Empty>{t('admin.noVerified')}</Empty>
          ) : (
            <DataTable
              caption={t('admin.verifiedSuppliers')}
              rows={verified}
              rowKey={(s) => s.id}
              columns={[
                nameColumn,
                statusColumn,
                { header: t('admin.verifiedAt'), cell: (s) => (s.decidedAt ? <DateText value={s.decidedAt} /> : '—') },
                {
                  header: t('cabinet.action'),
                  cell: (s) =>
                    suspending === s.id ? (
                      <ReasonForm
                        label={t('admin.suspendReason')}
                        submitLabel={t('admin.suspend')}
                        busy={suspendRes.fetching}
                        onCancel={() => setSuspending(null)}
                        onSubmit={async (reason) => {
                          const r = await suspend({ id: s.id, reason });
                          if (!r.error) {
                            setSuspending(null);
                            setDone(t('admin.suspended', { name: s.name }));
                            reload();
                          }
                        }}
                      />
                    ) : (
                      <button type="button" className="secondary" onClick={() => { setDone(''); setSuspending(s.id); }}>
                        {t('admin.suspend')}
                        <span className="visually-hidden"> {s.name}</span>
                      </button>
                    ),
                },
              ]}
            />
          )}
          <ShowMore pageInfo={res.data.verified?.pageInfo} shown={verified.length} fetching={res.fetching} onMore={more('verifiedAfter')} />
          <h3>{t('admin.suspendedSuppliers')}</h3>
          {suspended.length === 0 ? (
            <Empty>{t('admin.noSuspended')}</Empty>
          ) : (
            <DataTable
              caption={t('admin.suspendedSuppliers')}
              rows={suspended}
              rowKey={(s) => s.id}
              columns={[
                nameColumn,
                statusColumn,
                { header: t('admin.suspendReason'), cell: (s) => s.suspensionReason ?? '—' },
                { header: t('admin.suspendedAt'), cell: (s) => (s.suspendedAt ? <DateText value={s.suspendedAt} time /> : '—') },
                {
                  header: t('cabinet.action'),
                  cell: (s) => (
                    <button
                      type="button"
                      disabled={reinstateRes.fetching}
                      onClick={async () => {
                        setDone('');
                        const r = await reinstate({ id: s.id });
                        if (!r.error) {
                          setDone(t('admin.reinstated', { name: s.name }));
                          reload();
                        }
                      }}
                    >
                      {t('admin.reinstate')}
                      <span className="visually-hidden"> {s.name}</span>
                    </button>
                  ),
                },
              ]}
            />
          )}
          <ShowMore pageInfo={res.data.suspended?.pageInfo} shown={suspended.length} fetching={res.fetching} onMore={more('suspendedAfter')} />
        </>
      )}
    </section>
  );
}
