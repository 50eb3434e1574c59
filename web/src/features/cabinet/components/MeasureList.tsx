import { useTranslation } from 'react-i18next';
import { DateText, Money, StatusBadge } from '../../../components/ui.js';
import { Link } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { useFragment, type FragmentType } from '../../../gql/index.js';
import { MeasureRowFragment } from '../api/cabinet.js';
import { ReactivateButton } from './ReactivateButton.js';

const CHOOSABLE = new Set(['PUBLISHED', 'AWAITING_CHOICE']);

export function MeasureList({ measures }: { measures: FragmentType<typeof MeasureRowFragment>[] }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
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
                {t(`kind.${m.kind}`)}: {names.itemType(m.itemTypeCode)}
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
                    <span className="visually-hidden">: {names.itemType(m.itemTypeCode)}</span>
                  </Link>
                )}
                {m.status === 'BLOCKED' && <ReactivateButton measureId={m.id} version={m.version} label={names.itemType(m.itemTypeCode)} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
