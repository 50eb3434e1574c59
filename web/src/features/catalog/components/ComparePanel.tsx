import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/ui.js';
import { splitPrice } from '../../../lib/format.js';
import type { OfferingCardFragment } from '../../../gql/graphql.js';
import { useOfferingText } from '../../../lib/localized.js';
import { TableWrap } from '../../../components/TableWrap.js';

/** Up to three offerings side by side: one column each, a row per fact. */
export function ComparePanel({ offerings, guaranteedSum, onRemove }: { offerings: OfferingCardFragment[]; guaranteedSum?: number; onRemove: (id: string) => void }) {
  const { t } = useTranslation();
  const text = useOfferingText();
  const keys = [...new Set(offerings.flatMap((o) => Object.keys(o.characteristics ?? {})))];
  return (
    <section className="panel" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('catalog.compareTitle', { count: offerings.length })}</h2>
      <TableWrap label={t('catalog.compareTitle', { count: offerings.length })}>
        <table className="compare">
          <thead>
            <tr>
              <td />
              {offerings.map((o) => (
                <th scope="col" key={o.id}>
                  {text.title(o)}
                  <br />
                  <button type="button" className="link-button" onClick={() => onRemove(o.id)}>
                    {t('catalog.removeCompare')}
                    <span className="visually-hidden">: {text.title(o)}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('catalog.supplier')}</th>
              {offerings.map((o) => <td key={o.id}>{o.supplier.name}</td>)}
            </tr>
            <tr>
              <th scope="row">{t('catalog.price')}</th>
              {offerings.map((o) => (
                <td key={o.id}>
                  <Money tiyn={o.price} />
                </td>
              ))}
            </tr>
            {guaranteedSum != null && (
              <>
                <tr>
                  <th scope="row">{t('catalog.statePart')}</th>
                  {offerings.map((o) => (
                    <td key={o.id}>
                      <Money tiyn={splitPrice(o.price, guaranteedSum).statePart} />
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t('catalog.coPayment')}</th>
                  {offerings.map((o) => (
                    <td key={o.id}>
                      <Money tiyn={splitPrice(o.price, guaranteedSum).coPayment} />
                    </td>
                  ))}
                </tr>
              </>
            )}
            <tr>
              <th scope="row">{t('catalog.delivery')}</th>
              {offerings.map((o) => <td key={o.id}>{o.deliveryMode ? t(`delivery.${o.deliveryMode}`) : '—'}</td>)}
            </tr>
            <tr>
              <th scope="row">{t('catalog.leadTime')}</th>
              {offerings.map((o) => <td key={o.id}>{t('common.days', { count: o.leadTimeDays })}</td>)}
            </tr>
            <tr>
              <th scope="row">{t('catalog.stock')}</th>
              {offerings.map((o) => <td key={o.id}>{o.stock ?? '—'}</td>)}
            </tr>
            {keys.map((k) => (
              <tr key={k}>
                <th scope="row">{t(`characteristics.${k}`, k)}</th>
                {offerings.map((o) => <td key={o.id}>{String((o.characteristics as Record<string, unknown>)[k] ?? '—')}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
