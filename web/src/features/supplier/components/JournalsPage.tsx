import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ActFieldsFragment, GenerateActMutation, JournalQuery, LogHoursMutation, ServiceOrdersQuery, SubmitActMutation } from '../api/journals.js';
import { DateText, Empty, ErrorMessage, Loading, Money, SelectField, ShowMore, StatusBadge, TextField, useLoadAllPages } from '../../../components/ui.js';
import { useFragment } from '../../../gql/index.js';
import { DataTable } from '../../../components/DataTable.js';
import { formatNumber } from '../../../lib/format.js';
import type { SessionMode } from '../../../gql/graphql.js';
import { useSupplierSignature } from '../api/sign.js';

const S1_DAY_LIMIT_MIN = 8 * 60;
const S2_YEAR_LIMIT_MIN = 60 * 60;

const minutesBetween = (start: string, end: string): number => {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  if ([sh, sm, eh, em].some((n) => n == null || Number.isNaN(n))) return 0;
  return eh! * 60 + em! - (sh! * 60 + sm!);
};

/** Yesterday in Asia/Almaty, YYYY-MM-DD: a sensible default for a journal row. */
function yesterdayAlmaty(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date(Date.now() - 86_400_000));
}

/** S1/S2 journals (hours with the limits shown before submitting) and monthly acts of services rendered. */
export function JournalsPage() {
  const { t, i18n } = useTranslation();
  // Every accepted order is offered in the picker: all pages are loaded.
  const [ordersAfter, setOrdersAfter] = useState<string | undefined>(undefined);
  const [ordersRes] = useQuery({ query: ServiceOrdersQuery, variables: { after: ordersAfter } });
  useLoadAllPages(ordersRes.data?.orders.pageInfo, ordersRes.fetching, setOrdersAfter);
  // Orders signed before the lifecycle carried `kind` read it from their measure.
  const serviceOrders = (ordersRes.data?.orders.nodes ?? []).map((o) => ({ ...o, kind: o.kind ?? o.measure.kind })).filter((o) => o.kind === 'S1' || o.kind === 'S2' || o.kind === 'SSS');
  const [orderId, setOrderId] = useState('');
  const selected = orderId || serviceOrders[0]?.id || '';
  const [journalAfter, setJournalAfter] = useState<string | undefined>(undefined);
  const [actsAfter, setActsAfter] = useState<string | undefined>(undefined);
  const [journalRes, refetch] = useQuery({ query: JournalQuery, variables: { orderId: selected, journalAfter, actsAfter }, pause: !selected });
  // The limits count every row of the day (S1) or the year (S2): the whole journal is loaded.
  useLoadAllPages(journalRes.data?.order.journal.pageInfo, journalRes.fetching, setJournalAfter);
  const loaded = journalRes.data?.order;
  const order = loaded ? { ...loaded, kind: loaded.kind ?? loaded.measure.kind } : undefined;
  const rows = order?.journal.nodes ?? [];
  const acts = useFragment(ActFieldsFragment, order?.acts.nodes ?? []);
  const [logRes, logHours] = useMutation(LogHoursMutation);
  const [genRes, generate] = useMutation(GenerateActMutation);
  const [submitRes, submitActMutation] = useMutation(SubmitActMutation);
  const actSigner = useSupplierSignature();
  // The act goes to the department signed with the organization's EDS.
  async function submitAct(act: { id: string; version: number }) {
    const s = await actSigner.sign({ kind: 'act', id: act.id });
    if (s) await submitActMutation({ ...act, ...s });
  }

  const [date, setDate] = useState(yesterdayAlmaty());
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('12:00');
  const [places, setPlaces] = useState('');
  const [mode, setMode] = useState<SessionMode>('OFFLINE');
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const hoursText = (min: number) => formatNumber(Math.round((min / 60) * 100) / 100, i18n.language);

  const entryMin = minutesBetween(start, end);
  const loggedThatDay = rows.filter((r) => r.date === date).reduce((s, r) => s + r.minutes, 0);
  const loggedThatYear = rows.filter((r) => r.date.slice(0, 4) === date.slice(0, 4)).reduce((s, r) => s + r.minutes, 0);
  // Special social services: no hour limit in the Rules; S1 8 hours a day, S2 60 hours a year.
  const limit =
    order?.kind === 'SSS'
      ? { used: 0, max: Infinity, text: '' }
      : order?.kind === 'S2'
      ? { used: loggedThatYear, max: S2_YEAR_LIMIT_MIN, text: t('journals.limitS2', { used: hoursText(loggedThatYear), entry: hoursText(entryMin), after: hoursText(loggedThatYear + entryMin) }) }
      : { used: loggedThatDay, max: S1_DAY_LIMIT_MIN, text: t('journals.limitS1', { used: hoursText(loggedThatDay), entry: hoursText(entryMin), after: hoursText(loggedThatDay + entryMin) }) };
  const overLimit = entryMin > 0 && limit.used + entryMin > limit.max;

  const periods = useMemo(() => [...new Set([date.slice(0, 7), ...rows.map((r) => r.date.slice(0, 7))])].sort().reverse(), [rows, date]);
  const [period, setPeriod] = useState('');
  const chosenPeriod = period || periods[0] || '';

  async function addRow(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved('');
    if (entryMin <= 0) return setFormError(t('journals.timeInvalid'));
    if (overLimit) return setFormError(t('journals.overLimit'));
    const placeList = places.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);
    if (order?.kind === 'S1' && !placeList.length) return setFormError(t('journals.placesRequired'));
    setFormError(null);
    const r = await logHours({
      orderId: selected,
      input:
        order?.kind === 'S1'
          ? { date, startTime: start, endTime: end, places: placeList }
          : order?.kind === 'S2'
            ? { date, startTime: start, endTime: end, mode }
            : { date, startTime: start, endTime: end },
    });
    if (!r.error) {
      setSaved(t('journals.rowSaved', { hours: hoursText(entryMin) }));
      refetch({ requestPolicy: 'network-only' });
    }
  }

  async function prepareAct() {
    const r = await generate({ orderId: selected, period: chosenPeriod });
    if (!r.error) refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>{t('journals.title')}</h1>
      {ordersRes.fetching && !ordersRes.data && <Loading />}
      <ErrorMessage error={ordersRes.error} />
      {ordersRes.data && serviceOrders.length === 0 && <Empty>{t('journals.noOrders')}</Empty>}
      {serviceOrders.length > 0 && (
        <SelectField
          label={t('journals.order')}
          value={selected}
          onChange={(e) => {
            setJournalAfter(undefined);
            setActsAfter(undefined);
            setOrderId(e.target.value);
          }}
          options={serviceOrders.map((o) => ({ value: o.id, label: `${o.number} — ${o.recipient.fullName} (${t(`kind.${o.kind}`)})` }))}
        />
      )}
      <ErrorMessage error={journalRes.error} />
      {order && (
        <>
          <section aria-labelledby="journal-title">
            <h2 id="journal-title">{t('journals.journal', { number: order.number })}</h2>
            {rows.length === 0 ? (
              <Empty>{t('journals.noRows')}</Empty>
            ) : (
              <DataTable
                caption={t('journals.journal', { number: order.number })}
                rows={rows}
                rowKey={(r) => r.id}
                columns={[
                  { header: t('journals.date'), cell: (r) => <DateText value={r.date} /> },
                  { header: t('journals.time'), cell: (r) => `${r.startTime}–${r.endTime}` },
                  { header: t('journals.hours'), cell: (r) => hoursText(r.minutes) },
                  {
                    header: order.kind === 'S1' ? t('journals.places') : t('journals.mode'),
                    cell: (r) => (order.kind === 'S1' ? r.places.join(', ') : r.mode ? t(`journals.modes.${r.mode}`) : '—'),
                  },
                ]}
              />
            )}
            <form onSubmit={addRow} className="panel" aria-labelledby="row-title" noValidate>
              <h3 id="row-title">{t('journals.addRow')}</h3>
              <div className="filter-grid">
                <TextField label={t('journals.date')} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
                <TextField label={t('journals.start')} name="start" type="time" value={start} onChange={(e) => setStart(e.target.value)} required />
                <TextField label={t('journals.end')} name="end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />
                {order.kind === 'S1' ? (
                  <TextField label={t('journals.places')} name="places" hint={t('journals.placesHint')} value={places} onChange={(e) => setPlaces(e.target.value)} />
                ) : order.kind === 'S2' ? (
                  <SelectField
                    label={t('journals.mode')}
                    name="mode"
                    value={mode}
                    onChange={(e) => setMode(e.target.value as SessionMode)}
                    options={(['OFFLINE', 'ONLINE'] as const).map((m) => ({ value: m, label: t(`journals.modes.${m}`) }))}
                  />
                ) : null}
              </div>
              <p className={overLimit ? 'field-error' : 'hint'} aria-live="polite" id="limit-text">
                {limit.text}
              </p>
              {formError && (
                <p className="field-error" role="alert">
                  {formError}
                </p>
              )}
              <ErrorMessage error={logRes.error} />
              <button type="submit" disabled={logRes.fetching} aria-describedby="limit-text">
                {t('journals.save')}
              </button>
              <p role="status" className="success">
                {saved}
              </p>
            </form>
          </section>
          <section aria-labelledby="acts-title">
            <h2 id="acts-title">{t('journals.acts')}</h2>
            <div className="inline-form">
              <SelectField
                label={t('journals.period')}
                value={chosenPeriod}
                onChange={(e) => setPeriod(e.target.value)}
                options={periods.map((p) => ({ value: p, label: p }))}
              />
              <button type="button" onClick={prepareAct} disabled={genRes.fetching || !chosenPeriod}>
                {t('journals.prepareAct')}
              </button>
            </div>
            {actSigner.error && <div className="error" role="alert">{actSigner.error}</div>}
            <ErrorMessage error={genRes.error ?? submitRes.error} />
            {acts.length === 0 ? (
              <Empty>{t('journals.noActs')}</Empty>
            ) : (
              <DataTable
                caption={t('journals.acts')}
                rows={acts}
                rowKey={(a) => a.id}
                columns={[
                  { header: t('journals.period'), cell: (a) => a.period },
                  { header: t('journals.hours'), cell: (a) => a.hours },
                  { header: t('journals.unitPrice'), cell: (a) => <Money tiyn={a.unitPrice} /> },
                  { header: t('journals.cost'), cell: (a) => <Money tiyn={a.cost} /> },
                  { header: t('catalog.statePart'), cell: (a) => <Money tiyn={a.statePart} /> },
                  {
                    header: t('cabinet.status'),
                    cell: (a) => (
                      <>
                        <StatusBadge kind="act" status={a.status} />
                        {a.returnReason && <p className="hint">{a.returnReason}</p>}
                      </>
                    ),
                  },
                  {
                    header: t('cabinet.action'),
                    cell: (a) =>
                      (a.status === 'DRAFT' || a.status === 'RETURNED') && (
                        <button type="button" disabled={submitRes.fetching} onClick={() => void submitAct({ id: a.id, version: a.version })}>
                          {t('journals.submitAct')}
                          <span className="visually-hidden"> {a.period}</span>
                        </button>
                      ),
                  },
                ]}
              />
            )}
            <ShowMore pageInfo={order.acts.pageInfo} shown={acts.length} fetching={journalRes.fetching} onMore={setActsAfter} />
          </section>
        </>
      )}
    </>
  );
}
