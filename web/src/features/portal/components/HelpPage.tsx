import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { HelpQuery } from '../api/portal.js';
import { Empty, ErrorMessage, Loading, ShowMore } from '../../../components/ui.js';
import { serverLanguage } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { PERSON } from '../../../lib/feature.js';
import { Link } from '../../../lib/router.js';
import { Articles } from './Articles.js';

/** A text the server had only in another language: marked with its language so screen readers pronounce it right. */
function Localized({ value }: { value: { text: string; language: string; fallback: boolean } }) {
  return <span lang={value.fallback ? value.language.toLowerCase() : undefined}>{value.text}</span>;
}

/** Help: the contact center's phone and hours, the FAQ, instructions and news, in the reader's language with a fallback. */
export function HelpPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res, refetch] = useQuery({ query: HelpQuery, variables: { language: serverLanguage(i18n.language), after } });
  const faq = res.data?.faqEntries.nodes ?? [];
  const contact = res.data?.contactCenter;
  const person = !!session && PERSON.includes(session.claims.role);
  return (
    <>
      <h1>{t('portal.helpTitle')}</h1>
      <ErrorMessage error={res.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !res.data && <Loading />}
      {res.data && (
        <>
          <section aria-labelledby="contact-title" className="panel">
            <h2 id="contact-title">{t('portal.contactCenter')}</h2>
            {contact ? (
              <dl className="facts">
                <dt>{t('portal.phone')}</dt>
                <dd>
                  <a className="tap" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
                </dd>
                {contact.hours && (
                  <>
                    <dt>{t('portal.hours')}</dt>
                    <dd>
                      <Localized value={contact.hours} />
                    </dd>
                  </>
                )}
              </dl>
            ) : (
              <p>{t('portal.noContact')}</p>
            )}
            {person && (
              <p>
                <Link href="/support">{t('portal.toSupport')}</Link>
              </p>
            )}
          </section>
          <section aria-labelledby="faq-title">
            <h2 id="faq-title">{t('portal.faq')}</h2>
            {faq.length === 0 ? (
              <Empty>{t('portal.noFaq')}</Empty>
            ) : (
              <div className="faq">
                {faq.map((f) => (
                  <details key={f.id}>
                    <summary>
                      <Localized value={f.question} />
                    </summary>
                    <p>
                      <Localized value={f.answer} />
                    </p>
                  </details>
                ))}
              </div>
            )}
            <ShowMore pageInfo={res.data.faqEntries?.pageInfo} shown={faq.length} fetching={res.fetching} onMore={setAfter} />
          </section>
          <Articles kind="INSTRUCTION" />
          <Articles kind="NEWS" />
        </>
      )}
    </>
  );
}
