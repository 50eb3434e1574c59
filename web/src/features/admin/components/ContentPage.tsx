import { type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AdminContentQuery, DeleteFaqEntryMutation, DeleteNoticeMutation, SaveFaqEntryMutation, SaveNoticeMutation, SetContactCenterMutation } from '../api/content.js';
import { DateText, Empty, ErrorMessage, Loading, SelectField, TextArea, TextField, ShowMore, SuccessStatus, useCursors } from '../../../components/ui.js';
import { ArticlesSection } from './ArticlesSection.js';
import { LANG_LABEL, LanguageFields, WithdrawButton, astanaToIso, texts } from './content-fields.js';

export { astanaToIso };
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { DataTable } from '../../../components/DataTable.js';
import { LANGS, type Lang } from '../../../lib/format.js';

/** Administrators publish FAQ entries, maintenance notices and the contact-center phone, each in kk/ru/en. */
export function ContentPage() {
  const { t } = useTranslation();
  const { cursors, more, reset } = useCursors<'faqAfter' | 'noticesAfter'>();
  const [res, refetch] = useQuery({ query: AdminContentQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const reload = () => {
    reset();
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <h1>{t('content.title')}</h1>
      <p className="hint">{t('content.lead')}</p>
      <ErrorMessage error={res.error} onRetry={reload} />
      {res.fetching && !res.data && <Loading />}
      {res.data && (
        <>
          <NoticesSection
            notices={res.data.maintenanceNotices.nodes}
            onChanged={reload}
            more={<ShowMore pageInfo={res.data.maintenanceNotices?.pageInfo} shown={res.data.maintenanceNotices.nodes.length} fetching={res.fetching} onMore={more('noticesAfter')} />}
          />
          <FaqSection
            entries={res.data.faqEntries.nodes}
            onChanged={reload}
            more={<ShowMore pageInfo={res.data.faqEntries?.pageInfo} shown={res.data.faqEntries.nodes.length} fetching={res.fetching} onMore={more('faqAfter')} />}
          />
          <ContactSection contact={res.data.contactCenter ?? null} onChanged={reload} />
        </>
      )}
      <ArticlesSection />
    </>
  );
}

type Notice = { id: string; kind?: string | null; startsAt: string; endsAt: string; textKk?: string | null; textRu?: string | null; textEn?: string | null };

function NoticesSection({ notices, onChanged, more }: { notices: readonly Notice[]; onChanged: () => void; more: ReactNode }) {
  const { t } = useTranslation();
  const [saveRes, save] = useMutation(SaveNoticeMutation);
  const [deleteRes, remove] = useMutation(DeleteNoticeMutation);
  const { onSubmit: submit, error, done, setDone } = useFormSubmit(async (data, { fail }) => {
    const startsAt = astanaToIso(textOf(data, 'startsAt'));
    const endsAt = astanaToIso(textOf(data, 'endsAt'));
    const text = texts(data, 'notice');
    if (!startsAt || !endsAt) return fail(t('content.windowRequired'));
    if (endsAt <= startsAt) return fail(t('content.windowOrder'));
    if (!Object.keys(text).length) return fail(t('content.textRequired'));
    // 003 ¶14: scheduled works, or a failure announced with the planned time of its fix (the window's end).
    const kind = textOf(data, 'kind') === 'FAILURE' ? ('FAILURE' as const) : ('PLANNED_WORKS' as const);
    const r = await save({ input: { startsAt, endsAt, text, kind } });
    if (r.error) return;
    onChanged();
    return { done: t('content.noticePublished') };
  });

  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t('content.notices')}</h2>
      <SuccessStatus text={done} />
      <ErrorMessage error={deleteRes.error} />
      {notices.length === 0 ? (
        <Empty>{t('content.noNotices')}</Empty>
      ) : (
        <DataTable
          caption={t('content.notices')}
          rows={notices}
          rowKey={(n) => n.id}
          columns={[
            { header: t('content.noticeKind'), cell: (n) => t(`content.kind.${n.kind ?? 'PLANNED_WORKS'}`) },
            {
              header: t('content.window'),
              cell: (n) => (
                <>
                  <DateText value={n.startsAt} time /> – <DateText value={n.endsAt} time />
                </>
              ),
            },
            { header: LANG_LABEL.kk, cell: (n) => <span lang="kk">{n.textKk ?? '—'}</span> },
            { header: LANG_LABEL.ru, cell: (n) => <span lang="ru">{n.textRu ?? '—'}</span> },
            { header: LANG_LABEL.en, cell: (n) => <span lang="en">{n.textEn ?? '—'}</span> },
            {
              header: t('cabinet.action'),
              cell: (n) => (
                <WithdrawButton
                  busy={deleteRes.fetching}
                  onWithdraw={async () => {
                    if (!(await remove({ id: n.id })).error) {
                      setDone(t('content.noticeWithdrawn'));
                      onChanged();
                    }
                  }}
                />
              ),
            },
          ]}
        />
      )}
      {more}
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="new-notice-title">
        <h3 id="new-notice-title">{t('content.newNotice')}</h3>
        <SelectField label={t('content.noticeKind')} name="kind" options={['PLANNED_WORKS', 'FAILURE'].map((k) => ({ value: k, label: t(`content.kind.${k}`) }))} />
        <div className="filter-grid">
          <TextField label={t('content.startsAt')} name="startsAt" type="datetime-local" hint={t('content.astanaTime')} />
          <TextField label={t('content.endsAt')} name="endsAt" type="datetime-local" hint={t('content.astanaTime')} />
        </div>
        <LanguageFields prefix="notice" label={t('content.noticeText')} area required />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ErrorMessage error={saveRes.error} />
        <button type="submit" disabled={saveRes.fetching}>
          {t('content.publishNotice')}
        </button>
      </form>
    </section>
  );
}

