import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Watches order statuses (kept current by the subscription through the normalized cache) and
 * returns a sentence for an aria-live region whenever one changes.
 */
export function useOrderStatusAnnouncements(orders: { id: string; number: string; status: string }[]): string {
  const { t } = useTranslation();
  const previous = useRef<Map<string, string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const now = new Map(orders.map((o) => [o.id, o.status]));
    if (previous.current) {
      const changed = orders.filter((o) => previous.current!.has(o.id) && previous.current!.get(o.id) !== o.status);
      if (changed.length) {
        setMessage(changed.map((o) => t('orders.statusChanged', { number: o.number, status: t(`status.order.${o.status}`) })).join(' '));
      }
    }
    previous.current = now;
  }, [orders, t]);
  return message;
}
