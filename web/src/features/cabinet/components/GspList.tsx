import { useTranslation } from 'react-i18next';
import { DateText, StatusBadge } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useFragment, type FragmentType } from '../../../gql/index.js';
import { GspRowFragment } from '../api/cabinet.js';

/** The guaranteed social package: each kind with its volume, period and implementation status (seeds 002 ¶1, the Rules ¶7). */
export function GspList({ entitlements }: { entitlements: FragmentType<typeof GspRowFragment>[] }) {
  const { t } = useTranslation();
  const rows = useFragment(GspRowFragment, entitlements);
  return (
    <DataTable
      caption={t('cabinet.gspTable')}
      rows={rows}
      rowKey={(g) => g.id}
      columns={[
        { header: t('cabinet.gspKindCol'), cell: (g) => t(`gspKind.${g.kind}`) },
        { header: t('cabinet.gspVolume'), cell: (g) => t(`gspUnit.${g.unit}`, { count: g.quantity }) },
        {
          header: t('cabinet.gspPeriod'),
          cell: (g) => (
            <>
              <DateText value={g.startsOn} /> – <DateText value={g.endsOn} />
            </>
          ),
        },
        {
          header: t('cabinet.status'),
          cell: (g) => (
            <>
              <StatusBadge kind="gsp" status={g.status} />
              {g.statusReason && <p className="hint">{g.statusReason}</p>}
            </>
          ),
        },
      ]}
    />
  );
}
