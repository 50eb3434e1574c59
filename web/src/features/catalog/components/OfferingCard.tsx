import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { OfferingFacts } from './OfferingFacts.js';
import type { OfferingCardFragment } from '../../../gql/graphql.js';
import { useOfferingText } from '../../../lib/localized.js';

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
  const text = useOfferingText();
  const titleId = useId();
  const names = useReferenceNames();
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Link className="tap" href={`/catalog/${encodeURIComponent(o.id)}${measureId ? `?measure=${encodeURIComponent(measureId)}` : ''}`}>{text.title(o)}</Link>
      </h3>
      {/* The type in the reader's language, as the portal names it. */}
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
          <span className="visually-hidden">: {text.title(o)}</span>
        </label>
        {measureId && (o.stock == null || o.stock > 0) && (
          <Link className="button" href={`/orders/new?measure=${encodeURIComponent(measureId)}&offering=${encodeURIComponent(o.id)}`}>
            {t('catalog.choose')}
            <span className="visually-hidden">: {text.title(o)}</span>
          </Link>
        )}
      </div>
    </article>
  );
}
