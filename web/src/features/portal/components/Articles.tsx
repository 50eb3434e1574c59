import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ArticlesQuery } from '../api/portal.js';
import { DateText, Empty, ErrorMessage, ShowMore } from '../../../components/ui.js';
import { serverLanguage } from '../../../lib/format.js';

type Text = { text: string; language: string; fallback: boolean };
const Localized = ({ value }: { value: Text }) => <span lang={value.fallback ? value.language.toLowerCase() : undefined}>{value.text}</span>;

/** Instructions (text and video) or news of the portal's new features (seeds 003 ¶14). */
export function Articles({ kind }: { kind: 'INSTRUCTION' | 'NEWS' }) {
  const { t, i18n } = useTranslation();
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res] = useQuery({ query: ArticlesQuery, variables: { language: serverLanguage(i18n.language), kind, after } });
  const articles = res.data?.portalArticles.nodes ?? [];
  const id = kind === 'INSTRUCTION' ? 'instructions-title' : 'news-title';
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(kind === 'INSTRUCTION' ? 'portal.instructions' : 'portal.news')}</h2>
      <ErrorMessage error={res.error} />
      {res.data && articles.length === 0 && <Empty>{t(kind === 'INSTRUCTION' ? 'portal.noInstructions' : 'portal.noNews')}</Empty>}
      <div className="faq">
        {articles.map((a) => (
          <details key={a.id}>
            <summary>
              <Localized value={a.title} />
              {a.kind === 'NEWS' && a.publishedAt && (
                <>
                  {' · '}
                  <DateText value={a.publishedAt} />
                </>
              )}
            </summary>
            <p>
              <Localized value={a.body} />
            </p>
            {a.videoUrl && (
              <p>
                <a className="tap" href={a.videoUrl} target="_blank" rel="noopener noreferrer">
                  {t('portal.video')}
                </a>
              </p>
            )}
          </details>
        ))}
      </div>
      <ShowMore pageInfo={res.data?.portalArticles.pageInfo} shown={articles.length} fetching={res.fetching} onMore={setAfter} />
    </section>
  );
}
