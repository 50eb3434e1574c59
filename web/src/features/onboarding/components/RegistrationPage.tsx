import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  MyRegistrationsQuery,
  RegistrationFragment,
  StartRegistrationMutation,
  SubmitRegistrationMutation,
  UpdateRegistrationMutation,
} from '../api/registration.js';
import { DateText, Empty, ErrorMessage, Loading, StatusBadge, ShowMore, useCursors } from '../../../components/ui.js';
import { useFragment } from '../../../gql/index.js';
import type { RegistrationFragment as Registration, SupplierRegistrationInput } from '../../../gql/graphql.js';
import { EMPTY_CARD, RegistrationCardForm, type CardValues } from './RegistrationCardForm.js';
import { DirectionsEditor } from './DirectionsEditor.js';

const EDITABLE = new Set(['DRAFT', 'REJECTED']);

function cardOf(r: Registration): CardValues {
  return {
    kind: r.kind,
    bin: r.bin ?? '',
    iin: r.iin ?? '',
    name: r.name,
    legalForm: r.legalForm ?? 'LLP',
    legalAddress: r.legalAddress,
    actualAddress: r.actualAddress,
    headName: r.headName,
    headIin: r.headIin ?? '',
    phone: r.phone,
    email: r.email,
    okedCodes: r.okedCodes.join(', '),
    regionCodes: r.regionCodes,
    founders: r.founders.join(', '),
    premises: r.premises ?? '',
    bankName: r.bankDetails?.bankName ?? '',
    bik: r.bankDetails?.bik ?? '',
    iban: r.bankDetails?.iban ?? '',
  };
}

/** What is still missing before a registration can be submitted (the catalog checks the same). */
export function missingForSubmit(r: Registration): string[] {
  const missing: string[] = [];
  if (!r.directionCards.length) missing.push('onboarding.missing.direction');
  if (r.directionCards.some((d) => !d.documents.length)) missing.push('onboarding.missing.document');
  if (!r.bankDetails) missing.push('onboarding.missing.bank');
  if (r.kind === 'ORGANIZATION' && !r.headIin) missing.push('onboarding.missing.headIin');
  return missing;
}

/**
 * An organization registers as a supplier (or a person as a personal assistant): the card is saved as a
 * draft, directions and documents are added, then the registration is submitted for verification. The
 * applicant sees each registration's status and, when rejected, the reason, and may correct it.
 */
