import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DepartmentClaimsQuery, DepartmentMeasureFragment, DepartmentMeasuresQuery, DepartmentOrdersQuery } from '../api/console.js';
import { BarChart, DateText, Empty, ErrorMessage, Loading, Money, ShowMore, StatusBadge, useLoadAllPages } from '../../../components/ui.js';
import { useFragment } from '../../../gql/index.js';
import { ActsToApprove } from './ActsToApprove.js';
import { OverdueDeliveries } from './OverdueDeliveries.js';
import { OrderSearch } from './OrderSearch.js';
import { PayClaimForm } from './PayClaimForm.js';
import { DepartureForm } from './DepartureForm.js';
import { DataTable } from '../../../components/DataTable.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { formatMonth, formatNumber } from '../../../lib/format.js';

type Tab = 'blocked' | 'awaiting' | 'overdue';
const DAY = 86_400_000;

/** A month after publication (the reminder) without a choice. */
export function isOverdue(publishedAt: string, now: number): boolean {
  const reminder = new Date(publishedAt);
  reminder.setUTCMonth(reminder.getUTCMonth() + 1);
  return reminder.getTime() <= now;
}

/** The employment department's console: measures needing attention, claims, and two simple charts. */
export function DepartmentPage() {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const [blockedAfter, setBlockedAfter] = useState<string | undefined>(undefined);
  const [awaitingAfter, setAwaitingAfter] = useState<string | undefined>(undefined);
  const [ordersAfter, setOrdersAfter] = useState<string | undefined>(undefined);
  const [claimsAfter, setClaimsAfter] = useState<string | undefined>(undefined);
  const [blockedRes, reexecute] = useQuery({ query: DepartmentMeasuresQuery, variables: { status: 'BLOCKED', after: blockedAfter } });
  const [awaitingRes] = useQuery({ query: DepartmentMeasuresQuery, variables: { status: 'AWAITING_CHOICE', after: awaitingAfter } });
  const [ordersRes] = useQuery({ query: DepartmentOrdersQuery, variables: { after: ordersAfter } });
  // The charts count every order of the region: all pages are loaded.
  const allOrders = useLoadAllPages(ordersRes.data?.orders.pageInfo, ordersRes.fetching, setOrdersAfter);
  const [claimsRes] = useQuery({ query: DepartmentClaimsQuery, variables: { after: claimsAfter } });
  const blocked = useFragment(DepartmentMeasureFragment, blockedRes.data?.measures.nodes ?? []);
  const awaiting = useFragment(DepartmentMeasureFragment, awaitingRes.data?.measures.nodes ?? []);
  // Overdue: still no choice a month after publication, when the reminder SMS went out (blocked at two months).
  const overdue = awaiting.filter((m) => isOverdue(m.publishedAt, Date.now()));
  const [tab, setTab] = useState<Tab>('blocked');
  const shown = tab === 'blocked' ? blocked : tab === 'awaiting' ? awaiting : overdue;
  const shownRes = tab === 'blocked' ? blockedRes : awaitingRes;
  const orders = useMemo(() => (allOrders ? ordersRes.data?.orders.nodes ?? [] : []), [ordersRes.data, allOrders]);
  const claims = claimsRes.data?.claims.nodes ?? [];
  const error = blockedRes.error ?? awaitingRes.error ?? ordersRes.error ?? claimsRes.error;
  const loaded = blockedRes.data && awaitingRes.data && claimsRes.data;

  const perMonth = useMemo(() => {
    const counts = new Map<string, { label: string; value: number }>();
    for (const o of orders) {
      const kind = o.kind ?? o.measure.kind;
      const key = `${o.createdAt.slice(0, 7)} ${kind}`;
      const label = `${formatMonth(o.createdAt, i18n.language)} · ${kind}`;
      counts.set(key, { label, value: (counts.get(key)?.value ?? 0) + 1 });
    }
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
  }, [orders, i18n.language]);

  const avgDays = useMemo(() => {
    const sums = new Map<string, { total: number; n: number }>();
    for (const o of orders) {
      if (!o.handedOverAt) continue;
      const days = (new Date(o.handedOverAt).getTime() - new Date(o.measure.publishedAt).getTime()) / DAY;
      const kind = o.kind ?? o.measure.kind;
      const cur = sums.get(kind) ?? { total: 0, n: 0 };
      sums.set(kind, { total: cur.total + days, n: cur.n + 1 });
    }
    return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, s]) => ({ label: t(`kind.${kind}`), value: Math.round((s.total / s.n) * 10) / 10 }));
  }, [orders, t]);

  const more = (r: typeof blockedRes) => (r.data?.measures.pageInfo.hasNextPage ? '+' : '');
  const tabs: { id: Tab; count: string }[] = [
    { id: 'blocked', count: formatNumber(blocked.length, i18n.language) + more(blockedRes) },
    { id: 'awaiting', count: formatNumber(awaiting.length, i18n.language) + more(awaitingRes) },
    { id: 'overdue', count: formatNumber(overdue.length, i18n.language) + more(awaitingRes) },
  ];

  return (
    <>
      <h1>{t('department.title')}</h1>
      <ErrorMessage error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!loaded && !error && <Loading />}
      {loaded && (
        <>
          <OrderSearch />
          <DepartureForm />
          <section aria-labelledby="measures-title">
            <h2 id="measures-title">{t('department.measures')}</h2>
            <div className="segmented" role="group" aria-label={t('department.measureFilter')}>
              {tabs.map((x) => (
                <button key={x.id} type="button" aria-pressed={tab === x.id} onClick={() => setTab(x.id)}>
                  {t(`department.tab.${x.id}`)} ({x.count})
                </button>
              ))}
            </div>
            {shown.length === 0 ? (
              <Empty>{t('department.noMeasures')}</Empty>
            ) : (
              <DataTable
                caption={t(`department.tab.${tab}`)}
                rows={shown}
                rowKey={(m) => m.id}
                columns={[
                  { header: t('department.person'), cell: (m) => m.person.fullName },
                  { header: t('cabinet.measure'), cell: (m) => `${t(`kind.${m.kind}`)}: ${names.itemType(m.itemTypeCode)}` },
                  { header: t('cabinet.status'), cell: (m) => <StatusBadge kind="measure" status={m.status} /> },
                  { header: t('cabinet.guaranteedSum'), cell: (m) => <Money tiyn={m.guaranteedSum} /> },
                  { header: t('department.published'), cell: (m) => <DateText value={m.publishedAt} /> },
                  { header: t('cabinet.deadline'), cell: (m) => <DateText value={m.choiceDeadline} /> },
                ]}
              />
            )}
            <ShowMore
              key={tab}
              pageInfo={shownRes.data?.measures.pageInfo}
              shown={shownRes.data?.measures.nodes.length ?? 0}
              fetching={shownRes.fetching}
              onMore={tab === 'blocked' ? setBlockedAfter : setAwaitingAfter}
            />
          </section>
          <ActsToApprove />
          <OverdueDeliveries />
          <section aria-labelledby="charts-title" className="charts">
            <h2 id="charts-title">{t('department.charts')}</h2>
            {!allOrders ? <Loading /> : perMonth.length ? <BarChart title={t('department.ordersPerMonth')} data={perMonth} /> : <Empty>{t('department.noOrders')}</Empty>}
            {avgDays.length > 0 && (
              <BarChart title={t('department.avgDays')} data={avgDays} format={(n) => t('common.days', { count: n })} />
            )}
          </section>
          <section aria-labelledby="claims-title">
            <h2 id="claims-title">{t('department.claims')}</h2>
            {claims.length === 0 ? (
              <Empty>{t('department.noClaims')}</Empty>
            ) : (
              <DataTable
                caption={t('department.claims')}
                rows={claims}
                rowKey={(c) => c.id}
                columns={[
                  { header: t('orders.numberCol'), cell: (c) => c.order.number },
                  { header: t('catalog.statePart'), cell: (c) => <Money tiyn={c.statePart} /> },
                  { header: t('catalog.coPayment'), cell: (c) => <Money tiyn={c.coPayment} /> },
                  { header: t('cabinet.status'), cell: (c) => <StatusBadge kind="claim" status={c.status} /> },
                  {
                    header: t('department.payments'),
                    cell: (c) =>
                      c.payments.nodes.length ? (
                        <ul className="plain-list">
                          {c.payments.nodes.map((p) => (
                            <li key={p.id}>
                              <Money tiyn={p.amount} />, <DateText value={p.paidAt} /> <span className="cell-note">{t('department.paymentReference', { reference: p.reference })}</span>
                            </li>
                          ))}
                        </ul>
                      ) : c.status === 'APPROVED' ? (
                        <PayClaimForm claimId={c.id} version={c.version} orderNumber={c.order.number} />
                      ) : (
                        t('department.notPaid')
                      ),
                  },
                ]}
              />
            )}
            <ShowMore pageInfo={claimsRes.data?.claims.pageInfo} shown={claims.length} fetching={claimsRes.fetching} onMore={setClaimsAfter} />
          </section>
        </>
      )}
    </>
  );
}
