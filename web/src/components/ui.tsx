import { useEffect, useId, useRef, useState, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { humanError } from '../lib/errors.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../lib/format.js';

export function Money({ tiyn }: { tiyn: number }) {
  const { i18n } = useTranslation();
  return <span className="money">{formatMoney(tiyn, i18n.language)}</span>;
}

/** What the state pays and what the recipient pays: two `dt`/`dd` pairs of a description list. */
export function PriceSplit({ statePart, coPayment }: { statePart: number; coPayment: number }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('catalog.statePart')}</dt>
      <dd>
        <Money tiyn={statePart} />
      </dd>
      <dt>{t('catalog.coPayment')}</dt>
      <dd>
        <Money tiyn={coPayment} />
      </dd>
    </>
  );
}

export function DateText({ value, time = false }: { value: string; time?: boolean }) {
  const { i18n } = useTranslation();
  return <time dateTime={value}>{time ? formatDateTime(value, i18n.language) : formatDate(value, i18n.language)}</time>;
}

export function Num({ value }: { value: number }) {
  const { i18n } = useTranslation();
  return <>{formatNumber(value, i18n.language)}</>;
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** Errors tell the user what happened and what to do, in their language. */
export function ErrorMessage({ error, onRetry }: { error: CombinedError | undefined | null; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = humanError(error, t);
  if (!message) return null;
  return (
    <div className="error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Label, hint and error around one control, wired for screen readers (`aria-describedby`, `aria-invalid`). */
function LabelledField({ label, hint, error, control }: {
  label: string;
  hint?: string;
  error?: string | null;
  control: (a11y: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {control({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | null }) {
  return <LabelledField label={label} hint={hint} error={error} control={(a11y) => <input {...a11y} {...input} />} />;
}

export function TextArea({
  label,
  hint,
  error,
  ...area
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string | null }) {
  return <LabelledField label={label} hint={hint} error={error} control={(a11y) => <textarea {...a11y} {...area} />} />;
}

export function SelectField({
  label,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StatusBadge({ status, kind }: { status: string; kind: 'order' | 'measure' | 'claim' | 'act' | 'supplier' | 'complaint' | 'ticket' | 'gsp' }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`status.${kind}.${status}`, status)}</span>;
}

/** A polite live region: screen readers announce its text when it changes. */
export function LiveStatus({ message }: { message: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}

/** Bars with a data table beside them: people would rather look, screen readers read the table. */
export function BarChart({ title, data, format }: { title: string; data: { label: string; value: number }[]; format?: (n: number) => string }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const fmt = format ?? ((n: number) => String(n));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="bars" aria-hidden="true">
        {data.map((d) => (
          <div className="bar-row" key={d.label}>
            <span className="bar-label">{d.label}</span>
            <span className="bar" style={{ width: `${(d.value / max) * 100}%` }} />
            <span className="bar-value">{fmt(d.value)}</span>
          </div>
        ))}
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{fmt(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/**
 * "Show more" under a paged list (every list is a cursor connection): loads the page after the last
 * one shown; graphcache merges the pages (relayPagination in lib/urql.ts). The count is announced;
 * when the last page arrives, focus moves to the "all shown" note instead of being lost with the button.
 */
export function ShowMore({
  pageInfo,
  shown,
  fetching,
  onMore,
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined | null;
  shown: number;
  fetching: boolean;
  onMore: (after: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const note = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const more = !!pageInfo?.hasNextPage && !!pageInfo.endCursor;
  useEffect(() => {
    if (!more && expanded) note.current?.focus();
  }, [more, expanded]);
  if (!pageInfo || (!more && !expanded)) return null;
  const n = formatNumber(shown, i18n.language);
  return (
    <div className="show-more">
      <p className="hint" role="status" tabIndex={-1} ref={note}>
        {more ? t('common.shownCount', { n }) : t('common.allShown', { n })}
      </p>
      {more && (
        <button
          type="button"
          className="secondary"
          disabled={fetching}
          onClick={() => {
            setExpanded(true);
            onMore(pageInfo.endCursor!);
          }}
        >
          {t('common.showMore')}
        </button>
      )}
    </div>
  );
}

/** Loads every page of a list, one after another (for sums and charts over the whole list, not for display). */
export function useLoadAllPages(pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined | null, fetching: boolean, setAfter: (after: string) => void): boolean {
  const next = pageInfo?.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : null;
  useEffect(() => {
    if (next && !fetching) setAfter(next);
  }, [next, fetching, setAfter]);
  return !next && !fetching;
}

/**
 * The `after` cursors of the paged lists of one query (one per list, by variable name): `more(name)`
 * is ShowMore's `onMore`, `reset()` goes back to the first pages (after a change the lists refetch).
 */
export function useCursors<K extends string>(): { cursors: Partial<Record<K, string>>; more: (name: K) => (after: string) => void; reset: () => void } {
  const [cursors, setCursors] = useState<Partial<Record<K, string>>>({});
  return {
    cursors,
    more: (name) => (after) => setCursors((c) => ({ ...c, [name]: after })),
    reset: () => setCursors({}),
  };
}

/** The status line a form announces its success in (kept in the page so screen readers hear the change). */
export function SuccessStatus({ text }: { text: string }) {
  return (
    <p role="status" className="success">
      {text}
    </p>
  );
}
