import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DeskTicketFragment, DeskTicketsQuery, RecordTicketStepMutation, TicketBreachReportQuery } from '../api/tickets.js';
import { astanaToIso } from './ContentPage.js';
import { DateText, Empty, ErrorMessage, Loading, Num, SelectField, StatusBadge, TextArea, TextField, ShowMore, useCursors } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { useFragment } from '../../../gql/index.js';
import type { DeskTicketFragment as DeskTicket, TicketStatus, TicketStep } from '../../../gql/graphql.js';
import { ClockList } from './SupportOverview.js';


/** The steps the server accepts next (see the people subgraph's ticket rules). */
export function nextSteps(t: { status: TicketStatus; escalate?: boolean | null; fixRequired?: boolean | null; steps: readonly { step: TicketStep }[] }): TicketStep[] {
  const done = new Set(t.steps.map((s) => s.step));
  const notify: TicketStep[] = done.has('DECIDE') && !done.has('NOTIFY_DECISION') ? ['NOTIFY_DECISION'] : [];
  switch (t.status) {
    case 'REPORTED':
      return ['REGISTER'];
    case 'REGISTERED':
      return ['ANALYSE'];
    case 'ANALYSED':
      return [t.escalate ? 'ESCALATE' : 'DECIDE'];
    case 'ESCALATED':
      return ['DECIDE'];
    case 'DECIDED':
      return [...notify, ...(t.fixRequired ? (['START_FIX'] as const) : [])];
    case 'FIX_IN_PROGRESS':
      return [...notify, 'FINISH_FIX'];
    case 'FIXED':
      return [...notify, ...(done.has('NOTIFY_FIX') ? [] : (['NOTIFY_FIX'] as const))];
    default:
      return [];
  }
}

/** Records the next step of one ticket: the choice of step, and what ANALYSE and DECIDE need. */
function StepForm({ ticket, onDone }: { ticket: DeskTicket; onDone: (step: TicketStep) => void }) {
  const { t } = useTranslation();
  const steps = nextSteps(ticket);
  const [step, setStep] = useState<TicketStep | ''>(steps[0] ?? '');
  const [res, record] = useMutation(RecordTicketStepMutation);
  const current = steps.includes(step as TicketStep) ? (step as TicketStep) : steps[0];
  const { onSubmit: submit, error } = useFormSubmit(async (form, { fail }) => {
    if (!current) return;
    const note = textOf(form, 'note') || null;
    const decision = textOf(form, 'decision');
    if (current === 'DECIDE' && decision.length < 3) return fail(t('admin.decisionRequired'));
    const fixRequired = form.get('fixRequired') === 'on';
    // 003 ¶15.5: a confirmed failure is told to the reporter with the planned time of its fix.
    const plannedLocal = textOf(form, 'plannedFixAt');
    const plannedFixAt = current === 'DECIDE' && fixRequired ? astanaToIso(plannedLocal) : null;
    if (current === 'DECIDE' && fixRequired && !plannedFixAt) return fail(t('admin.plannedFixRequired'));
    const r = await record({
      id: ticket.id,
      input: {
        step: current,
        note,
        ...(current === 'ANALYSE' ? { escalate: form.get('escalate') === 'on' } : {}),
        ...(current === 'DECIDE' ? { decision, fixRequired, ...(plannedFixAt ? { plannedFixAt } : {}) } : {}),
      },
    });
    if (!r.error) onDone(current);
  });
  if (!current) return <>—</>;



  return (
    <form onSubmit={submit} className="inline-form" noValidate aria-label={t('admin.recordStepFor', { number: ticket.number })}>
      <SelectField label={t('admin.nextStep')} name="step" value={current} onChange={(e) => setStep(e.target.value as TicketStep)} options={steps.map((s) => ({ value: s, label: t(`ticketStep.${s}`) }))} />
      {current === 'ANALYSE' && (
        <label className="checkbox">
          <input type="checkbox" name="escalate" /> {t('admin.needsEscalation')}
        </label>
      )}
      {current === 'DECIDE' && (
        <>
          <TextArea label={t('admin.decision')} name="decision" rows={2} error={error} />
          <label className="checkbox">
            <input type="checkbox" name="fixRequired" /> {t('admin.fixRequired')}
          </label>
          <TextField label={t('admin.plannedFixAt')} hint={`${t('admin.plannedFixHint')}; ${t('content.astanaTime')}`} name="plannedFixAt" type="datetime-local" />
        </>
      )}
      <TextField label={t('admin.stepNote')} name="note" />
      <ErrorMessage error={res.error} />
      <button type="submit" disabled={res.fetching}>
        {t('admin.recordStep')}
        <span className="visually-hidden"> {ticket.number}</span>
      </button>
    </form>
  );
}

