import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { MyRepresentationsQuery, RepresentationCardFragment, RevokeRepresentationMutation } from '../api/representations.js';
import { Empty, ErrorMessage, Loading, ShowMore, SuccessStatus, useCursors } from '../../../components/ui.js';
import { useFragment } from '../../../gql/index.js';
import { RepresentationTable } from './RepresentationTable.js';
import { RequestForm } from './RequestForm.js';

/** The person: who may act for them (a power of attorney can be revoked), for whom they asked to act, and a new request. */
export function MyRepresentativesPage() {
  const { t } = useTranslation();
  const mineCursors = useCursors<'after'>();
  const forCursors = useCursors<'after'>();
  const [mine, refetchMine] = useQuery({ query: MyRepresentationsQuery, variables: { side: 'PRINCIPAL', ...mineCursors.cursors }, requestPolicy: 'cache-and-network' });
  const [asked, refetchAsked] = useQuery({ query: MyRepresentationsQuery, variables: { side: 'REPRESENTATIVE', ...forCursors.cursors }, requestPolicy: 'cache-and-network' });
  const mineRows = useFragment(RepresentationCardFragment, mine.data?.myRepresentations.nodes ?? []);
  const askedRows = useFragment(RepresentationCardFragment, asked.data?.myRepresentations.nodes ?? []);
  const [revokeRes, revoke] = useMutation(RevokeRepresentationMutation);
  const [done, setDone] = useState('');

  return (
    <>
      <h1>{t('representatives.title')}</h1>
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('representatives.mine')}</h2>
        <p className="hint">{t('representatives.mineHint')}</p>
        <SuccessStatus text={done} />
        <ErrorMessage error={mine.error ?? revokeRes.error} onRetry={() => refetchMine({ requestPolicy: 'network-only' })} />
        {mine.fetching && !mine.data && <Loading />}
        {mine.data && mineRows.length === 0 && <Empty>{t('representatives.noneMine')}</Empty>}
        {mineRows.length > 0 && (
          <RepresentationTable
            caption={t('representatives.mine')}
            rows={mineRows}
            who={(r) => r.representativeName ?? '—'}
            action={(r) =>
              r.kind === 'PROXY' && (r.status === 'ACTIVE' || r.status === 'PENDING') ? (
                <button
                  type="button"
                  className="secondary"
                  disabled={revokeRes.fetching}
                  onClick={async () => {
                    if (!window.confirm(t('representatives.revokeConfirm', { name: r.representativeName ?? '' }))) return;
                    const res = await revoke({ id: r.id, reason: null });
                    if (!res.error) setDone(t('representatives.revoked', { name: r.representativeName ?? '' }));
                  }}
                >
                  {t('representatives.revoke')}
                </button>
              ) : null
            }
          />
        )}
        <ShowMore pageInfo={mine.data?.myRepresentations.pageInfo} shown={mineRows.length} fetching={mine.fetching} onMore={mineCursors.more('after')} />
      </section>

      <section aria-labelledby="asked-title">
        <h2 id="asked-title">{t('representatives.asked')}</h2>
        <ErrorMessage error={asked.error} onRetry={() => refetchAsked({ requestPolicy: 'network-only' })} />
        {asked.data && askedRows.length === 0 && <Empty>{t('representatives.noneAsked')}</Empty>}
        {askedRows.length > 0 && <RepresentationTable caption={t('representatives.asked')} rows={askedRows} who={(r) => r.principalName ?? '—'} />}
        <ShowMore pageInfo={asked.data?.myRepresentations.pageInfo} shown={askedRows.length} fetching={asked.fetching} onMore={forCursors.more('after')} />
      </section>

      <RequestForm
        onRequested={() => {
          forCursors.reset();
          refetchAsked({ requestPolicy: 'network-only' });
        }}
      />
    </>
  );
}
