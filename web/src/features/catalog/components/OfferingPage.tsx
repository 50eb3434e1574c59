import { Fragment } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorMessage, Loading } from '../../../components/ui.js';
import { Link, useLocation } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { characteristicsText } from '../../../lib/characteristics.js';
import { MeasureForChoiceQuery } from '../api/measure.js';
import { OfferingCardFragment, OfferingPageQuery } from '../api/offerings.js';
import { useFragment } from '../../../gql/index.js';
import { OfferingFacts } from './OfferingFacts.js';
import { useOfferingText } from '../../../lib/localized.js';

/** One offering: description, characteristics, documents, supplier card, regions, delivery or pickup, lead time; with ?measure=… the split and the way to order. */
export function OfferingPage() {
  const { t } = useTranslation();
  const text = useOfferingText();
  const names = useReferenceNames();
  const { path, search } = useLocation();
  const id = decodeURIComponent(path.split('/').pop() ?? '');
  const measureId = search.get('measure') ?? undefined;
  const [res] = useQuery({ query: OfferingPageQuery, variables: { id } });
  const [measureRes] = useQuery({ query: MeasureForChoiceQuery, variables: { id: measureId ?? '' }, pause: !measureId });
  const page = res.data?.offering;
  const card = useFragment(OfferingCardFragment, page ?? null);
  const o = page && card ? { ...card, documents: page.documents, orderable: page.orderable, supplier: page.supplier } : null;
  const measure = measureRes.data?.measure;
  // Names in the reader's language where the app knows them (`characteristicsText` lines: "Name: value").
  const characteristics = characteristicsText(page && card ? card.characteristics : null, t)
    .split('\n')
    .filter(Boolean)
    .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)] as const);
  const back = measureId ? `/catalog?measure=${encodeURIComponent(measureId)}` : '/catalog';

  return (
    <>
      <p>
        <Link className="tap" href={back}>{t('catalog.backToList')}</Link>
      </p>
      {res.fetching && <Loading />}
      <ErrorMessage error={res.error} />
      {o && (
        <article aria-labelledby="offering-title">
          <h1 id="offering-title">{text.title(o)}</h1>
          <p className="hint">
            {t(`kind.${o.kind}`)}: {names.itemType(o.itemTypeCode)}
          </p>
          <p>{text.description(o)}</p>
          <dl className="facts">
            <OfferingFacts offering={o} guaranteedSum={measure?.guaranteedSum} />
            <dt>{t('catalog.regions')}</dt>
            <dd>{o.regionCodes.map((r) => names.region(r)).join(', ')}</dd>
          </dl>
          <section aria-labelledby="characteristics-title">
            <h2 id="characteristics-title">{t('catalog.characteristics')}</h2>
            {characteristics.length ? (
              <dl className="facts">
                {characteristics.map(([name, value]) => (
                  <Fragment key={name}>
                    <dt>{name}</dt>
                    <dd>{value}</dd>
                  </Fragment>
                ))}
              </dl>
            ) : (
              <Empty>{t('catalog.noCharacteristics')}</Empty>
            )}
          </section>
          <section aria-labelledby="documents-title">
            <h2 id="documents-title">{t('catalog.documents')}</h2>
            {o.documents.length ? (
              <ul>
                {o.documents.map((d) => (
                  <li key={d.id}>
                    {t(`documentKind.${d.kind}`)}: {d.title}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('catalog.noDocuments')}</Empty>
            )}
          </section>
          <section aria-labelledby="supplier-title" className="panel">
            <h2 id="supplier-title">{t('catalog.supplierCard')}</h2>
            <dl className="facts">
              <dt>{t('catalog.supplier')}</dt>
              <dd>{o.supplier.name}</dd>
              <dt>{t('catalog.address')}</dt>
              <dd>{o.supplier.actualAddress}</dd>
              <dt>{t('catalog.phone')}</dt>
              <dd>
                <a className="tap" href={`tel:${o.supplier.phone}`}>{o.supplier.phone}</a>
              </dd>
              <dt>{t('catalog.email')}</dt>
              <dd>
                <a className="tap" href={`mailto:${o.supplier.email}`}>{o.supplier.email}</a>
              </dd>
            </dl>
          </section>
          {measure && o.orderable && (o.stock == null || o.stock > 0) && (
            <Link className="button" href={`/orders/new?measure=${encodeURIComponent(measure.id)}&offering=${encodeURIComponent(o.id)}`}>
              {t('catalog.choose')}
            </Link>
          )}
        </article>
      )}
    </>
  );
}
