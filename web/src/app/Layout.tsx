import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate, useLocation } from '../lib/router.js';
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
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // A new page closes the menu.
  useEffect(() => setMenuOpen(false), [path]);
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
        <div className="header-bar">
          <div className="brand">
            <Link href="/">{t('app.name')}</Link>
            <span className="tagline">{t('app.tagline')}</span>
          </div>
          {/* Actions that stay in sight on a phone (a notification bell belongs here too). */}
          <div className="header-actions">
            {session && <NotificationBell />}
            {!session && (
              <Link className="button" href="/sign-in">
                {t('nav.signIn')}
              </Link>
            )}
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="site-menu"
              onClick={() => setMenuOpen((open) => !open)}
              ref={menuButton}
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
                <path d={menuOpen ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" fill="none" />
              </svg>
              <span>{t('nav.menu')}</span>
            </button>
          </div>
        </div>
        {/* On a phone the menu opens from the button above; on wider screens it is always shown. */}
        <div
          id="site-menu"
          className="site-menu"
          data-open={menuOpen}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && menuOpen) {
              setMenuOpen(false);
              menuButton.current?.focus();
            }
          }}
        >
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
            <select id="lang-select" value={i18n.language} onChange={(e) => changeLanguage(e.target.value as Lang).catch(() => undefined /* offline: the page stays in its language */)}>
              {LANGS.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANG_NAMES[l]}
                </option>
              ))}
            </select>
            {session && (
              <>
                <span className="user">{session.displayName}</span>
                <button type="button" onClick={signOut}>
                  {t('nav.signOut')}
                </button>
              </>
            )}
          </div>
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
