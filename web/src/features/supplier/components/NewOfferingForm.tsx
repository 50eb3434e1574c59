import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { CreateOfferingMutation } from '../api/supplier.js';
import { ErrorMessage, SelectField, SuccessStatus, TextArea, TextField } from '../../../components/ui.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { pickLanguage } from '../../../lib/localized.js';
import { OfferingTextFields, readTexts } from './OfferingTexts.js';
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
  const [typeCode, setTypeCode] = useState(itemTypes[0]?.code ?? '');
  // Services (S1–S3) are rendered, not delivered or kept in stock.
  const kind = itemTypes.find((it) => it.code === typeCode)?.kind ?? typeCode.slice(0, 2);
  const aid = ['S4', 'S5', 'S6'].includes(kind);

  const { onSubmit, fieldError, done } = useFormSubmit(async (form, { fail, refused }) => {
    const texts = readTexts(form, t, fail);
    if (!texts) return;
    const price = parseTenge(textOf(form, 'price'));
    const stock = Number(form.get('stock'));
    const lead = Number(form.get('lead'));
    const regionCodes = form.getAll('regions').map(String);
    if (price == null || price <= 0) return fail(t('supplier.priceInvalid'), 'price');
    if (!Number.isInteger(lead) || lead < 1) return fail(t('supplier.leadInvalid'), 'lead');
    if (aid && (!Number.isInteger(stock) || stock < 0)) return fail(t('supplier.stockInvalid'), 'stock');
    const parsed = parseCharacteristics(textOf(form, 'characteristics'), t);
    if ('badLine' in parsed) return fail(t('supplier.characteristicsInvalid', { line: parsed.badLine }), 'characteristics');
    if (!regionCodes.length) return fail(t('supplier.regionsInvalid'), 'regions');
    const r = await create({
      input: {
        itemTypeCode: String(form.get('itemType')),
        ...texts,
        titleEn: texts.titleEn || null,
        descriptionEn: texts.descriptionEn || null,
        price,
        deliveryMode: aid ? (String(form.get('delivery')) as DeliveryMode) : null,
        leadTimeDays: lead,
        stock: aid ? stock : null,
        regionCodes,
        characteristics: parsed.values,
      },
    });
    if (r.error) return refused(r.error, t('supplier.texts.refused'));
    return { done: t('supplier.published', { title: pickLanguage(i18n.language, { kk: texts.titleKk, ru: texts.title, en: texts.titleEn }).text }) };
  });

  return (
    <section className="panel" aria-labelledby="new-offering-title">
      <h2 id="new-offering-title">{t('supplier.newOffering')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <SelectField label={t('catalog.itemType')} name="itemType" value={typeCode} onChange={(e) => setTypeCode(e.target.value)} options={itemTypes.map((it) => ({ value: it.code, label: localName(it, i18n.language) }))} />
        <OfferingTextFields fieldError={fieldError} />
        <TextField label={t('supplier.priceTenge')} name="price" inputMode="decimal" error={fieldError('price')} />
        {aid && (
          <SelectField
            label={t('catalog.delivery')}
            name="delivery"
            options={(['DELIVERY', 'PICKUP', 'BOTH'] as const).map((d) => ({ value: d, label: t(`delivery.${d}`) }))}
          />
        )}
        <TextField label={t('catalog.leadTime')} name="lead" type="number" min={1} defaultValue="5" error={fieldError('lead')} />
        {aid && <TextField label={t('catalog.stock')} name="stock" type="number" min={0} defaultValue="1" error={fieldError('stock')} />}
        <TextArea label={t('supplier.characteristics')} name="characteristics" rows={3} hint={t('supplier.characteristicsHint')} error={fieldError('characteristics')} />
        <fieldset aria-describedby={fieldError('regions') ? 'new-offering-regions-error' : undefined}>
          <legend>{t('supplier.regions')}</legend>
          {regions.map((r) => (
            <label key={r.code} className="checkbox">
              <input type="checkbox" name="regions" value={r.code} defaultChecked aria-invalid={fieldError('regions') ? true : undefined} />
              {r.name}
            </label>
          ))}
          {fieldError('regions') && (
            <p className="field-error" id="new-offering-regions-error">
              {fieldError('regions')}
            </p>
          )}
        </fieldset>
        <ErrorMessage error={res.error} />
        <button type="submit" disabled={res.fetching}>
          {t('supplier.publish')}
        </button>
        <SuccessStatus text={done} />
      </form>
    </section>
  );
}
