import { Fragment, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DepartmentRecordTripMutation, HistoryExtractsQuery } from '../api/prosthetics.js';
import { TripForm } from '../../../components/TripForm.js';
import { DateText, Empty, ErrorMessage, Loading, Money, ShowMore } from '../../../components/ui.js';
import { useReferenceNames } from '../../../lib/reference.js';

/**
 * The region's prosthetics cards with an inpatient fitting (seeds 004 ¶34): the measurements, the fitting,
 * the trips to reimburse (¶41), the acceptance act and the extract from the prosthetics history (annex 11).
 */
export function ProstheticsExtractsPage() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const [tripRes, recordTrip] = useMutation(DepartmentRecordTripMutation);
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res, refetch] = useQuery({ query: HistoryExtractsQuery, variables: { after } });
  const cards = res.data?.prostheticsHistoryExtracts.nodes ?? [];
  return (
    <>
      <h1>{t('departmentProsthetics.title')}</h1>
      <p className="hint">{t('departmentProsthetics.hint')}</p>
      <ErrorMessage error={res.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !res.data && <Loading />}
      {res.data && cards.length === 0 && <Empty>{t('departmentProsthetics.none')}</Empty>}
      <ul className="card-list">
        {cards.map((c) => (
          <li key={c.id} className="card">
            <h2>{t('departmentProsthetics.order', { number: c.orderNumber })}</h2>
            <dl className="facts">
              <dt>{t('departmentProsthetics.item')}</dt>
              <dd>{names.itemType(c.itemTypeCode)}</dd>
              <dt>{t('departmentProsthetics.region')}</dt>
              <dd>{names.region(c.regionCode)}</dd>
              {c.inpatient && c.inpatientFrom && c.inpatientTo && (
                <>
                  <dt>{t(`departmentProsthetics.fittings.${c.inpatient}`)}</dt>
                  <dd>
                    <DateText value={c.inpatientFrom} /> – <DateText value={c.inpatientTo} /> ({t('departmentProsthetics.workingDays', { count: c.inpatientWorkingDays })})
                  </dd>
                </>
              )}
              {c.measurements.map((m, i) => (
                <Fragment key={i}>
                  <dt>{m.name}</dt>
                  <dd>{m.value}</dd>
                </Fragment>
              ))}
              <dt>{t('departmentProsthetics.trips')}</dt>
              <dd>
                {c.trips.length
                  ? c.trips.map((trip, i) => (
                      <Fragment key={i}>
                        {i > 0 && '; '}
                        <DateText value={trip.date} />, <Money tiyn={trip.amount} />
                        {trip.escort && ` (${t('departmentProsthetics.escort')})`}
                      </Fragment>
                    ))
                  : '—'}
              </dd>
            </dl>
            <details>
              <summary>{t('trip.add')}</summary>
              <TripForm record={(trip) => recordTrip({ orderId: c.orderId, ...trip })} result={tripRes} />
            </details>
            {c.historyExtract && (
              <details>
                <summary>{t('departmentProsthetics.extract')}</summary>
                <pre className="document">{c.historyExtract}</pre>
              </details>
            )}
            {c.acceptanceAct && (
              <details>
                <summary>{t('departmentProsthetics.act')}</summary>
                <pre className="document">{c.acceptanceAct}</pre>
              </details>
            )}
          </li>
        ))}
      </ul>
      <ShowMore pageInfo={res.data?.prostheticsHistoryExtracts.pageInfo} shown={cards.length} fetching={res.fetching} onMore={setAfter} />
    </>
  );
}
