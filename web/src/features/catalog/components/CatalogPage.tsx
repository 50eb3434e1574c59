import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { OfferingsQuery } from '../api/offerings.js';
import { MeasureForChoiceQuery } from '../api/measure.js';
import { Empty, ErrorMessage, Loading, Money, SelectField, ShowMore, TextField, LiveStatus } from '../../../components/ui.js';
import { navigate, useLocation } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { localName } from '../../../lib/names.js';
import { parseTenge } from '../../../lib/format.js';
import { useFragment } from '../../../gql/index.js';
import { OfferingCardFragment } from '../api/offerings.js';
import { OfferingCard } from './OfferingCard.js';
import { ComparePanel } from './ComparePanel.js';
import type { DeliveryMode, OfferingFilter, OfferingSort, ServiceKind } from '../../../gql/graphql.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';

const SORTS: { value: OfferingSort; label: string }[] = [
  { value: 'OLDEST_FIRST', label: 'catalog.sortDefault' },
  { value: 'PRICE_ASC', label: 'catalog.sortPriceAsc' },
  { value: 'PRICE_DESC', label: 'catalog.sortPriceDesc' },
  { value: 'LEAD_TIME_ASC', label: 'catalog.sortLeadTime' },
];

const KINDS: ServiceKind[] = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'];
const MAX_COMPARE = 3;