export function RegistrationPage() {
  const { t } = useTranslation();
  const { cursors, more } = useCursors<'after'>();
  const [res, refetch] = useQuery({ query: MyRegistrationsQuery, variables: cursors, requestPolicy: 'cache-and-network' });
  const registrations = useFragment(RegistrationFragment, res.data?.mySupplierRegistrations.nodes ?? []);
  const [startRes, start] = useMutation(StartRegistrationMutation);
  const [updateRes, update] = useMutation(UpdateRegistrationMutation);
  const [submitRes, submit] = useMutation(SubmitRegistrationMutation);
  const [chosen, setChosen] = useState<string | 'new' | null>(null);
  const [done, setDone] = useState('');
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const firstEditable = registrations.find((r) => EDITABLE.has(r.status));
  const selectedId = chosen === 'new' ? null : (chosen ?? firstEditable?.id ?? null);
  const selected = registrations.find((r) => r.id === selectedId && EDITABLE.has(r.status));
  const showNew = chosen === 'new' || (res.data && !registrations.length);

  async function startDraft(input: SupplierRegistrationInput) {
    setDone('');
    const r = await start({ input });
    if (r.data) {
      setChosen(r.data.startSupplierRegistration.id);
      setDone(t('onboarding.draftSaved'));
      reload();
    }
  }

  async function saveDraft(id: string, input: SupplierRegistrationInput) {
    setDone('');
    const r = await update({ id, input });
    if (!r.error) {
      setDone(t('onboarding.draftSaved'));
      reload();
    }
  }

  async function submitForVerification(id: string) {
    setDone('');
    const r = await submit({ id });
    if (!r.error) {
      setChosen(null);
      setDone(t('onboarding.submitted'));
      reload();
    }
  }

  return (
    <>
      <h1>{t('onboarding.title')}</h1>
      <p className="lead">{t('onboarding.lead')}</p>
      <p role="status" className="success">
        {done}
      </p>
      <ErrorMessage error={res.error} onRetry={reload} />
      {res.fetching && !res.data && <Loading />}
      {res.data && (
        <section aria-labelledby="my-registrations-title">
          <h2 id="my-registrations-title">{t('onboarding.mine')}</h2>
          {registrations.length === 0 ? (
            <Empty>{t('onboarding.none')}</Empty>
          ) : (
            <ul className="cards">
              {registrations.map((r) => (
                <li key={r.id}>
                  <article className="card" aria-labelledby={`reg-${r.id}`}>
                    <h3 id={`reg-${r.id}`}>{r.name}</h3>
                    <dl className="facts">
                      <dt>{t('onboarding.applicant')}</dt>
                      <dd>{t(`onboarding.kind.${r.kind}`)}</dd>
                      <dt>{r.kind === 'ORGANIZATION' ? t('supplier.bin') : t('cabinet.iin')}</dt>
                      <dd>{r.bin ?? r.iin}</dd>
                      <dt>{t('supplier.status')}</dt>
                      <dd>
                        <StatusBadge kind="supplier" status={r.status} />
                      </dd>
                      {r.submittedAt && (
                        <>
                          <dt>{t('onboarding.submittedAt')}</dt>
                          <dd>
                            <DateText value={r.submittedAt} time />
                          </dd>
                        </>
                      )}
                      {r.status === 'REJECTED' && r.rejectionReason && (
                        <>
                          <dt>{t('onboarding.rejectionReason')}</dt>
                          <dd className="rejection">{r.rejectionReason}</dd>
                        </>
                      )}
                    </dl>
                    <p className="hint">{t(`onboarding.statusHint.${r.status}`)}</p>
                    {EDITABLE.has(r.status) && r.id !== selected?.id && (
                      <button type="button" className="secondary" onClick={() => setChosen(r.id)}>
                        {t('onboarding.continue')}
                        <span className="visually-hidden"> {r.name}</span>
                      </button>
                    )}
                  </article>
                </li>
              ))}
            </ul>
          )}
          <ShowMore pageInfo={res.data?.mySupplierRegistrations.pageInfo} shown={registrations.length} fetching={res.fetching} onMore={more('after')} />
          {!showNew && (
            <p>
              <button type="button" className="secondary" onClick={() => setChosen('new')}>
                {t('onboarding.new')}
              </button>
            </p>
          )}
        </section>
      )}
      {showNew && (
        <section aria-labelledby="new-title">
          <h2 id="new-title">{t('onboarding.new')}</h2>
          <ErrorMessage error={startRes.error} />
          <RegistrationCardForm
            initial={EMPTY_CARD}
            kindLocked={false}
            busy={startRes.fetching}
            serverError={startRes.error}
            submitLabel={t('onboarding.saveDraft')}
            onSave={startDraft}
          />
        </section>
      )}
      {!showNew && selected && (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t('onboarding.editing', { name: selected.name })}</h2>
          <ErrorMessage error={updateRes.error} />
          <RegistrationCardForm
            key={selected.id}
            initial={cardOf(selected)}
            kindLocked
            busy={updateRes.fetching}
            serverError={updateRes.error}
            submitLabel={t('onboarding.saveDraft')}
            onSave={(input) => saveDraft(selected.id, input)}
          />
          <DirectionsEditor registration={selected} onChanged={reload} />
          <section aria-labelledby="submit-title" className="panel">
            <h3 id="submit-title">{t('onboarding.submitTitle')}</h3>
            {missingForSubmit(selected).length ? (
              <>
                <p>{t('onboarding.beforeSubmit')}</p>
                <ul>
                  {missingForSubmit(selected).map((m) => (
                    <li key={m}>{t(m)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('onboarding.readyToSubmit')}</p>
            )}
            <ErrorMessage error={submitRes.error} />
            <button type="button" disabled={submitRes.fetching || missingForSubmit(selected).length > 0} onClick={() => submitForVerification(selected.id)}>
              {t('onboarding.submit')}
            </button>
          </section>
        </section>
      )}
    </>
  );
}
