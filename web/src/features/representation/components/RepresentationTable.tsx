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
        { header: t('representatives.who'), cell: who },
        { header: t('representatives.basis'), cell: (r) => (r.basis ? t(`representatives.basisOf.${r.basis}`) : t(`representatives.kindOf.${r.kind}`)) },
        {
          header: t('representatives.document'),
          cell: (r) => (r.documentType ? <>{r.documentType} № {r.documentNumber}<span className="cell-note">{r.documentIssuer}{r.documentDate ? <>, <DateText value={r.documentDate} /></> : null}</span></> : '—'),
        },
        { header: t('representatives.term'), cell: (r) => <>{r.validFrom} — {r.validTo ?? t('representatives.noEnd')}</> },
        {
          header: t('representatives.status'),
          cell: (r) => (
            <>
              {t(`representatives.statusOf.${r.status}`)}
              {r.rejectionReason && <span className="cell-note">{r.rejectionReason}</span>}
              {r.status === 'REVOKED' && r.endReason && <span className="cell-note">{r.endReason}</span>}
            </>
          ),
        },
        ...(action ? [{ header: t('representatives.action'), cell: action }] : []),
      ]}
    />
  );
}
