import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { match, useFocusOnNavigate, useLocation, Link } from '../lib/router.js';
import { useSession, type SessionClaims } from '../lib/session.js';
import { HomePage } from './HomePage.js';
import { SignInPage } from '../features/auth/components/SignInPage.js';
import { CatalogPage } from '../features/catalog/components/CatalogPage.js';
import { CabinetPage } from '../features/cabinet/components/CabinetPage.js';
import { MyOrdersPage } from '../features/orders/components/MyOrdersPage.js';
import { NewOrderPage } from '../features/orders/components/NewOrderPage.js';
import { SupplierPage } from '../features/supplier/components/SupplierPage.js';
import { IncomingOrdersPage } from '../features/supplier/components/IncomingOrdersPage.js';
import { JournalsPage } from '../features/supplier/components/JournalsPage.js';
import { DepartmentPage } from '../features/department/components/DepartmentPage.js';
import { HelpPage } from '../features/portal/components/HelpPage.js';
import { RegistrationPage } from '../features/onboarding/components/RegistrationPage.js';
import { SupportPage } from '../features/support/components/SupportPage.js';
import { AdminPage } from '../features/admin/components/AdminPage.js';
import { ContentPage } from '../features/admin/components/ContentPage.js';

type Role = SessionClaims['role'];
const PERSON: Role[] = ['RECIPIENT', 'REPRESENTATIVE'];

interface RouteDef {
  pattern: string;
  title: string;
  roles?: Role[];
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: RouteDef[] = [
  { pattern: '/', title: 'home.title', render: () => <HomePage /> },
  { pattern: '/sign-in', title: 'auth.title', render: () => <SignInPage /> },
  { pattern: '/catalog', title: 'catalog.title', render: () => <CatalogPage /> },
  { pattern: '/cabinet', title: 'cabinet.title', roles: PERSON, render: () => <CabinetPage /> },
  { pattern: '/orders', title: 'orders.title', roles: PERSON, render: () => <MyOrdersPage /> },
  { pattern: '/orders/new', title: 'orders.newTitle', roles: PERSON, render: () => <NewOrderPage /> },
  { pattern: '/supplier', title: 'supplier.title', roles: ['SUPPLIER'], render: () => <SupplierPage /> },
  { pattern: '/supplier/orders', title: 'supplier.ordersTitle', roles: ['SUPPLIER'], render: () => <IncomingOrdersPage /> },
  { pattern: '/supplier/journals', title: 'journals.title', roles: ['SUPPLIER'], render: () => <JournalsPage /> },
  { pattern: '/department', title: 'department.title', roles: ['EMPLOYMENT_DEPARTMENT', 'ADMIN'], render: () => <DepartmentPage /> },
  { pattern: '/help', title: 'portal.helpTitle', render: () => <HelpPage /> },
  { pattern: '/support', title: 'support.title', roles: PERSON, render: () => <SupportPage /> },
  { pattern: '/supplier-registration', title: 'onboarding.title', roles: [...PERSON, 'SUPPLIER'], render: () => <RegistrationPage /> },
  { pattern: '/admin', title: 'admin.title', roles: ['ADMIN'], render: () => <AdminPage /> },
  { pattern: '/admin/content', title: 'content.title', roles: ['ADMIN'], render: () => <ContentPage /> },
];

export function Routes() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const session = useSession();
  useFocusOnNavigate(path);

  let found: { route: RouteDef; params: Record<string, string> } | null = null;
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) {
      found = { route, params };
      break;
    }
  }
  const title = found ? t(found.route.title) : t('notFound.title');
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
      </>
    );
  }
  if (found.route.roles && (!session || !found.route.roles.includes(session.claims.role))) {
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
      </>
    );
  }
  return <>{found.route.render(found.params)}</>;
}