type Faq = {
  id: string;
  position: number;
  published: boolean;
  questionKk?: string | null;
  questionRu?: string | null;
  questionEn?: string | null;
  answerKk?: string | null;
  answerRu?: string | null;
  answerEn?: string | null;
};

function FaqSection({ entries, onChanged, more }: { entries: readonly Faq[]; onChanged: () => void; more: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [saveRes, save] = useMutation(SaveFaqEntryMutation);
  const [deleteRes, remove] = useMutation(DeleteFaqEntryMutation);
  const nextPosition = entries.reduce((m, e) => Math.max(m, e.position), 0) + 1;
  const questionIn = (e: Faq) => (i18n.language === 'ru' ? e.questionRu : i18n.language === 'en' ? e.questionEn : e.questionKk) ?? e.questionKk ?? e.questionRu ?? e.questionEn ?? '—';

  const { onSubmit: submit, error, done, setDone } = useFormSubmit(async (data, { fail }) => {
    const question = texts(data, 'question');
    const answer = texts(data, 'answer');
    const position = Number(data.get('position'));
    if (!Number.isInteger(position) || position < 0) return fail(t('content.positionInvalid'));
    if (!Object.keys(question).length || !Object.keys(answer).length) return fail(t('content.textRequired'));
    const r = await save({ input: { position, question, answer, published: data.get('published') === 'on' } });
    if (r.error) return;
    onChanged();
    return { done: t('content.faqSaved') };
  });

  return (
    <section aria-labelledby="faq-admin-title">
      <h2 id="faq-admin-title">{t('portal.faq')}</h2>
      <SuccessStatus text={done} />
      <ErrorMessage error={deleteRes.error} />
      {entries.length === 0 ? (
        <Empty>{t('portal.noFaq')}</Empty>
      ) : (
        <DataTable
          caption={t('portal.faq')}
          rows={entries}
          rowKey={(f) => f.id}
          columns={[
            { header: t('content.question'), cell: (f) => questionIn(f) },
            { header: t('content.position'), cell: (f) => f.position },
            { header: t('content.languages'), cell: (f) => LANGS.filter((l) => f[`question${l[0]!.toUpperCase()}${l[1]}` as 'questionKk']).join(', ') },
            { header: t('content.published'), cell: (f) => (f.published ? t('common.yes') : t('common.no')) },
            {
              header: t('cabinet.action'),
              cell: (f) => (
                <button
                  type="button"
                  className="secondary"
                  disabled={deleteRes.fetching}
                  onClick={async () => {
                    const r = await remove({ id: f.id });
                    if (!r.error) {
                      setDone(t('content.faqDeleted'));
                      onChanged();
                    }
                  }}
                >
                  {t('content.delete')}
                  <span className="visually-hidden"> {questionIn(f)}</span>
                </button>
              ),
            },
          ]}
        />
      )}
      {more}
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="new-faq-title">
        <h3 id="new-faq-title">{t('content.newFaq')}</h3>
        <TextField key={nextPosition} label={t('content.position')} name="position" type="number" min={0} defaultValue={nextPosition} />
        <LanguageFields prefix="question" label={t('content.question')} required />
        <LanguageFields prefix="answer" label={t('content.answer')} area />
        <label className="checkbox">
          <input type="checkbox" name="published" defaultChecked />
          {t('content.publishNow')}
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ErrorMessage error={saveRes.error} />
        <div>
          <button type="submit" disabled={saveRes.fetching}>
            {t('content.saveFaq')}
          </button>
        </div>
      </form>
    </section>
  );
}

type Contact = { phone: string; hoursKk?: string | null; hoursRu?: string | null; hoursEn?: string | null; updatedAt: string };

function ContactSection({ contact, onChanged }: { contact: Contact | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [res, save] = useMutation(SetContactCenterMutation);
  const { onSubmit: submit, error, done } = useFormSubmit(async (data, { fail }) => {
    const phone = textOf(data, 'phone');
    if (!/^\+?[\d\s()-]{3,20}$/.test(phone)) return fail(t('content.phoneInvalid'));
    const hours = texts(data, 'hours');
    const r = await save({ input: { phone, ...(Object.keys(hours).length ? { hours } : {}) } });
    if (r.error) return;
    onChanged();
    return { done: t('content.contactSaved'), keep: true };
  });

  return (
    <section aria-labelledby="contact-admin-title">
      <h2 id="contact-admin-title">{t('portal.contactCenter')}</h2>
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="contact-admin-title" key={contact?.updatedAt ?? 'none'}>
        <TextField label={t('portal.phone')} name="phone" type="tel" defaultValue={contact?.phone ?? ''} error={error} hint={t('content.phoneHint')} />
        <fieldset>
          <legend>{t('portal.hours')}</legend>
          {LANGS.map((l) => (
            <TextField
              key={l}
              label={LANG_LABEL[l]}
              name={`hours-${l}`}
              lang={l}
              defaultValue={(l === 'kk' ? contact?.hoursKk : l === 'ru' ? contact?.hoursRu : contact?.hoursEn) ?? ''}
            />
          ))}
        </fieldset>
        <ErrorMessage error={res.error} />
        <button type="submit" disabled={res.fetching}>
          {t('common.save')}
        </button>
        <SuccessStatus text={done} />
      </form>
    </section>
  );
}
