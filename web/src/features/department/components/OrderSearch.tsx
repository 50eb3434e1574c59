import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { OrderSearchQuery } from '../api/console.js';
import { DateText, Empty, ErrorMessage, Loading, Money, ShowMore, StatusBadge, TextField } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { errorField } from '../../../lib/errors.js';
import { useOfferingText } from '../../../lib/localized.js';

/** Find an order as the contact centre reads it out: its number (or the last digits), the recipient's IIN or the supplier's BIN. */
export function OrderSearch() {
  const { t } = useTranslation();
  const text = useOfferingText();
  const [search, setSearch] = useState('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res] = useQuery({ query: OrderSearchQuery, variables: { search, after }, pause: !search });
  const found = res.data?.orders.nodes ?? [];

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setAfter(undefined);
    setSearch(String(new FormData(e.currentTarget).get('search') ?? '').replace(/\s/g, ''));
  }

  return (
    <section aria-labelledby="order-search-title">
      <h2 id="order-search-title">{t('department.searchTitle')}</h2>
      <form role="search" onSubmit={submit} className="inline-form">
        <TextField label={t('department.searchLabel')} name="search" hint={t('department.searchHint')} maxLength={64} error={errorField(res.error) === 'search' ? t('department.searchInvalid') : null} />
        <button type="submit">{t('department.searchButton')}</button>
      </form>
      {errorField(res.error) !== 'search' && <ErrorMessage error={res.error} />}
      {res.fetching && !found.length && <Loading />}
      {search && !res.fetching && !res.error && found.length === 0 && <Empty>{t('department.searchNothing')}</Empty>}
      {found.length > 0 && (
        <DataTable
          caption={t('department.searchResults')}
          rows={found}
          rowKey={(o) => o.id}
          columns={[
            { header: t('orders.numberCol'), cell: (o) => o.number },
            { header: t('department.person'), cell: (o) => o.recipient.fullName },
            { header: t('catalog.supplier'), cell: (o) => `${o.offering.supplier.name}: ${text.title(o.offering)}` },
            { header: t('catalog.price'), cell: (o) => <Money tiyn={o.price} /> },
            { header: t('cabinet.status'), cell: (o) => <StatusBadge kind="order" status={o.status} /> },
            { header: t('orders.created'), cell: (o) => <DateText value={o.createdAt} /> },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.orders.pageInfo} shown={found.length} fetching={res.fetching} onMore={setAfter} />
    </section>
  );
}
