import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../lib/router.js';
import { setSession, useSession } from '../lib/session.js';
import { changeLanguage } from '../lib/i18n.js';
import { LANGS, type Lang } from '../lib/format.js';
import { resetSubscriptions } from '../lib/urql.js';
import { ContactLine, MaintenanceBanner } from '../features/portal/index.js';
import { NotificationBell } from '../features/notifications/index.js';
import { ROUTES } from './features.js';

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
            {ROUTES.filter((r) => r.nav && (!r.roles || (role && r.roles.includes(role)))).map((r) => (
              <li key={r.path}>
                <Link href={r.path}>{t(r.nav!)}</Link>
              </li>
            ))}
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
              <NotificationBell />
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
