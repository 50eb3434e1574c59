import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { UpdateOfferingMutation } from '../api/supplier.js';
import { ErrorMessage, Money, TextArea, TextField } from '../../../components/ui.js';
import { characteristicsText, parseCharacteristics } from '../../../lib/characteristics.js';
import { parseTenge } from '../../../lib/format.js';
import type { SupplierOfferingFragment } from '../../../gql/graphql.js';

export function OfferingRow({ offering: o, typeName }: { offering: SupplierOfferingFragment; typeName: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [res, update] = useMutation(UpdateOfferingMutation);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const price = parseTenge(String(form.get('price') ?? ''));
    // Services have no stock (null): only aids send it.
    const stock = o.stock == null ? null : Number(form.get('stock'));
    const lead = Number(form.get('lead'));
    if (price == null || price <= 0) return setError(t('supplier.priceInvalid'));
    if (stock != null && (!Number.isInteger(stock) || stock < 0)) return setError(t('supplier.stockInvalid'));
    if (!Number.isInteger(lead) || lead < 1) return setError(t('supplier.leadInvalid'));
    const title = String(form.get('title') ?? '').trim();
    if (title.length < 3) return setError(t('supplier.titleInvalid'));
    const parsed = parseCharacteristics(String(form.get('characteristics') ?? ''), t);
    if ('badLine' in parsed) return setError(t('supplier.characteristicsInvalid', { line: parsed.badLine }));
    setError(null);
    const r = await update({ id: o.id, input: { title, price, stock, leadTimeDays: lead, active: form.get('active') === 'on', characteristics: parsed.values } });
    if (!r.error) setEditing(false);
  }

  if (!editing) {
    return (
      <tr>
        <th scope="row">
          {o.title}
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
            <span className="visually-hidden">: {o.title}</span>
          </button>
        </td>
      </tr>
    );
  }
  const formId = `edit-${o.id}`;
  return (
    <tr>
      <th scope="row">
        <TextField label={t('supplier.offeringTitle')} name="title" form={formId} defaultValue={o.title} />
        <TextArea label={t('supplier.characteristics')} name="characteristics" form={formId} rows={3} hint={t('supplier.characteristicsHint')} defaultValue={characteristicsText(o.characteristics, t)} />
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-price`}>
          {t('supplier.priceTenge')}
        </label>
        <input id={`${formId}-price`} form={formId} name="price" inputMode="decimal" defaultValue={String(o.price / 100)} size={10} autoFocus />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-stock`}>
          {t('catalog.stock')}
        </label>
        {o.stock == null ? '—' : <input id={`${formId}-stock`} form={formId} name="stock" type="number" min={0} defaultValue={o.stock} size={5} />}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-lead`}>
          {t('catalog.leadTime')}
        </label>
        <input id={`${formId}-lead`} form={formId} name="lead" type="number" min={1} defaultValue={o.leadTimeDays} size={4} />
      </td>
      <td>
        <label className="checkbox">
          <input form={formId} name="active" type="checkbox" defaultChecked={o.active} />
          <span className="visually-hidden">{t('supplier.active')}</span>
        </label>
      </td>
      <td>
        <form id={formId} onSubmit={save}>
          <button type="submit" disabled={res.fetching}>
            {t('common.save')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </form>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ErrorMessage error={res.error} />
      </td>
    </tr>
  );
}
