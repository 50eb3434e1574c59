import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AnswerComplaintMutation, DepartmentComplaintsQuery, SatisfyComplaintMutation } from '../api/complaints.js';
import { DateText, Empty, ErrorMessage, Loading, ShowMore, StatusBadge } from '../../../components/ui.js';

type Filter = 'open' | 'overdue' | 'closed';
const FILTERS: Filter[] = ['open', 'overdue', 'closed'];

/**
 * The department's complaints (seeds 004 ¶11): each registered complaint is answered within 5 working
 * days of its registration; one fully satisfied within 3 working days is closed here and not forwarded.
 */
export function DepartmentComplaintsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const variables = { status: filter === 'closed' ? ('SATISFIED' as const) : null, overdue: filter === 'overdue', after };
  const [res, refetch] = useQuery({ query: DepartmentComplaintsQuery, variables, requestPolicy: 'cache-and-network' });
  const [satisfyRes, satisfy] = useMutation(SatisfyComplaintMutation);
  const [answerRes, answer] = useMutation(AnswerComplaintMutation);
  const [open, setOpen] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const complaints = (res.data?.complaints.nodes ?? []).filter((c) => filter !== 'open' || c.status === 'RECEIVED' || c.status === 'FORWARDED');

  async function submit(e: FormEvent<HTMLFormElement>, id: string, status: string) {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget).get('answer') ?? '').trim();
    if (text.length < 3) return setFieldError(t('departmentComplaints.answerRequired'));
    setFieldError(null);
    const r = status === 'RECEIVED' ? await satisfy({ id, answer: text }) : await answer({ id, answer: text });
    if (!r.error) {
      setOpen(null);
      setDone(t(status === 'RECEIVED' ? 'departmentComplaints.satisfied' : 'departmentComplaints.answered'));
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <>
      <h1>{t('departmentComplaints.title')}</h1>
      <p className="hint">{t('departmentComplaints.hint')}</p>
      <div className="segmented" role="group" aria-label={t('departmentComplaints.filter')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => { setFilter(f); setAfter(undefined); }}>
            {t(`departmentComplaints.tab.${f}`)}
          </button>
        ))}
      </div>
      <p role="status" className="success">
        {done}
      </p>
      <ErrorMessage error={res.error ?? satisfyRes.error ?? answerRes.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !res.data && <Loading />}
      {res.data && complaints.length === 0 && <Empty>{t('departmentComplaints.none')}</Empty>}
      <ul className="card-list">
        {complaints.map((c) => (
          <li key={c.id} className="card">
            <p>
              <StatusBadge kind="complaint" status={c.status} /> {c.overdue && <span className="badge badge-overdue">{t('departmentComplaints.overdue')}</span>}
            </p>
            <p>{c.text}</p>
            <dl className="facts">
              <dt>{t('departmentComplaints.received')}</dt>
              <dd><DateText value={c.receivedAt} time /></dd>
              {c.status === 'RECEIVED' && (
                <>
                  <dt>{t('departmentComplaints.satisfyBy')}</dt>
                  <dd><DateText value={c.forwardDueAt} time /></dd>
                </>
              )}
              {c.answerDueAt && (
                <>
                  <dt>{t('departmentComplaints.answerBy')}</dt>
                  <dd><DateText value={c.answerDueAt} time /></dd>
                </>
              )}
              {c.answer && (
                <>
                  <dt>{t('departmentComplaints.answer')}</dt>
                  <dd>{c.answer}</dd>
                </>
              )}
            </dl>
            {(c.status === 'RECEIVED' || c.status === 'FORWARDED') && open !== c.id && (
              <button type="button" onClick={() => { setOpen(c.id); setFieldError(null); }}>
                {t(c.status === 'RECEIVED' ? 'departmentComplaints.satisfy' : 'departmentComplaints.reply')}
              </button>
            )}
            {open === c.id && (
              <form onSubmit={(e) => submit(e, c.id, c.status)} className="inline-form" noValidate>
                <label htmlFor={`answer-${c.id}`}>{t(c.status === 'RECEIVED' ? 'departmentComplaints.satisfyLabel' : 'departmentComplaints.answerLabel')}</label>
                <textarea id={`answer-${c.id}`} name="answer" rows={3} autoFocus aria-invalid={fieldError ? true : undefined} />
                {fieldError && <p className="field-error">{fieldError}</p>}
                <button type="submit" disabled={satisfyRes.fetching || answerRes.fetching}>
                  {t(c.status === 'RECEIVED' ? 'departmentComplaints.satisfy' : 'departmentComplaints.reply')}
                </button>
                <button type="button" className="secondary" onClick={() => setOpen(null)}>
                  {t('common.cancel')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <ShowMore pageInfo={res.data?.complaints.pageInfo} shown={res.data?.complaints.nodes.length ?? 0} fetching={res.fetching} onMore={setAfter} />
    </>
  );
}
