import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ApproveActMutation, ReturnActMutation, SubmittedActsQuery } from '../api/console.js';
import { Empty, ErrorMessage, Loading, Money, ShowMore, StatusBadge } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { signerNote } from '../../../lib/signer.js';
import { ReasonForm } from '../../../components/ReasonForm.js';
import { useOfficerSignature } from '../api/sign.js';

/** Submitted acts: approve (creates the reimbursement claim) or return with a reason, each signed with the officer's EDS. */
export function ActsToApprove() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res] = useQuery({ query: SubmittedActsQuery, variables: { after }, requestPolicy: 'cache-and-network' });
  const [approveRes, approve] = useMutation(ApproveActMutation);
  const [returnRes, giveBack] = useMutation(ReturnActMutation);
  const [returning, setReturning] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [signing, setSigning] = useState(false);
  const officer = useOfficerSignature();
  const acts = res.data?.serviceActs.nodes ?? [];


  return (
    <section aria-labelledby="acts-title">
      <h2 id="acts-title">{t('department.acts')}</h2>
      <p role="status" className="success">
        {done}
      </p>
      <p role="note" className="muted">
        {t(signerNote())}
      </p>
      {officer.error && (
        <p className="error" role="alert">
          {officer.error}
        </p>
      )}
      <ErrorMessage error={res.error ?? approveRes.error ?? returnRes.error} />
      {res.fetching && !res.data && <Loading />}
      {res.data && acts.length === 0 && <Empty>{t('department.noActs')}</Empty>}
      {acts.length > 0 && (
        <DataTable
          caption={t('department.acts')}
          rows={acts}
          rowKey={(a) => a.id}
          columns={[
            { header: t('cabinet.measure'), cell: (a) => `${t(`kind.${a.kind}`)}: ${names.itemType(a.itemTypeCode)}` },
            { header: t('journals.period'), cell: (a) => a.period },
            { header: t('journals.hours'), cell: (a) => a.hours },
            { header: t('journals.unitPrice'), cell: (a) => <Money tiyn={a.unitPrice} /> },
            { header: t('journals.cost'), cell: (a) => <Money tiyn={a.cost} /> },
            { header: t('catalog.statePart'), cell: (a) => <Money tiyn={a.statePart} /> },
            { header: t('cabinet.status'), cell: (a) => <StatusBadge kind="act" status={a.status} /> },
            {
              header: t('cabinet.action'),
              cell: (a) => (
                <>
                  {a.status === 'SUBMITTED' && returning !== a.id && (
                    <div className="row-actions">
                      <button
                        type="button"
                        disabled={approveRes.fetching || signing}
                        onClick={async () => {
                          setSigning(true);
                          const signed = await officer.sign(a.id, 'APPROVE');
                          const r = signed ? await approve({ id: a.id, version: a.version, ...signed }) : null;
                          setSigning(false);
                          if (r && !r.error) setDone(t('department.actApproved'));
                        }}
                      >
                        {t('department.approve')}
                        <span className="visually-hidden"> {a.period}</span>
                      </button>
                      <button type="button" className="secondary" onClick={() => setReturning(a.id)}>
                        {t('department.return')}
                        <span className="visually-hidden"> {a.period}</span>
                      </button>
                    </div>
                  )}
                  {returning === a.id && (
                    <ReasonForm
                      label={t('department.returnReason')}
                      submitLabel={t('department.return')}
                      busy={returnRes.fetching || signing}
                      onCancel={() => setReturning(null)}
                      onSubmit={async (reason) => {
                        setSigning(true);
                        const signed = await officer.sign(a.id, 'RETURN', reason);
                        const r = signed ? await giveBack({ id: a.id, version: a.version, reason, ...signed }) : null;
                        setSigning(false);
                        if (r && !r.error) {
                          setReturning(null);
                          setDone(t('department.actReturned'));
                        }
                      }}
                    />
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.serviceActs.pageInfo} shown={acts.length} fetching={res.fetching} onMore={setAfter} />
    </section>
  );
}
