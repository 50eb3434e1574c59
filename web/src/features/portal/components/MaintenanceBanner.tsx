import { useEffect } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ActiveNoticesQuery } from '../api/portal.js';
import { DateText } from '../../../components/ui.js';
import { serverLanguage } from '../../../lib/format.js';

/** How often the banner asks again: a window opens or closes without a reload. */
export const BANNER_REFRESH_MS = 60_000;

/**
 * Planned maintenance: shown on every page while a notice's window is open (the server decides by its
 * clock, so a wrong clock on the reader's computer cannot show or hide it). Not a live region: it is
 * there when the page opens, and a landmark lets screen-reader users find it.
 */
export function MaintenanceBanner() {
  const { t, i18n } = useTranslation();
  const language = serverLanguage(i18n.language);
  const [res, refetch] = useQuery({ query: ActiveNoticesQuery, variables: { language }, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), BANNER_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const notices = res.data?.activeMaintenanceNotices.nodes ?? [];
  if (!notices.length) return null;
  return (
    <aside className="maintenance-banner" aria-label={t(notices.some((n) => n.kind === 'FAILURE') ? 'portal.notices' : 'portal.maintenance')}>
      <ul>
        {notices.map((n) => (
          <li key={n.id}>
            <p>
              <strong>{t(n.kind === 'FAILURE' ? 'portal.failure' : 'portal.maintenance')}:</strong> <span lang={n.text.language.toLowerCase()}>{n.text.text}</span>
            </p>
            {/* 003 ¶14: a failure is announced with the planned time of its fix; works with their window. */}
            <p className="banner-window">
              {n.kind === 'FAILURE' ? (
                <>
                  {t('portal.fixPlanned')} <DateText value={n.endsAt} time />
                </>
              ) : (
                <>
                  {t('portal.window')} <DateText value={n.startsAt} time /> – <DateText value={n.endsAt} time />
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
