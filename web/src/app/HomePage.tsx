import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { homeFor } from '../lib/feature.js';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <ul className="home-actions">
        <li>
          {session ? (
            <Link className="button" href={homeFor(session.claims.role)}>
              {t('home.toWork')}
            </Link>
          ) : (
            <Link className="button" href="/sign-in">
              {t('nav.signIn')}
            </Link>
          )}
        </li>
        <li>
          <Link className="button secondary" href="/catalog">
            {t('home.browse')}
          </Link>
        </li>
        <li>
          <Link className="button secondary" href="/supplier-registration">
            {t('home.becomeSupplier')}
          </Link>
        </li>
      </ul>
      <section aria-labelledby="how-title">
        <h2 id="how-title">{t('home.howTitle')}</h2>
        <ol>
          <li>{t('home.how1')}</li>
          <li>{t('home.how2')}</li>
          <li>{t('home.how3')}</li>
          <li>{t('home.how4')}</li>
        </ol>
      </section>
    </>
  );
}
