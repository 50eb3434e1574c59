import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { CreateOfferingMutation } from '../api/supplier.js';
import { ErrorMessage, SelectField, TextArea, TextField } from '../../../components/ui.js';
import { parseCharacteristics } from '../../../lib/characteristics.js';
import { localName } from '../../../lib/names.js';
import { parseTenge } from '../../../lib/format.js';
import type { DeliveryMode } from '../../../gql/graphql.js';

interface Props {
  itemTypes: { code: string; kind?: string; nameKk: string; nameRu: string; nameEn: string }[];
  regions: { code: string; name: string }[];
}

export function NewOfferingForm({ itemTypes, regions }: Props) {
  const { t, i18n } = useTranslation();
  const [res, create] = useMutation(CreateOfferingMutation);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [typeCode, setTypeCode] = useState(itemTypes[0]?.code ?? '');
  // Services (S1–S3) are rendered, not delivered or kept in stock.
  const kind = itemTypes.find((it) => it.code === typeCode)?.kind ?? typeCode.slice(0, 2);
  const aid = ['S4', 'S5', 'S6'].includes(kind);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const errs: Record<string, string> = {};
    const title = String(form.get('title') ?? '').trim();
    const description = String(form.get('description') ?? '').trim();
    const price = parseTenge(String(form.get('price') ?? ''));
    const stock = Number(form.get('stock'));
    const lead = Number(form.get('lead'));
    const regionCodes = form.getAll('regions').map(String);
    if (title.length < 3) errs.title = t('supplier.titleInvalid');
    if (price == null || price <= 0) errs.price = t('supplier.priceInvalid');
    if (aid && (!Number.isInteger(stock) || stock < 0)) errs.stock = t('supplier.stockInvalid');
    if (!Number.isInteger(lead) || lead < 1) errs.lead = t('supplier.leadInvalid');
    if (!regionCodes.length) errs.regions = t('supplier.regionsInvalid');
    const parsed = parseCharacteristics(String(form.get('characteristics') ?? ''), t);
    if ('badLine' in parsed) errs.characteristics = t('supplier.characteristicsInvalid', { line: parsed.badLine });
    setErrors(errs);
    setCreated(null);
    if (Object.keys(errs).length) {
      (formEl.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      return;
    }
    const r = await create({
      input: {
        itemTypeCode: String(form.get('itemType')),
        title,
        description,
        price: price!,
        deliveryMode: aid ? (String(form.get('delivery')) as DeliveryMode) : null,
        leadTimeDays: lead,
        stock: aid ? stock : null,
        regionCodes,
        characteristics: 'values' in parsed ? parsed.values : {},
      },
    });
    if (r.data) {
      setCreated(title);
      formEl.reset();
    }
  }

  return (
    <section className="panel" aria-labelledby="new-offering-title">
      <h2 id="new-offering-title">{t('supplier.newOffering')}</h2>
      <form onSubmit={submit} noValidate>
        <SelectField label={t('catalog.itemType')} name="itemType" value={typeCode} onChange={(e) => setTypeCode(e.target.value)} options={itemTypes.map((it) => ({ value: it.code, label: localName(it, i18n.language) }))} />
        <TextField label={t('supplier.offeringTitle')} name="title" error={errors.title} />
        <TextField label={t('supplier.description')} name="description" />
        <TextField label={t('supplier.priceTenge')} name="price" inputMode="decimal" error={errors.price} />
        {aid && (
          <SelectField
            label={t('catalog.delivery')}
            name="delivery"
            options={(['DELIVERY', 'PICKUP', 'BOTH'] as const).map((d) => ({ value: d, label: t(`delivery.${d}`) }))}
          />
        )}
        <TextField label={t('catalog.leadTime')} name="lead" type="number" min={1} defaultValue="5" error={errors.lead} />
        {aid && <TextField label={t('catalog.stock')} name="stock" type="number" min={0} defaultValue="1" error={errors.stock} />}
        <TextArea label={t('supplier.characteristics')} name="characteristics" rows={3} hint={t('supplier.characteristicsHint')} error={errors.characteristics} />
        <fieldset aria-invalid={errors.regions ? true : undefined}>
          <legend>{t('supplier.regions')}</legend>
          {regions.map((r) => (
            <label key={r.code} className="checkbox">
              <input type="checkbox" name="regions" value={r.code} defaultChecked />
              {r.name}
            </label>
          ))}
          {errors.regions && <p className="field-error">{errors.regions}</p>}
        </fieldset>
        <ErrorMessage error={res.error} />
        <button type="submit" disabled={res.fetching}>
          {t('supplier.publish')}
        </button>
        <p role="status" className="success">
          {created ? t('supplier.published', { title: created }) : ''}
        </p>
      </form>
    </section>
  );
}
