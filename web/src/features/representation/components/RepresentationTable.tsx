import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import type { RepresentationCardFragment } from '../../../gql/graphql.js';

/** Representations as a table (stacked cards on a phone): who, on what ground, the document, the term, the status. */
export function RepresentationTable({ caption, rows, who, action }: {
  caption: string;
  rows: readonly RepresentationCardFragment[];
  who: (r: RepresentationCardFragment) => ReactNode;
  action?: (r: RepresentationCardFragment) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { header: t('representation.who'), cell: who },
        { header: t('representation.basis'), cell: (r) => (r.basis ? t(`representation.basisOf.${r.basis}`) : t(`representation.kindOf.${r.kind}`)) },
        {
          header: t('representation.document'),
          cell: (r) => (r.documentType ? <>{r.documentType} № {r.documentNumber}<span className="cell-note">{r.documentIssuer}{r.documentDate ? <>, <DateText value={r.documentDate} /></> : null}</span></> : '—'),
        },
        { header: t('representation.term'), cell: (r) => <>{r.validFrom} — {r.validTo ?? t('representation.noEnd')}</> },
        {
          header: t('representation.status'),
          cell: (r) => (
            <>
              {t(`representation.statusOf.${r.status}`)}
              {r.rejectionReason && <span className="cell-note">{r.rejectionReason}</span>}
              {r.status === 'REVOKED' && r.endReason && <span className="cell-note">{r.endReason}</span>}
            </>
          ),
        },
        ...(action ? [{ header: t('representation.action'), cell: action }] : []),
      ]}
    />
  );
}