/** "Help for you": public browsing of offerings; with ?measure=… it previews the state part and leads to ordering. */
export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const measureId = search.get('measure') ?? undefined;
  const names = useReferenceNames();
  const [measureRes] = useQuery({ query: MeasureForChoiceQuery, variables: { id: measureId ?? '' }, pause: !measureId });
  const measure = measureRes.data?.measure;

  const filter: OfferingFilter = useMemo(() => {
    const f: OfferingFilter = {};
    const kind = search.get('kind');
    if (kind) f.kind = kind as ServiceKind;
    const type = search.get('type');
    if (type) f.itemTypeCode = type;
    const region = search.get('region');
    if (region) f.regionCode = region;
    const delivery = search.get('delivery');
    if (delivery) f.deliveryMode = delivery as DeliveryMode;
    const maxPrice = search.get('maxPrice');
    if (maxPrice) f.maxPrice = Number(maxPrice);
    const maxLead = search.get('maxLead');
    if (maxLead) f.maxLeadTimeDays = Number(maxLead);
    if (measure) {
      f.kind = measure.kind;
      f.itemTypeCode = measure.itemTypeCode;
      f.regionCode = measure.regionCode;
    }
    return f;
  }, [search, measure]);

  const sort = (SORTS.find((x) => x.value === search.get('sort'))?.value ?? 'OLDEST_FIRST') as OfferingSort;
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [offerings, reexecute] = useQuery({
    query: OfferingsQuery,
    variables: { filter, sort, first: 20, after },
    pause: !!measureId && !measure,
  });
  const [compare, setCompare] = useState<string[]>([]);
  const nodes = offerings.data?.offerings.nodes ?? [];
  const cards = useFragment(OfferingCardFragment, nodes);
  const compared = cards.filter((c) => compare.includes(c.id));

  const toggleCompare = (id: string) =>
    setCompare((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : cur.length >= MAX_COMPARE ? cur : [...cur, id]));

  const types = names.itemTypes.filter((it) => !filter.kind || it.kind === filter.kind);
  const regions = names.regions;

  const { onSubmit: apply, fieldError } = useFormSubmit((form, { fail }) => {
    const next = new URLSearchParams();
    if (measureId) next.set('measure', measureId);
    for (const key of ['kind', 'type', 'region', 'delivery', 'sort']) {
      const v = textOf(form, key);
      if (v) next.set(key, v);
    }
    const lead = textOf(form, 'maxLead');
    if (lead) {
      if (!/^\d+$/.test(lead) || Number(lead) < 1 || Number(lead) > 365) return fail(t('catalog.maxLeadInvalid'), 'maxLead');
      next.set('maxLead', lead);
    }
    const price = textOf(form, 'maxPrice');
    if (price) {
      const tiyn = parseTenge(price);
      if (tiyn == null || tiyn <= 0) return fail(t('catalog.maxPriceInvalid'), 'maxPrice');
      next.set('maxPrice', String(tiyn));
    }
    setAfter(undefined);
    navigate(`/catalog?${next.toString()}`, { replace: true });
    return { done: '', keep: true };
  });

  const resultText = offerings.fetching ? t('common.loading') : t('catalog.found', { count: nodes.length });

  return (
    <>
      <h1>{t('catalog.title')}</h1>
      {measureId && measureRes.fetching && <Loading />}
      <ErrorMessage error={measureRes.error} />
      {measure && (
        <section className="panel" aria-labelledby="measure-context">
          <h2 id="measure-context">{t('catalog.forMeasure', { name: names.itemType(measure.itemTypeCode) })}</h2>
          <p>
            {t('catalog.guaranteedSum')}: <Money tiyn={measure.guaranteedSum} />.{' '}
            {measure.daysLeftToChoose != null && t('cabinet.daysLeft', { count: measure.daysLeftToChoose })}
          </p>
          <p className="hint">{t('catalog.splitExplained')}</p>
        </section>
      )}
      {!measureId && <p className="hint">{t('catalog.intro')}</p>}

      <form className="filters" aria-labelledby="filters-title" onSubmit={apply} key={search.toString()} noValidate>
        <h2 id="filters-title">{t('catalog.filters')}</h2>
        <div className="filter-grid">
          {!measure && (
            <>
              <SelectField
                label={t('catalog.kind')}
                name="kind"
                defaultValue={search.get('kind') ?? ''}
                options={[{ value: '', label: t('catalog.any') }, ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
              />
              <SelectField
                label={t('catalog.itemType')}
                name="type"
                defaultValue={search.get('type') ?? ''}
                options={[{ value: '', label: t('catalog.any') }, ...types.map((it) => ({ value: it.code, label: localName(it, i18n.language) }))]}
              />
              <SelectField
                label={t('catalog.region')}
                name="region"
                defaultValue={search.get('region') ?? ''}
                options={[{ value: '', label: t('catalog.anyRegion') }, ...regions.map((r) => ({ value: r.code, label: localName(r, i18n.language) }))]}
              />
            </>
          )}
          <SelectField
            label={t('catalog.delivery')}
            name="delivery"
            defaultValue={search.get('delivery') ?? ''}
            options={[
              { value: '', label: t('catalog.any') },
              { value: 'DELIVERY', label: t('delivery.DELIVERY') },
              { value: 'PICKUP', label: t('delivery.PICKUP') },
            ]}
          />
          <TextField
            label={t('catalog.maxPrice')}
            name="maxPrice"
            inputMode="decimal"
            hint={t('catalog.maxPriceHint')}
            defaultValue={search.get('maxPrice') ? String(Number(search.get('maxPrice')) / 100) : ''}
            error={fieldError('maxPrice')}
          />
          <TextField label={t('catalog.maxLead')} name="maxLead" type="number" min={1} max={365} defaultValue={search.get('maxLead') ?? ''} error={fieldError('maxLead')} />
          <SelectField label={t('catalog.sort')} name="sort" defaultValue={sort} options={SORTS.map((x) => ({ value: x.value, label: t(x.label) }))} />
        </div>
        <button type="submit">{t('catalog.apply')}</button>
      </form>

      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('catalog.results')}</h2>
        <LiveStatus message={resultText} />
        <ErrorMessage error={offerings.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        {offerings.fetching && !nodes.length && <Loading />}
        {!offerings.fetching && !offerings.error && nodes.length === 0 && <Empty>{t('catalog.empty')}</Empty>}
        <p className="hint" id="compare-hint">
          {t('catalog.compareHint', { count: compare.length, max: MAX_COMPARE })}
        </p>
        <ul className="cards">
          {cards.map((o) => (
            <li key={o.id}>
              <OfferingCard
                offering={o}
                guaranteedSum={measure?.guaranteedSum}
                measureId={measure?.id}
                compared={compare.includes(o.id)}
                compareDisabled={!compare.includes(o.id) && compare.length >= MAX_COMPARE}
                onToggleCompare={() => toggleCompare(o.id)}
              />
            </li>
          ))}
        </ul>
        <ShowMore pageInfo={offerings.data?.offerings.pageInfo} shown={nodes.length} fetching={offerings.fetching} onMore={setAfter} />
      </section>

      {compared.length > 0 && <ComparePanel offerings={compared} guaranteedSum={measure?.guaranteedSum} onRemove={toggleCompare} />}
    </>
  );
}
