import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AttachToTicketMutation, ComplaintTargetsQuery, FileComplaintMutation, MySupportQuery, RegionSuppliersQuery, ReportFailureMutation } from '../api/support.js';
import { formatDateTime } from '../../../lib/format.js';
import { DateText, Empty, ErrorMessage, Loading, SelectField, StatusBadge, SuccessStatus, TextArea, TextField, ShowMore, useCursors, useLoadAllPages } from '../../../components/ui.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { DataTable } from '../../../components/DataTable.js';
import { actingPersonId, useSession } from '../../../lib/session.js';

const MIN_TEXT = 10;

/** A recipient's complaints about a supplier or an order, and failure reports to the contact center, with their status. */
export function SupportPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const personId = actingPersonId(session) ?? '';
  const { cursors, more, reset } = useCursors<'complaintsAfter' | 'ticketsAfter'>();
  const [mine, reexecute] = useQuery({ query: MySupportQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const refetch = (opts: { requestPolicy: 'network-only' }) => {
    reset();
    reexecute(opts);
  };
  const complaints = mine.data?.complaints.nodes ?? [];
  const tickets = mine.data?.failureTickets.nodes ?? [];
  return (
    <>
      <h1>{t('support.title')}</h1>
      <p className="lead">{t('support.lead')}</p>
      <ErrorMessage error={mine.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <div className="two-columns">
        <ComplaintForm personId={personId} onFiled={() => refetch({ requestPolicy: 'network-only' })} />
        <FailureForm onReported={() => refetch({ requestPolicy: 'network-only' })} />
      </div>
      {mine.fetching && !mine.data && <Loading />}
      {mine.data && (
        <>
          <section aria-labelledby="my-complaints-title">
            <h2 id="my-complaints-title">{t('support.myComplaints')}</h2>
            {complaints.length === 0 ? (
              <Empty>{t('support.noComplaints')}</Empty>
            ) : (
              <DataTable
                caption={t('support.myComplaints')}
                rows={complaints}
                rowKey={(c) => c.id}
                columns={[
                  { header: t('support.received'), cell: (c) => <DateText value={c.receivedAt} time /> },
                  { header: t('support.text'), cell: (c) => c.text },
                  { header: t('cabinet.status'), cell: (c) => <StatusBadge kind="complaint" status={c.status} /> },
                  {
                    header: t('support.next'),
                    cell: (c) =>
                      c.status === 'RECEIVED' ? (
                        <>
                          {t('support.forwardBy')} <DateText value={c.forwardDueAt} time />
                        </>
                      ) : c.status === 'FORWARDED' ? (
                        <>
                          {t(`responsibleBody.${c.forwardedTo}`)}; {t('support.answerBy')} {c.answerDueAt && <DateText value={c.answerDueAt} time />}
                        </>
                      ) : (
                        c.answer
                      ),
                  },
                ]}
              />
            )}
            <ShowMore pageInfo={mine.data?.complaints.pageInfo} shown={mine.data?.complaints.nodes.length ?? 0} fetching={mine.fetching} onMore={more('complaintsAfter')} />
          </section>
          <section aria-labelledby="my-tickets-title">
            <h2 id="my-tickets-title">{t('support.myTickets')}</h2>
            {tickets.length === 0 ? (
              <Empty>{t('support.noTickets')}</Empty>
            ) : (
              <DataTable
                caption={t('support.myTickets')}
                rows={tickets}
                rowKey={(x) => x.id}
                columns={[
                  { header: t('support.ticketNumber'), cell: (x) => x.number },
                  { header: t('support.reported'), cell: (x) => <DateText value={x.reportedAt} time /> },
                  { header: t('support.description'), cell: (x) => x.description },
                  { header: t('cabinet.status'), cell: (x) => <StatusBadge kind="ticket" status={x.status} /> },
                  {
                    header: t('support.decision'),
                    cell: (x) => (
                      <>
                        {x.decision ?? '—'}
                        {/* 003 ¶15.5: the planned time of the fix, as the contact centre decided it. */}
                        {x.plannedFixAt && !x.closedAt && <span className="cell-note"> {t('support.fixPlanned', { when: formatDateTime(x.plannedFixAt, i18n.language) })}</span>}
                      </>
                    ),
                  },
                  { header: t('support.attachments'), cell: (x) => (x.attachments.length ? x.attachments.map((a) => a.fileName).join(', ') : '—') },
                ]}
              />
            )}
            <ShowMore pageInfo={mine.data?.failureTickets.pageInfo} shown={mine.data?.failureTickets.nodes.length ?? 0} fetching={mine.fetching} onMore={more('ticketsAfter')} />
          </section>
        </>
      )}
    </>
  );
}

function ComplaintForm({ personId, onFiled }: { personId: string; onFiled: () => void }) {
  const { t } = useTranslation();
  // The pickers offer every order and every supplier of the region: all pages are loaded.
  const [ordersAfter, setOrdersAfter] = useState<string | undefined>(undefined);
  const [suppliersAfter, setSuppliersAfter] = useState<string | undefined>(undefined);
  const [targets] = useQuery({ query: ComplaintTargetsQuery, variables: { personId, ordersAfter }, pause: !personId });
  useLoadAllPages(targets.data?.orders.pageInfo, targets.fetching, setOrdersAfter);
  const regionCode = targets.data?.person.regionCode ?? '';
  const [suppliersRes] = useQuery({ query: RegionSuppliersQuery, variables: { regionCode, after: suppliersAfter }, pause: !regionCode });
  useLoadAllPages(suppliersRes.data?.suppliers.pageInfo, suppliersRes.fetching, setSuppliersAfter);
  const [res, file] = useMutation(FileComplaintMutation);
  const [about, setAbout] = useState<'order' | 'supplier'>('supplier');
  const orders = (targets.data?.orders.nodes ?? []).filter((o) => o.recipient.id === personId);
  const suppliers = suppliersRes.data?.suppliers.nodes ?? [];
  const options =
    about === 'order'
      ? orders.map((o) => ({ value: o.id, label: `${o.number} — ${o.offering.supplier.name}` }))
      : suppliers.map((s) => ({ value: s.id, label: s.name }));

  const { onSubmit: submit, error: textError, done } = useFormSubmit(async (data, { fail }) => {
    const text = textOf(data, 'text');
    const target = String(data.get('target') ?? '');
    if (text.length < MIN_TEXT) return fail(t('support.textTooShort', { min: MIN_TEXT }), 'text');
    const input = { personId, text, ...(about === 'order' ? { orderId: target } : { supplierId: target }) };
    const r = await file({ input });
    if (r.error) return;
    onFiled();
    return { done: t('support.complaintFiled') };
  });


  return (
    <form className="panel" onSubmit={submit} aria-labelledby="complaint-title" noValidate>
      <h2 id="complaint-title">{t('support.complain')}</h2>
      <p className="hint">{t('support.complainHint')}</p>
      <fieldset>
        <legend>{t('support.about')}</legend>
        <label className="checkbox">
          <input type="radio" name="about" value="supplier" checked={about === 'supplier'} onChange={() => setAbout('supplier')} />
          {t('support.aboutSupplier')}
        </label>
        <label className="checkbox">
          <input type="radio" name="about" value="order" checked={about === 'order'} onChange={() => setAbout('order')} disabled={!orders.length} />
          {t('support.aboutOrder')}
        </label>
      </fieldset>
      {targets.fetching && !targets.data ? (
        <Loading />
      ) : options.length ? (
        <SelectField key={about} label={about === 'order' ? t('support.order') : t('support.supplier')} name="target" options={options} />
      ) : (
        <Empty>{t('support.noTargets')}</Empty>
      )}
      <TextArea label={t('support.text')} name="text" rows={4} error={textError} hint={t('support.textHint', { min: MIN_TEXT })} />
      <ErrorMessage error={targets.error ?? suppliersRes.error ?? res.error} />
      <button type="submit" disabled={res.fetching || !options.length}>
        {t('support.fileComplaint')}
      </button>
      <SuccessStatus text={done} />
    </form>
  );
}

/** What the server takes as an attachment (003 ¶15.1): PNG, JPEG or PDF up to 700 KiB. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'application/pdf'];
export const MAX_ATTACHMENT_BYTES = 700 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function FailureForm({ onReported }: { onReported: () => void }) {
  const { t } = useTranslation();
  const [res, report] = useMutation(ReportFailureMutation);
  const [attachRes, attach] = useMutation(AttachToTicketMutation);
  const { onSubmit: submit, error, done } = useFormSubmit(async (data, { fail, form }) => {
    const description = textOf(data, 'description');
    const contact = textOf(data, 'contact');
    const upload = form.querySelector<HTMLInputElement>('input[name="attachment"]')?.files?.[0] ?? null;
    if (description.length < MIN_TEXT) return fail(t('support.textTooShort', { min: MIN_TEXT }), 'description');
    if (upload && (!ATTACHMENT_TYPES.includes(upload.type) || upload.size > MAX_ATTACHMENT_BYTES)) return fail(t('support.attachmentInvalid'), 'attachment');
    const r = await report({ input: { description, channel: 'PORTAL', ...(contact ? { contact } : {}) } });
    if (r.error || !r.data) return;
    if (upload) {
      const a = await attach({ ticketId: r.data.reportFailure.id, input: { fileName: upload.name.slice(0, 255), contentType: upload.type, contentBase64: await base64Of(upload) } });
      if (a.error) return;
    }
    onReported();
    return { done: t('support.ticketReported', { number: r.data?.reportFailure.number ?? '' }) };
  });


  const fileError = error === t('support.attachmentInvalid');
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="failure-title" noValidate>
      <h2 id="failure-title">{t('support.reportFailure')}</h2>
      <p className="hint">{t('support.reportHint')}</p>
      <TextArea label={t('support.description')} name="description" rows={4} error={fileError ? null : error} hint={t('support.textHint', { min: MIN_TEXT })} />
      <TextField label={t('support.contact')} name="contact" autoComplete="tel" hint={t('support.contactHint')} />
      <TextField label={t('support.attachment')} name="attachment" type="file" accept={ATTACHMENT_TYPES.join(',')} hint={t('support.attachmentHint')} error={fileError ? error : null} />
      <ErrorMessage error={res.error ?? attachRes.error} />
      <button type="submit" disabled={res.fetching}>
        {t('support.send')}
      </button>
      <SuccessStatus text={done} />
    </form>
  );
}
