import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../lib/router.js';
import { setSession, useSession } from '../lib/session.js';
import { changeLanguage } from '../lib/i18n.js';
import { LANGS, type Lang } from '../lib/format.js';
import { resetSubscriptions } from '../lib/urql.js';
import { MaintenanceBanner } from '../features/portal/components/MaintenanceBanner.js';
import { ContactLine } from '../features/portal/components/ContactLine.js';

const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const role = session?.claims.role;
  const signOut = () => {
    setSession(null);
    resetSubscriptions();
    navigate('/');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link href="/">{t('app.name')}</Link>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <Link href="/catalog">{t('nav.catalog')}</Link>
            </li>
            {(role === 'RECIPIENT' || role === 'REPRESENTATIVE') && (
              <>
                <li>
                  <Link href="/cabinet">{t('nav.cabinet')}</Link>
                </li>
                <li>
                  <Link href="/orders">{t('nav.orders')}</Link>
                </li>
                <li>
                  <Link href="/support">{t('nav.support')}</Link>
                </li>
              </>
            )}
            {role === 'SUPPLIER' && (
              <>
                <li>
                  <Link href="/supplier">{t('nav.organization')}</Link>
                </li>
                <li>
                  <Link href="/supplier/orders">{t('nav.incoming')}</Link>
                </li>
                <li>
                  <Link href="/supplier/journals">{t('nav.journals')}</Link>
                </li>
              </>
            )}
            {(role === 'EMPLOYMENT_DEPARTMENT' || role === 'ADMIN') && (
              <li>
                <Link href="/department">{t('nav.department')}</Link>
              </li>
            )}
            {role === 'ADMIN' && (
              <>
                <li>
                  <Link href="/admin">{t('nav.admin')}</Link>
                </li>
                <li>
                  <Link href="/admin/content">{t('nav.content')}</Link>
                </li>
              </>
            )}
            <li>
              <Link href="/help">{t('nav.help')}</Link>
            </li>
          </ul>
        </nav>
        <div className="header-tools">
          <label htmlFor="lang-select" className="lang-label">
            {t('app.language')}
          </label>
          <select id="lang-select" value={i18n.language} onChange={(e) => changeLanguage(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
          {session ? (
            <>
              <span className="user">{session.displayName}</span>
              <button type="button" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link className="button" href="/sign-in">
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      </header>
      <MaintenanceBanner />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <ContactLine />
      </footer>
    </>
  );
}
