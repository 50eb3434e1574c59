import { useTranslation } from 'react-i18next';
import { DateText, Money, StatusBadge } from '../../../components/ui.js';
import { Link } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { useFragment, type FragmentType } from '../../../gql/index.js';
import { MeasureRowFragment } from '../api/cabinet.js';
import { ReactivateButton } from './ReactivateButton.js';
import { DataTable } from '../../../components/DataTable.js';

const CHOOSABLE = new Set(['PUBLISHED', 'AWAITING_CHOICE']);

export function MeasureList({ measures }: { measures: FragmentType<typeof MeasureRowFragment>[] }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const rows = useFragment(MeasureRowFragment, measures);
  return (
    <DataTable
      caption={t('cabinet.measures')}
      rows={rows}
      rowKey={(m) => m.id}
      columns={[
        { header: t('cabinet.measure'), cell: (m) => `${t(`kind.${m.kind}`)}: ${names.itemType(m.itemTypeCode)}` },
        { header: t('cabinet.status'), cell: (m) => <StatusBadge kind="measure" status={m.status} /> },
        { header: t('cabinet.guaranteedSum'), cell: (m) => <Money tiyn={m.guaranteedSum} /> },
        {
          header: t('cabinet.deadline'),
          cell: (m) =>
            CHOOSABLE.has(m.status) ? (
              <>
                <DateText value={m.choiceDeadline} />
                {m.daysLeftToChoose != null && <> ({t('cabinet.daysLeft', { count: m.daysLeftToChoose })})</>}
              </>
            ) : (
              '—'
            ),
        },
        {
          header: t('cabinet.action'),
          cell: (m) => (
            <>
              {CHOOSABLE.has(m.status) && (
                <Link className="button" href={`/catalog?measure=${encodeURIComponent(m.id)}`}>
                  {t('cabinet.chooseSupplier')}
                  <span className="visually-hidden">: {names.itemType(m.itemTypeCode)}</span>
                </Link>
              )}
              {m.status === 'BLOCKED' && <ReactivateButton measureId={m.id} version={m.version} label={names.itemType(m.itemTypeCode)} />}
            </>
          ),
        },
      ]}
    />
  );
}
