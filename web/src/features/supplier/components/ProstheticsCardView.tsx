import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText, Money } from '../../../components/ui.js';
import type { ProstheticsCardFieldsFragment } from '../../../gql/graphql.js';

/** What the card holds: measurements, the inpatient fitting, trips, the acceptance act and the history extract (004 ¶34). */
export function ProstheticsCardView({ card }: { card: ProstheticsCardFieldsFragment | null | undefined }) {
  const { t } = useTranslation();
  if (!card) return <p className="empty">{t('prosthetics.emptyCard')}</p>;
  return (
    <>
      <dl className="facts">
        <dt>{t('prosthetics.measurements')}</dt>
        <dd>
          {card.measurements.length ? (
            <dl className="facts compact">
              {card.measurements.map((m, i) => (
                <Fragment key={i}>
                  <dt>{m.name}</dt>
                  <dd>{m.value}</dd>
                </Fragment>
              ))}
            </dl>
          ) : (
            '—'
          )}
        </dd>
        {card.measuredAt && (
          <>
            <dt>{t('prosthetics.measuredAt')}</dt>
            <dd>
              <DateText value={card.measuredAt} time />
            </dd>
          </>
        )}
        <dt>{t('prosthetics.inpatientTitle')}</dt>
        <dd>
          {card.inpatient && card.inpatientFrom && card.inpatientTo ? (
            <>
              {t(`prosthetics.fittings.${card.inpatient}`)}: <DateText value={card.inpatientFrom} /> – <DateText value={card.inpatientTo} />{' '}
              ({t('prosthetics.workingDays', { count: card.inpatientWorkingDays })})
            </>
          ) : (
            '—'
          )}
        </dd>
        {card.invitedAt && (
          <>
            <dt>{t('prosthetics.invitedAt')}</dt>
            <dd>
              <DateText value={card.invitedAt} time />
            </dd>
          </>
        )}
        <dt>{t('prosthetics.tripsTitle')}</dt>
        <dd>
          {card.trips.length ? (
            <ul className="plain-list">
              {card.trips.map((trip, i) => (
                <li key={i}>
                  <DateText value={trip.date} />, <Money tiyn={trip.amount} />
                  {trip.escort && ` (${t('prosthetics.escortShort')})`}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      <h3>{t('prosthetics.acceptanceAct')}</h3>
      {card.acceptanceAct ? <pre className="document">{card.acceptanceAct}</pre> : <p className="hint">{t('prosthetics.actPending')}</p>}
      {card.historyExtract && (
        <>
          <h3>{t('prosthetics.historyExtract')}</h3>
          <pre className="document">{card.historyExtract}</pre>
        </>
      )}
    </>
  );
}