/** Open contact-center tickets: every clock with its deadline and whether it was met, and the next step to record. */
export function TicketDesk() {
  const { t, i18n } = useTranslation();
  const { cursors, more } = useCursors<'after'>();
  const [res, refetch] = useQuery({ query: DeskTicketsQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const tickets = useFragment(DeskTicketFragment, res.data?.failureTickets.nodes ?? []).filter((x) => x.status !== 'CLOSED');
  const [done, setDone] = useState('');
  return (
    <section aria-labelledby="ticket-desk-title">
      <h2 id="ticket-desk-title">{t('admin.openTickets')}</h2>
      <p className="hint">{t('admin.ticketsHint')}</p>
      <p role="status" className="success">
        {done}
      </p>
      <ErrorMessage error={res.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !res.data && <Loading />}
      {res.data && tickets.length === 0 && <Empty>{t('admin.noOpenTickets')}</Empty>}
      {tickets.length > 0 && (
        <DataTable
          caption={t('admin.openTickets')}
          rows={tickets}
          rowKey={(x) => x.id}
          columns={[
            { header: t('support.ticketNumber'), cell: (x) => x.number },
            { header: t('admin.reporter'), cell: (x) => <>{x.reporterName}<span className="cell-note">{x.description}</span></> },
            { header: t('cabinet.status'), cell: (x) => <StatusBadge kind="ticket" status={x.status} /> },
            { header: t('admin.clocks'), cell: (x) => <ClockList clocks={x.clocks} lang={i18n.language} all /> },
            {
              header: t('admin.stepsDone'),
              cell: (x) => (
                <ul className="plain-list">
                  {x.steps.map((s) => (
                    <li key={s.id}>
                      {t(`ticketStep.${s.step}`)} — <DateText value={s.at} time />
                      {s.note && <> ({s.note})</>}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              header: t('cabinet.action'),
              cell: (x) => <StepForm key={`${x.id}-${x.status}-${x.steps.length}`} ticket={x} onDone={(step) => setDone(t('admin.stepRecorded', { step: t(`ticketStep.${step}`), number: x.number }))} />,
            },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.failureTickets.pageInfo} shown={res.data?.failureTickets.nodes.length ?? 0} fetching={res.fetching} onMore={more('after')} />
    </section>
  );
}

/** The current month in Astana time as yyyy-mm. */
function astanaMonth(now = Date.now()): string {
  return new Date(now + 5 * 3_600_000).toISOString().slice(0, 7);
}

/** Service-level breaches of one month, per clock, with a month picker. */
export function BreachReport() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(astanaMonth());
  const [y, m] = /^\d{4}-\d{2}$/.test(month) ? month.split('-').map(Number) : astanaMonth().split('-').map(Number);
  const [res, refetch] = useQuery({ query: TicketBreachReportQuery, variables: { year: y!, month: m! }, requestPolicy: 'cache-and-network' });
  const report = res.data?.ticketBreachReport;
  return (
    <section aria-labelledby="breach-title">
      <h2 id="breach-title">{t('admin.breachReport')}</h2>
      <TextField label={t('admin.month')} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      <ErrorMessage error={res.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !report && <Loading />}
      {report && (
        <>
          <p>{t('admin.breachTotal', { due: report.due, breached: report.breached })}</p>
          {report.byStep.length === 0 ? (
            <Empty>{t('admin.noClocksDue')}</Empty>
          ) : (
            <DataTable
              caption={t('admin.breachCaption', { month })}
              captionVisible
              rows={report.byStep}
              rowKey={(r) => r.step}
              columns={[
                { header: t('admin.clock'), cell: (r) => t(`ticketStep.${r.step}`) },
                { header: t('admin.clocksDue'), cell: (r) => <Num value={r.due} /> },
                { header: t('admin.breached'), cell: (r) => <Num value={r.breached} /> },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
