import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { UpdateOfferingMutation } from '../api/supplier.js';
import { ErrorMessage, Money, TextArea } from '../../../components/ui.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { useOfferingText } from '../../../lib/localized.js';
import { OfferingTextFields, readTexts } from './OfferingTexts.js';
import { characteristicsText, parseCharacteristics } from '../../../lib/characteristics.js';
import { parseTenge } from '../../../lib/format.js';
import type { SupplierOfferingFragment } from '../../../gql/graphql.js';

export function OfferingRow({ offering: o, typeName }: { offering: SupplierOfferingFragment; typeName: string }) {
  const { t } = useTranslation();
  const text = useOfferingText();
  const [editing, setEditing] = useState(false);
  const [res, update] = useMutation(UpdateOfferingMutation);

  const { onSubmit: save, fieldError, formError } = useFormSubmit(async (form, { fail, refused }) => {
    const texts = readTexts(form, t, fail);
    if (!texts) return;
    const price = parseTenge(textOf(form, 'price'));
    // Services have no stock (null): only aids send it.
    const stock = o.stock == null ? null : Number(form.get('stock'));
    const lead = Number(form.get('lead'));
    if (price == null || price <= 0) return fail(t('supplier.priceInvalid'), 'price');
    if (stock != null && (!Number.isInteger(stock) || stock < 0)) return fail(t('supplier.stockInvalid'), 'stock');
    if (!Number.isInteger(lead) || lead < 1) return fail(t('supplier.leadInvalid'), 'lead');
    const parsed = parseCharacteristics(textOf(form, 'characteristics'), t);
    if ('badLine' in parsed) return fail(t('supplier.characteristicsInvalid', { line: parsed.badLine }), 'characteristics');
    // An empty English text removes it.
    const r = await update({ id: o.id, input: { ...texts, price, stock, leadTimeDays: lead, active: form.get('active') === 'on', characteristics: parsed.values } });
    if (r.error) return refused(r.error, t('supplier.texts.refused'));
    setEditing(false);
  });

  if (!editing) {
    return (
      <tr>
        <th scope="row">
          {text.title(o)}
          <br />
          <span className="hint">{typeName}</span>
          {Object.keys(o.characteristics ?? {}).length > 0 && <span className="cell-note characteristics">{characteristicsText(o.characteristics, t)}</span>}
        </th>
        <td data-label={t('catalog.price')}>
          <Money tiyn={o.price} />
        </td>
        <td data-label={t('catalog.stock')}>{o.stock ?? '—'}</td>
        <td data-label={t('catalog.leadTime')}>{t('common.days', { count: o.leadTimeDays })}</td>
        <td data-label={t('supplier.active')}>{o.active ? t('common.yes') : t('common.no')}</td>
        <td>
          <button type="button" onClick={() => setEditing(true)}>
            {t('common.edit')}
            <span className="visually-hidden">: {text.title(o)}</span>
          </button>
        </td>
      </tr>
    );
  }
  const formId = `edit-${o.id}`;
  return (
    <tr>
      <th scope="row">
        <OfferingTextFields offering={o} form={formId} fieldError={fieldError} />
        <TextArea label={t('supplier.characteristics')} name="characteristics" form={formId} rows={3} hint={t('supplier.characteristicsHint')} defaultValue={characteristicsText(o.characteristics, t)} error={fieldError('characteristics')} />
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-price`}>
          {t('supplier.priceTenge')}
        </label>
        <input id={`${formId}-price`} form={formId} name="price" inputMode="decimal" defaultValue={String(o.price / 100)} size={10} autoFocus aria-invalid={fieldError('price') ? true : undefined} aria-describedby={fieldError('price') ? `${formId}-error` : undefined} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-stock`}>
          {t('catalog.stock')}
        </label>
        {o.stock == null ? '—' : <input id={`${formId}-stock`} form={formId} name="stock" type="number" min={0} defaultValue={o.stock} size={5} aria-invalid={fieldError('stock') ? true : undefined} aria-describedby={fieldError('stock') ? `${formId}-error` : undefined} />}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-lead`}>
          {t('catalog.leadTime')}
        </label>
        <input id={`${formId}-lead`} form={formId} name="lead" type="number" min={1} defaultValue={o.leadTimeDays} size={4} aria-invalid={fieldError('lead') ? true : undefined} aria-describedby={fieldError('lead') ? `${formId}-error` : undefined} />
      </td>
      <td>
        <label className="checkbox">
          <input form={formId} name="active" type="checkbox" defaultChecked={o.active} />
          <span className="visually-hidden">{t('supplier.active')}</span>
        </label>
      </td>
      <td>
        <form id={formId} onSubmit={save} noValidate>
          <button type="submit" disabled={res.fetching}>
            {t('common.save')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </form>
        {/* The price, stock and lead-time inputs have no room for a message of their own: it stands here, tied to them. */}
        {(['price', 'stock', 'lead'] as const).some((f) => fieldError(f)) && (
          <p className="field-error" id={`${formId}-error`} role="alert">
            {fieldError('price') ?? fieldError('stock') ?? fieldError('lead')}
          </p>
        )}
        {formError && (
          <p className="field-error" role="alert">
            {formError}
          </p>
        )}
        <ErrorMessage error={res.error} />
      </td>
    </tr>
  );
}
