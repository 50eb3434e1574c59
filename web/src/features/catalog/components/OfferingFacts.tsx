import { useTranslation } from 'react-i18next';
import { Money, PriceSplit } from '../../../components/ui.js';
import { splitPrice } from '../../../lib/format.js';

export interface OfferingFactsProps {
  offering: { price: number; deliveryMode?: string | null; leadTimeDays: number; stock?: number | null };
  /** With a measure: what the state pays and what the recipient pays. */
  guaranteedSum?: number;
}

/** Price (and its split for a measure), delivery or pickup, lead time and stock: the `dt`/`dd` pairs of a card or page. */
export function OfferingFacts({ offering: o, guaranteedSum }: OfferingFactsProps) {
  const { t } = useTranslation();
  const split = guaranteedSum != null ? splitPrice(o.price, guaranteedSum) : null;
  return (
    <>
      <dt>{t('catalog.price')}</dt>
      <dd>
        <Money tiyn={o.price} />
      </dd>
      {split && <PriceSplit statePart={split.statePart} coPayment={split.coPayment} />}
      {/* Services (S1–S3) are rendered: no delivery mode, no stock. */}
      {o.deliveryMode && (
        <>
          <dt>{t('catalog.delivery')}</dt>
          <dd>{t(`delivery.${o.deliveryMode}`)}</dd>
        </>
      )}
      <dt>{t('catalog.leadTime')}</dt>
      <dd>{t('common.days', { count: o.leadTimeDays })}</dd>
      {o.stock != null && (
        <>
          <dt>{t('catalog.stock')}</dt>
          <dd>{o.stock > 0 ? t('catalog.inStock', { count: o.stock }) : t('catalog.outOfStock')}</dd>
        </>
      )}
    </>
  );
}
