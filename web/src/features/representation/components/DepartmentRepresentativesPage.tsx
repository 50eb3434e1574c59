import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  RejectRepresentationMutation, RepresentationCardFragment, RepresentationDocumentQuery, RepresentationRequestsQuery, VerifyRepresentationMutation,
} from '../api/representations.js';
import { Empty, ErrorMessage, Loading, ShowMore, SuccessStatus, TextField, useCursors } from '../../../components/ui.js';
import { useFragment } from '../../../gql/index.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { downloadBase64 } from '../../../lib/files.js';
import { RepresentationTable } from './RepresentationTable.js';

/** The employment department: requests of representatives of its region's persons, with the scanned document; verify or reject. */
export function DepartmentRepresentativesPage() {
  const { t } = useTranslation();
  const client = useClient();
  const { cursors, more, reset } = useCursors<'after'>();
  const [res, refetch] = useQuery({ query: RepresentationRequestsQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const nodes = res.data?.representationRequests.nodes ?? [];
  const rows = useFragment(RepresentationCardFragment, nodes);
  const iinOf = new Map(nodes.map((n) => [n.id, n.representativeIin]));
  const [verifyRes, verify] = useMutation(VerifyRepresentationMutation);
  const [rejectRes, reject] = useMutation(RejectRepresentationMutation);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [docError, setDocError] = useState<Parameters<typeof ErrorMessage>[0]['error']>(null);
  const reload = () => {
    reset();
    refetch({ requestPolicy: 'network-only' });
  };
  const rejectForm = useFormSubmit(async (data, { fail }) => {
    const reason = textOf(data, 'reason');
    if (reason.length < 3) return fail(t('representatives.reasonRequired'), 'reason');
    const r = await reject({ id: rejecting!, reason });
    if (r.error) return;
    setRejecting(null);
    setDone(t('representatives.rejected'));
    reload();
  });

  return (
    <>
      <h1>{t('representatives.departmentTitle')}</h1>
      <p className="hint">{t('representatives.departmentHint')}</p>
      <SuccessStatus text={done} />
      <ErrorMessage error={res.error ?? verifyRes.error ?? rejectRes.error ?? docError} onRetry={reload} />
      {res.fetching && !res.data && <Loading />}
      {res.data && rows.length === 0 && <Empty>{t('representatives.noRequests')}</Empty>}
      {rows.length > 0 && (
        <RepresentationTable
          caption={t('representatives.departmentTitle')}
          rows={rows}
          who={(r) => (
            <>
              {r.representativeName}
              <span className="cell-note">{t('representatives.iinOf', { iin: iinOf.get(r.id) ?? '' })}</span>
              <span className="cell-note">{t('representatives.forPerson', { name: r.principalName ?? '' })}</span>
            </>
          )}
          action={(r) =>
            rejecting === r.id ? (
              <form onSubmit={rejectForm.onSubmit} className="inline-form" noValidate>
                <TextField label={t('representatives.rejectReason')} name="reason" autoFocus error={rejectForm.error} />
                <button type="submit" disabled={rejectRes.fetching}>{t('representatives.reject')}</button>
                <button type="button" className="secondary" onClick={() => setRejecting(null)}>{t('common.cancel')}</button>
              </form>
            ) : (
              <div className="row-actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={async () => {
                    setDocError(null);
                    const d = await client.query(RepresentationDocumentQuery, { id: r.id }, { requestPolicy: 'network-only' }).toPromise();
                    if (d.error) return setDocError(d.error);
                    const doc = d.data?.representationDocument;
                    if (doc?.contentBase64) downloadBase64(doc.fileName, doc.contentType, doc.contentBase64);
                  }}
                >
                  {t('representatives.download')}
                </button>
                <button
                  type="button"
                  disabled={verifyRes.fetching}
                  onClick={async () => {
                    setDone('');
                    const v = await verify({ id: r.id });
                    if (!v.error) {
                      setDone(t('representatives.verified', { name: r.representativeName ?? '' }));
                      reload();
                    }
                  }}
                >
                  {t('representatives.verify')}
                </button>
                <button type="button" className="secondary" onClick={() => { setDone(''); setRejecting(r.id); }}>
                  {t('representatives.reject')}
                </button>
              </div>
            )
          }
        />
      )}
      <ShowMore pageInfo={res.data?.representationRequests.pageInfo} shown={rows.length} fetching={res.fetching} onMore={more('after')} />
    </>
  );
}
