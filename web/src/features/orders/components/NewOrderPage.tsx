import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Money } from '../../../components/ui.js';
import { useLocation } from '../../../lib/router.js';
import { localName } from '../../../lib/names.js';
import { splitPrice } from '../../../lib/format.js';
import { OrderReviewQuery } from '../api/review.js';

/** Review the order document (measure, offering, price, state part, co-payment) before signing it. */
export function NewOrderPage() {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const measureId = search.get('measure') ?? '';
  const offeringId = search.get('offering') ?? '';
  const [res] = useQuery({ query: OrderReviewQuery, variables: { measureId, offeringId }, pause: !measureId || !offeringId });
  const m = res.data?.measure;
  const o = res.data?.offering;
  const split = m && o ? splitPrice(o.price, m.guaranteedSum) : null;
  return (
    <>
      <h1>{t('orders.newTitle')}</h1>
      {res.fetching && <Loading />}
      <ErrorMessage error={res.error} />
      {m && o && split && (
        <section className="panel" aria-labelledby="doc-title">
          <h2 id="doc-title">{t('orders.document')}</h2>
          <dl className="facts">
            <dt>{t('cabinet.measure')}</dt>
            <dd>
              {t(`kind.${m.kind}`)}: {localName(m.itemType, i18n.language)}
            </dd>
            <dt>{t('catalog.offering')}</dt>
            <dd>{o.title}</dd>
            <dt>{t('catalog.supplier')}</dt>
            <dd>{o.supplier.name}</dd>
            <dt>{t('catalog.price')}</dt>
            <dd>
              <Money tiyn={o.price} />
            </dd>
            <dt>{t('catalog.guaranteedSum')}</dt>
            <dd>
              <Money tiyn={m.guaranteedSum} />
            </dd>
            <dt>{t('catalog.statePart')}</dt>
            <dd>
              <Money tiyn={split.statePart} />
            </dd>
            <dt>{t('catalog.coPayment')}</dt>
            <dd>
              <Money tiyn={split.coPayment} />
            </dd>
          </dl>
        </section>
      )}
    </>
  );
}
