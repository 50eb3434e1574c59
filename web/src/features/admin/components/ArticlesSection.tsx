import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AdminArticlesQuery, DeleteArticleMutation, SaveArticleMutation } from '../api/content.js';
import { DateText, Empty, ErrorMessage, SelectField, ShowMore, SuccessStatus, TextField } from '../../../components/ui.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { DataTable } from '../../../components/DataTable.js';
import { LanguageFields, WithdrawButton, texts } from './content-fields.js';

/** Instructions in text and video, and news of the portal's new features (seeds 003 ¶14), in kk/ru/en. */
export function ArticlesSection() {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res, refetch] = useQuery({ query: AdminArticlesQuery, variables: { after }, requestPolicy: 'cache-and-network' });
  const [saveRes, save] = useMutation(SaveArticleMutation);
  const [deleteRes, remove] = useMutation(DeleteArticleMutation);
  const articles = res.data?.portalArticles.nodes ?? [];
  const reload = () => {
    setAfter(undefined);
    refetch({ requestPolicy: 'network-only' });
  };
  const { onSubmit: submit, error, done, setDone } = useFormSubmit(async (data, { fail }) => {
    const kind = textOf(data, 'kind') === 'NEWS' ? ('NEWS' as const) : ('INSTRUCTION' as const);
    const title = texts(data, 'article-title');
    const body = texts(data, 'article-body');
    const videoUrl = textOf(data, 'videoUrl');
    if (!Object.keys(title).length || !Object.keys(body).length) return fail(t('content.articleRequired'));
    if (videoUrl && (kind !== 'INSTRUCTION' || !/^https:\/\/\S+$/.test(videoUrl))) return fail(t('content.videoInvalid'), 'videoUrl');
    const r = await save({ input: { kind, title, body, published: true, ...(videoUrl ? { videoUrl } : {}) } });
    if (r.error) return;
    reload();
    return { done: t('content.articlePublished') };
  });
  return (
    <section aria-labelledby="articles-title">
      <h2 id="articles-title">{t('content.articles')}</h2>
      <SuccessStatus text={done} />
      <ErrorMessage error={res.error ?? deleteRes.error} />
      {res.data && articles.length === 0 && <Empty>{t('content.noArticles')}</Empty>}
      {articles.length > 0 && (
        <DataTable
          caption={t('content.articles')}
          rows={articles}
          rowKey={(a) => a.id}
          columns={[
            { header: t('content.articleKind'), cell: (a) => t(`content.articleKinds.${a.kind}`) },
            { header: t('content.articleTitle'), cell: (a) => <span lang={a.title.language.toLowerCase()}>{a.title.text}</span> },
            { header: t('content.published'), cell: (a) => (a.publishedAt ? <DateText value={a.publishedAt} /> : '—') },
            {
              header: t('cabinet.action'),
              cell: (a) => (
                <WithdrawButton
                  busy={deleteRes.fetching}
                  onWithdraw={async () => {
                    if (!(await remove({ id: a.id })).error) {
                      setDone(t('content.articleWithdrawn'));
                      reload();
                    }
                  }}
                />
              ),
            },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.portalArticles.pageInfo} shown={articles.length} fetching={res.fetching} onMore={setAfter} />
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="new-article-title">
        <h3 id="new-article-title">{t('content.newArticle')}</h3>
        <SelectField label={t('content.articleKind')} name="kind" options={['INSTRUCTION', 'NEWS'].map((k) => ({ value: k, label: t(`content.articleKinds.${k}`) }))} />
        <LanguageFields prefix="article-title" label={t('content.articleTitle')} required />
        <LanguageFields prefix="article-body" label={t('content.articleBody')} area />
        <TextField label={t('content.videoUrl')} name="videoUrl" type="url" inputMode="url" hint={t('content.videoHint')} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ErrorMessage error={saveRes.error} />
        <button type="submit" disabled={saveRes.fetching}>
          {t('content.publishArticle')}
        </button>
      </form>
    </section>
  );
}
