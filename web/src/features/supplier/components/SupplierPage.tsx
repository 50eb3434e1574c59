import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { SupplierCardQuery, SupplierOfferingFragment } from '../api/supplier.js';
import { ErrorMessage, Loading, Empty, ShowMore } from '../../../components/ui.js';
import { useSession } from '../../../lib/session.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { useFragment } from '../../../gql/index.js';
import { OfferingRow } from './OfferingRow.js';
import { NewOfferingForm } from './NewOfferingForm.js';
import { TableWrap } from '../../../components/TableWrap.js';

/** The supplier's organization card and its offerings (price, stock, lead time, withdraw). */
export function SupplierPage() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const session = useSession();
  const supplierId = session?.claims.supplierId ?? '';
  const [offeringsAfter, setOfferingsAfter] = useState<string | undefined>(undefined);
  const [res, reexecute] = useQuery({ query: SupplierCardQuery, variables: { id: supplierId, offeringsAfter }, pause: !supplierId });
  const s = res.data?.supplier;
  const offerings = useFragment(SupplierOfferingFragment, s?.offerings.nodes ?? []);
  const regionName = names.region;
  const typeName = names.itemType;

  return (
    <>
      <h1>{t('supplier.title')}</h1>
      <ErrorMessage error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {res.fetching && !s && <Loading />}
      {s && (
        <>
          <section className="panel" aria-labelledby="org-title">
            <h2 id="org-title">{s.name}</h2>
            <dl className="facts">
              <dt>{t('supplier.bin')}</dt>
              <dd>{s.bin}</dd>
              <dt>{t('supplier.legalForm')}</dt>
              <dd>{t(`legalForm.${s.legalForm}`)}</dd>
              <dt>{t('supplier.head')}</dt>
              <dd>{s.headName}</dd>
              <dt>{t('supplier.legalAddress')}</dt>
              <dd>{s.legalAddress}</dd>
              <dt>{t('supplier.actualAddress')}</dt>
              <dd>{s.actualAddress}</dd>
              <dt>{t('supplier.contacts')}</dt>
              <dd>
                {s.phone}, {s.email}
              </dd>
              <dt>{t('supplier.oked')}</dt>
              <dd>{s.okedCodes.join(', ')}</dd>
              <dt>{t('supplier.directions')}</dt>
              <dd>{s.directions.map((k) => t(`kind.${k}`)).join('; ')}</dd>
              <dt>{t('supplier.regions')}</dt>
              <dd>{s.regionCodes.map(regionName).join('; ')}</dd>
              <dt>{t('supplier.status')}</dt>
              <dd>{t(`supplierStatus.${s.status}`)}</dd>
            </dl>
          </section>
          <section aria-labelledby="offerings-title">
            <h2 id="offerings-title">{t('supplier.offerings')}</h2>
            {offerings.length === 0 ? (
              <Empty>{t('supplier.noOfferings')}</Empty>
            ) : (
              <TableWrap label={t('supplier.offerings')}>
                <table className="stack">
                  <caption className="visually-hidden">{t('supplier.offerings')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('supplier.offering')}</th>
                      <th scope="col">{t('catalog.price')}</th>
                      <th scope="col">{t('catalog.stock')}</th>
                      <th scope="col">{t('catalog.leadTime')}</th>
                      <th scope="col">{t('supplier.active')}</th>
                      <th scope="col">{t('cabinet.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {offerings.map((o) => (
                      <OfferingRow key={o.id} offering={o} typeName={typeName(o.itemTypeCode)} />
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <ShowMore pageInfo={s.offerings.pageInfo} shown={offerings.length} fetching={res.fetching} onMore={setOfferingsAfter} />
          </section>
          <NewOfferingForm
            itemTypes={names.itemTypes.filter((it) => s.directions.includes(it.kind))}
            regions={s.regionCodes.map((code) => ({ code, name: regionName(code) }))}
          />
        </>
      )}
    </>
  );
}
