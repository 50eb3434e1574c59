import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/ui.js';
import { Link } from '../../../lib/router.js';
import { splitPrice } from '../../../lib/format.js';
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
  const split = guaranteedSum != null ? splitPrice(o.price, guaranteedSum) : null;
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Link href={`/catalog/${encodeURIComponent(o.id)}${measureId ? `?measure=${encodeURIComponent(measureId)}` : ''}`}>{o.title}</Link>
      </h3>
      <dl className="facts">
        <dt>{t('catalog.supplier')}</dt>
        <dd>{o.supplier.name}</dd>
        <dt>{t('catalog.price')}</dt>
        <dd>
          <Money tiyn={o.price} />
        </dd>
        {split && (
          <>
            <dt>{t('catalog.statePart')}</dt>
            <dd>
              <Money tiyn={split.statePart} />
            </dd>
            <dt>{t('catalog.coPayment')}</dt>
            <dd>
              <Money tiyn={split.coPayment} />
            </dd>
          </>
        )}
        {o.deliveryMode && (
          <>
            <dt>{t('catalog.delivery')}</dt>
            <dd>{t(`delivery.${o.deliveryMode}`)}</dd>
          </>
        )}
        <dt>{t('catalog.leadTime')}</dt>
        <dd>{t('common.days', { count: o.leadTimeDays })}</dd>
        {/* Services (S1–S3) have no stock. */}
        {o.stock != null && (
          <>
            <dt>{t('catalog.stock')}</dt>
            <dd>{o.stock > 0 ? t('catalog.inStock', { count: o.stock }) : t('catalog.outOfStock')}</dd>
          </>
        )}
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
