import { useTranslation } from 'react-i18next';
import { DateText, Money, StatusBadge } from '../../../components/ui.js';
import { Link } from '../../../lib/router.js';
import { localName } from '../../../lib/names.js';
import { useFragment, type FragmentType } from '../../../gql/index.js';
import { MeasureRowFragment } from '../api/cabinet.js';
import { ReactivateButton } from './ReactivateButton.js';

const CHOOSABLE = new Set(['PUBLISHED', 'AWAITING_CHOICE']);

export function MeasureList({ measures }: { measures: FragmentType<typeof MeasureRowFragment>[] }) {
  const { t, i18n } = useTranslation();
  const rows = useFragment(MeasureRowFragment, measures);
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('cabinet.measures')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cabinet.measure')}</th>
            <th scope="col">{t('cabinet.status')}</th>
            <th scope="col">{t('cabinet.guaranteedSum')}</th>
            <th scope="col">{t('cabinet.deadline')}</th>
            <th scope="col">{t('cabinet.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {t(`kind.${m.kind}`)}: {localName(m.itemType, i18n.language)}
              </th>
              <td>
                <StatusBadge kind="measure" status={m.status} />
              </td>
              <td>
                <Money tiyn={m.guaranteedSum} />
              </td>
              <td>
                {CHOOSABLE.has(m.status) ? (
                  <>
                    <DateText value={m.choiceDeadline} />
                    {m.daysLeftToChoose != null && <> ({t('cabinet.daysLeft', { count: m.daysLeftToChoose })})</>}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {CHOOSABLE.has(m.status) && (
                  <Link href={`/catalog?measure=${encodeURIComponent(m.id)}`}>
                    {t('cabinet.chooseSupplier')}
                    <span className="visually-hidden">: {localName(m.itemType, i18n.language)}</span>
                  </Link>
                )}
                {m.status === 'BLOCKED' && <ReactivateButton measureId={m.id} version={m.version} label={localName(m.itemType, i18n.language)} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
