import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AdminComplaintFragment, AdminComplaintsQuery, AnswerComplaintMutation, ForwardComplaintMutation } from '../api/complaints.js';
import { TicketClockFragment, TicketsAtRiskQuery } from '../api/tickets.js';
import { DateText, Empty, ErrorMessage, Loading, StatusBadge, ShowMore, useCursors } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useFragment, type FragmentType } from '../../../gql/index.js';
import { formatNumber } from '../../../lib/format.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { ReasonForm } from '../../../components/ReasonForm.js';
import type { ResponsibleBody } from '../../../gql/graphql.js';

/** Working minutes as "2 h 15 min" (negative: overdue). */
function workingTime(minutes: number, t: (k: string, o?: Record<string, unknown>) => string, lang: string): string {
  const m = Math.abs(minutes);
  return t('admin.workingTime', { h: formatNumber(Math.floor(m / 60), lang), m: formatNumber(m % 60, lang) });
}

/** Contact-center tickets near or past a service-level deadline. */
export function TicketsAtRisk() {
  const { t, i18n } = useTranslation();
  const { cursors, more } = useCursors<'after'>();
  const [res, refetch] = useQuery({ query: TicketsAtRiskQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const tickets = res.data?.ticketsAtRisk.nodes ?? [];
  return (
    <section aria-labelledby="tickets-title">
      <h2 id="tickets-title">{t('admin.ticketsAtRisk')}</h2>
      <p className="hint">{t('admin.ticketsHint')}</p>
      <ErrorMessage error={res.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !res.data && <Loading />}
      {res.data && tickets.length === 0 && <Empty>{t('admin.noTicketsAtRisk')}</Empty>}
      {tickets.length > 0 && (
        <DataTable
          caption={t('admin.ticketsAtRisk')}
          rows={tickets}
          rowKey={(x) => x.id}
          columns={[
            { header: t('support.ticketNumber'), cell: (x) => x.number },
            { header: t('admin.reporter'), cell: (x) => x.reporterName },
            { header: t('support.description'), cell: (x) => x.description },
            { header: t('cabinet.status'), cell: (x) => <StatusBadge kind="ticket" status={x.status} /> },
            {
              header: t('admin.clock'),
              cell: (x) => <ClockList clocks={x.clocks} lang={i18n.language} />,
            },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.ticketsAtRisk.pageInfo} shown={tickets.length} fetching={res.fetching} onMore={more('after')} />
    </section>
  );
}

/** A ticket's clocks: deadline, state, and the working time left (or when it was stopped). `all`: every clock, else only those at risk. */
export function ClockList({ clocks, lang, all = false }: { clocks: readonly FragmentType<typeof TicketClockFragment>[]; lang: string; all?: boolean }) {
  const { t } = useTranslation();
  const list = useFragment(TicketClockFragment, clocks).filter((c) => all || c.state === 'NEAR' || c.state === 'BREACHED');
  return (
    <ul className="plain-list">
      {list.map((c) => (
        <li key={c.step} className={c.state === 'BREACHED' ? 'check-failed' : undefined}>
          {t(`ticketStep.${c.step}`)}: {t(`clockState.${c.state}`)} — {t('admin.due')} <DateText value={c.dueAt} time />{' '}
          {c.doneAt ? (
            <>
              ({t('admin.doneAt')} <DateText value={c.doneAt} time />)
            </>
          ) : (
            <>({c.remainingWorkingMinutes < 0 ? t('admin.overdueBy', { time: workingTime(c.remainingWorkingMinutes, t, lang) }) : t('admin.left', { time: workingTime(c.remainingWorkingMinutes, t, lang) })})</>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Complaints: overdue ones (past the forwarding or answer deadline) and new ones to forward to the responsible body. */
export function ComplaintsOverview() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const { cursors, more, reset } = useCursors<'overdueAfter' | 'receivedAfter' | 'forwardedAfter'>();
  const [res, reexecute] = useQuery({ query: AdminComplaintsQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const refetch = (opts: { requestPolicy: 'network-only' }) => {
    reset();
    reexecute(opts);
  };
  const overdue = useFragment(AdminComplaintFragment, res.data?.overdue.nodes ?? []);
  const received = useFragment(AdminComplaintFragment, res.data?.received.nodes ?? []);
  const forwarded = useFragment(AdminComplaintFragment, res.data?.forwarded?.nodes ?? []);
  const [fwdRes, forward] = useMutation(ForwardComplaintMutation);
  const [answerRes, answerComplaint] = useMutation(AnswerComplaintMutation);
  const [answering, setAnswering] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [body, setBody] = useState<Record<string, ResponsibleBody>>({});

  const columns = (action: 'forward' | 'answer' | null) => [
    { header: t('support.received'), cell: (c: (typeof received)[number]) => <DateText value={c.receivedAt} time /> },
    { header: t('support.text'), cell: (c: (typeof received)[number]) => c.text },
    { header: t('catalog.region'), cell: (c: (typeof received)[number]) => names.region(c.regionCode) },
    {
      header: t('cabinet.status'),
      cell: (c: (typeof received)[number]) => (
        <>
          <StatusBadge kind="complaint" status={c.status} />
          {c.overdue && <span className="badge badge-overdue">{t('admin.overdue')}</span>}
        </>
      ),
    },
    {
      header: t('admin.deadline'),
      cell: (c: (typeof received)[number]) =>
        c.status === 'RECEIVED' ? (
          <>
            {t('support.forwardBy')} <DateText value={c.forwardDueAt} time />
          </>
        ) : c.answerDueAt ? (
          <>
            {t('support.answerBy')} <DateText value={c.answerDueAt} time />
          </>
        ) : (
          '—'
        ),
    },
    ...(action === 'answer'
      ? [
          { header: t('admin.forwardedTo'), cell: (c: (typeof received)[number]) => (c.forwardedTo ? t(`responsibleBody.${c.forwardedTo}`) : '—') },
          {
            header: t('cabinet.action'),
            cell: (c: (typeof received)[number]) =>
              answering === c.id ? (
                <ReasonForm
                  label={t('admin.answerText')}
                  submitLabel={t('admin.recordAnswer')}
                  busy={answerRes.fetching}
                  onCancel={() => setAnswering(null)}
                  onSubmit={async (answer) => {
                    const r = await answerComplaint({ id: c.id, answer });
                    if (!r.error) {
                      setAnswering(null);
                      setDone(t('admin.answered'));
                      refetch({ requestPolicy: 'network-only' });
                    }
                  }}
                />
              ) : (
                <button type="button" className="secondary" onClick={() => setAnswering(c.id)}>
                  {t('admin.recordAnswer')}
                </button>
              ),
          },
        ]
      : []),
    ...(action === 'forward'
      ? [
          {
            header: t('cabinet.action'),
            cell: (c: (typeof received)[number]) => (
              <div className="inline-form">
                <label htmlFor={`fwd-${c.id}`}>{t('admin.forwardTo')}</label>
                <select id={`fwd-${c.id}`} value={body[c.id] ?? 'EMPLOYMENT_DEPARTMENT'} onChange={(e) => setBody({ ...body, [c.id]: e.target.value as ResponsibleBody })}>
                  {(['EMPLOYMENT_DEPARTMENT', 'QUALITY_AUTHORITY'] as const).map((b) => (
                    <option key={b} value={b}>
                      {t(`responsibleBody.${b}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  disabled={fwdRes.fetching}
                  onClick={async () => {
                    const r = await forward({ id: c.id, to: body[c.id] ?? 'EMPLOYMENT_DEPARTMENT' });
                    if (!r.error) {
                      setDone(t('admin.forwarded'));
                      refetch({ requestPolicy: 'network-only' });
                    }
                  }}
                >
                  {t('admin.forward')}
                </button>
              </div>
            ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="complaints-title">
      <h2 id="complaints-title">{t('admin.complaints')}</h2>
      <p role="status" className="success">
        {done}
      </p>
      <ErrorMessage error={res.error ?? fwdRes.error ?? answerRes.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !res.data && <Loading />}
      {res.data && (
        <>
          <h3 id="overdue-title">{t('admin.overdueComplaints')}</h3>
          {overdue.length === 0 ? (
            <Empty>{t('admin.noOverdue')}</Empty>
          ) : (
            <DataTable caption={t('admin.overdueComplaints')} rows={overdue} rowKey={(c) => c.id} columns={columns(null)} />
          )}
          <ShowMore pageInfo={res.data.overdue?.pageInfo} shown={overdue.length} fetching={res.fetching} onMore={more('overdueAfter')} />
          <h3 id="received-title">{t('admin.newComplaints')}</h3>
          {received.length === 0 ? (
            <Empty>{t('admin.noNew')}</Empty>
          ) : (
            <DataTable caption={t('admin.newComplaints')} rows={received} rowKey={(c) => c.id} columns={columns('forward')} />
          )}
          <ShowMore pageInfo={res.data.received?.pageInfo} shown={received.length} fetching={res.fetching} onMore={more('receivedAfter')} />
          <h3 id="forwarded-title">{t('admin.forwardedComplaints')}</h3>
          {forwarded.length === 0 ? (
            <Empty>{t('admin.noForwarded')}</Empty>
          ) : (
            <DataTable caption={t('admin.forwardedComplaints')} rows={forwarded} rowKey={(c) => c.id} columns={columns('answer')} />
          )}
          <ShowMore pageInfo={res.data.forwarded?.pageInfo} shown={forwarded.length} fetching={res.fetching} onMore={more('forwardedAfter')} />
        </>
      )}
    </section>
  );
}
