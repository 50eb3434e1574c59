import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { RegistrationsToVerifyQuery, RejectSupplierMutation, VerifySupplierMutation } from '../api/registrations.js';
import { RegistrationFragment } from '../../onboarding/index.js';
import { DateText, Empty, ErrorMessage, Loading, ShowMore, useCursors } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useFragment } from '../../../gql/index.js';
import { errorCode } from '../../../lib/errors.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { ReasonForm } from '../../../components/ReasonForm.js';

/** Submitted registrations: verify (the state registries are asked first) or reject with a reason. */
export function RegistrationsToVerify() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const { cursors, more, reset } = useCursors<'after'>();
  const [res, refetch] = useQuery({ query: RegistrationsToVerifyQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const rows = useFragment(RegistrationFragment, res.data?.supplierRegistrations.nodes ?? []);
  const [verifyRes, verify] = useMutation(VerifySupplierMutation);
  const [rejectRes, reject] = useMutation(RejectSupplierMutation);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const reload = () => {
    reset();
    refetch({ requestPolicy: 'network-only' });
  };
  // A negative registry answer is explained by the checks shown on the row, not by a generic error.
  const registryRefused = verifyRes.error?.graphQLErrors[0]?.extensions?.reason === 'REGISTRY_CHECK_FAILED';

  async function submitReject(id: string, name: string, reason: string) {
    const r = await reject({ id, reason });
    if (!r.error) {
      setRejecting(null);
      setDone(t('admin.rejected', { name }));
      reload();
    }
  }

  return (
    <section aria-labelledby="registrations-title">
      <h2 id="registrations-title">{t('admin.registrations')}</h2>
      <p role="status" className="success">
        {done}
      </p>
      {registryRefused ? (
        <div className="error" role="alert">
          <p>{t('admin.registryRefused')}</p>
        </div>
      ) : (
        <ErrorMessage error={verifyRes.error ?? rejectRes.error} />
      )}
      <ErrorMessage error={res.error} onRetry={reload} />
      {res.fetching && !res.data && <Loading />}
      {res.data && rows.length === 0 && <Empty>{t('admin.noRegistrations')}</Empty>}
      {rows.length > 0 && (
        <DataTable
          caption={t('admin.registrations')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t('admin.applicant'),
              cell: (r) => (
                <>
                  {r.name}
                  <span className="cell-note">
                    {t(`onboarding.kind.${r.kind}`)} · {r.bin ?? r.iin}
                  </span>
                </>
              ),
            },
            {
              header: t('supplier.directions'),
              cell: (r) => (
                <ul className="plain-list">
                  {r.directionCards.map((d) => (
                    <li key={d.id}>
                      {t(`direction.${d.kind}`)} ({d.okedCode}) — {t('admin.documents', { n: d.documents.length })}
                    </li>
                  ))}
                </ul>
              ),
            },
            { header: t('supplier.regions'), cell: (r) => r.regionCodes.map((c) => names.region(c)).join(', ') },
            { header: t('onboarding.submittedAt'), cell: (r) => (r.submittedAt ? <DateText value={r.submittedAt} time /> : '—') },
            {
              header: t('admin.registryChecks'),
              cell: (r) =>
                r.registryChecks.length === 0 ? (
                  t('admin.notChecked')
                ) : (
                  <ul className="plain-list">
                    {r.registryChecks.map((c) => (
                      <li key={c.check} className={c.passed ? 'check-passed' : 'check-failed'}>
                        {t(`registryCheck.${c.check}`, c.check)}: {c.passed ? t('admin.checkPassed') : t('admin.checkFailed')}
                        {c.reason && <> — {c.reason}</>}
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              header: t('cabinet.action'),
              cell: (r) => (
                <>
                  {rejecting !== r.id && (
                    <div className="row-actions">
                      <button
                        type="button"
                        disabled={verifyRes.fetching}
                        onClick={async () => {
                          setDone('');
                          const v = await verify({ id: r.id });
                          if (!v.error) setDone(t('admin.verified', { name: r.name }));
                          // Verified, or refused by a registry (its answers are now on the row): show the current list.
                          if (!v.error || errorCode(v.error) === 'CONFLICT') reload();
                        }}
                      >
                        {t('admin.verify')}
                        <span className="visually-hidden"> {r.name}</span>
                      </button>
                      <button type="button" className="secondary" onClick={() => setRejecting(r.id)}>
                        {t('admin.reject')}
                        <span className="visually-hidden"> {r.name}</span>
                      </button>
                    </div>
                  )}
                  {rejecting === r.id && (
                    <ReasonForm label={t('admin.rejectReason')} submitLabel={t('admin.reject')} busy={rejectRes.fetching} onCancel={() => setRejecting(null)} onSubmit={(reason) => submitReject(r.id, r.name, reason)} />
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.supplierRegistrations.pageInfo} shown={rows.length} fetching={res.fetching} onMore={more('after')} />
    </section>
  );
}
