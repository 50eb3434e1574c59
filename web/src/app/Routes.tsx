import { Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { match, useFocusOnNavigate, useLocation, Link } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import type { FeatureRoute } from '../lib/feature.js';
import { Loading } from '../components/ui.js';
import { PageShown } from '../lib/first-paint.js';
import { HomePage } from './HomePage.js';
import { ROUTES } from './features.js';

const HOME: FeatureRoute = { path: '/', title: 'home.title', page: HomePage as ComponentType };

export function Routes() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const session = useSession();
  useFocusOnNavigate(path);

  const found = [HOME, ...ROUTES].find((route) => match(route.path, path));
  const title = found ? t(found.title) : t('notFound.title');
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);

  if (!found) {
    return (
      <>
        <h1>{t('notFound.title')}</h1>
        <p>
          <Link href="/">{t('notFound.home')}</Link>
        </p>
        <PageShown />
      </>
    );
  }
  if (found.roles && (!session || !found.roles.includes(session.claims.role))) {
    return (
      <>
        <h1>{title}</h1>
        <p>{session ? t('auth.wrongRole') : t('auth.required')}</p>
        {!session && (
          <p>
            <Link className="button" href="/sign-in">
              {t('nav.signIn')}
            </Link>
          </p>
        )}
        <PageShown />
      </>
    );
  }
  const Page = found.page;
  return (
    <Suspense fallback={<Loading />}>
      <Page />
      <PageShown />
    </Suspense>
  );
}
