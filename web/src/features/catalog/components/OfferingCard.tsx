import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { OfferingFacts } from './OfferingFacts.js';
import type { OfferingCardFragment } from '../../../gql/graphql.js';

export interface OfferingCardProps {
  offering: OfferingCardFragment;
  guaranteedSum?: number;
  measureId?: string;
  compared: boolean;
  compareDisabled: boolean;
  onToggleCompare: () => void;
}

export function OfferingCard({ offering: o, guaranteedSum, measureId, compared, compareDisabled, onToggleCompare }: OfferingCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const names = useReferenceNames();
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Link className="tap" href={`/catalog/${encodeURIComponent(o.id)}${measureId ? `?measure=${encodeURIComponent(measureId)}` : ''}`}>{o.title}</Link>
      </h3>
      {/* The type in the reader's language (the title is the supplier's own words). */}
      <p className="hint">{names.itemType(o.itemTypeCode)}</p>
      <dl className="facts">
        <dt>{t('catalog.supplier')}</dt>
        <dd>{o.supplier.name}</dd>
        <OfferingFacts offering={o} guaranteedSum={guaranteedSum} />
      </dl>
      <div className="card-actions">
        <label className="checkbox">
          <input type="checkbox" checked={compared} disabled={compareDisabled} onChange={onToggleCompare} aria-describedby="compare-hint" />
          {t('catalog.compare')}
          <span className="visually-hidden">: {o.title}</span>
        </label>
        {measureId && (o.stock == null || o.stock > 0) && (
          <Link className="button" href={`/orders/new?measure=${encodeURIComponent(measureId)}&offering=${encodeURIComponent(o.id)}`}>
            {t('catalog.choose')}
            <span className="visually-hidden">: {o.title}</span>
          </Link>
        )}
      </div>
    </article>
  );
}
