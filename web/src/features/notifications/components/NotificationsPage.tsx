import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DateText, Empty, ErrorMessage, Loading, ShowMore, useCursors } from '../../../components/ui.js';
import { onReconnect } from '../../../lib/urql.js';
import { MarkReadMutation, NotificationsQuery } from '../api/notifications.js';
import { useSession } from '../../../lib/session.js';
import { StaffEmailSettings } from './StaffEmailSettings.js';

/** The notification centre: what the portal told the caller, when, and by which channels; new ones appear live. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { cursors, more } = useCursors<'after'>();
  const [res, refetch] = useQuery({ query: NotificationsQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const [marking, mark] = useMutation(MarkReadMutation);
  // New notifications refresh the list through the bell's subscription; after a dropped socket, ask again.
  useEffect(() => onReconnect(() => refetch({ requestPolicy: 'network-only' })), [refetch]);
  const session = useSession();
  const staff = session?.claims.role === 'SUPPLIER' || session?.claims.role === 'EMPLOYMENT_DEPARTMENT';
  const page = res.data?.notifications;
  const unread = page?.nodes.some((n) => !n.readAt) ?? false;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <ErrorMessage error={res.error ?? marking.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {res.fetching && !res.data && <Loading />}
      {page && page.nodes.length === 0 && <Empty>{t('notifications.none')}</Empty>}
      {unread && (
        <button type="button" disabled={marking.fetching} onClick={() => void mark({}).then(() => refetch({ requestPolicy: 'network-only' }))}>
          {t('notifications.markAll')}
        </button>
      )}
      <ul className="notification-list">
        {page?.nodes.map((n) => (
          <li key={n.id} className={n.readAt ? 'notification' : 'notification unread'} data-testid="notification">
            <h2>{n.title}</h2>
            <p>{n.body}</p>
            <p className="muted">
              <DateText value={n.createdAt} time />
              {n.deliveries.map((d) => (
                <span key={d.id}>
                  {' · '}
                  {t(`notifications.channel.${d.channel}`)}: {t(`notifications.status.${d.status}`)}
                  {d.sentAt && (
                    <>
                      {' '}
                      <DateText value={d.sentAt} time />
                    </>
                  )}
                </span>
              ))}
            </p>
            {!n.readAt && (
              <button type="button" className="link-button" onClick={() => void mark({ ids: [n.id] })}>
                {t('notifications.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {page && <ShowMore pageInfo={page.pageInfo} shown={page.nodes.length} fetching={res.fetching} onMore={more('after')} />}
      {staff && <StaffEmailSettings />}
    </>
  );
}
