import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CabinetQuery, MeQuery } from '../api/cabinet.js';
import { ContactsForm } from './ContactsForm.js';
import { MeasureList } from './MeasureList.js';
import { GspList } from './GspList.js';
import { DateText, Empty, ErrorMessage, Loading, ShowMore } from '../../../components/ui.js';
import { actAs, actingPersonId, useSession } from '../../../lib/session.js';
import { Link } from '../../../lib/router.js';

/** The recipient's (or representative's) cabinet: personal data, contacts, the guaranteed social package, the rehabilitation program. */
export function CabinetPage() {
  const { t } = useTranslation();
  const session = useSession();
  const personId = actingPersonId(session);
  const [principalsAfter, setPrincipalsAfter] = useState<string | undefined>(undefined);
  const [measuresAfter, setMeasuresAfter] = useState<string | undefined>(undefined);
  const [gspAfter, setGspAfter] = useState<string | undefined>(undefined);
  const [me] = useQuery({ query: MeQuery, variables: { after: principalsAfter } });
  const [res, reexecute] = useQuery({ query: CabinetQuery, variables: { id: personId ?? '', measuresAfter, gspAfter }, pause: !personId });
  const person = res.data?.person;
  const own = personId === session?.claims.personId;
  const principals = me.data?.me?.principals.nodes ?? [];
  const gsp = person?.gspEntitlements.nodes ?? [];
  const switchTo = (id: string) => {
    setMeasuresAfter(undefined);
    setGspAfter(undefined);
    actAs(id);
  };

  return (
    <>
      <h1>{t('cabinet.title')}</h1>
      {principals.length > 0 && (
        <section className="panel" aria-labelledby="acting-title">
          <h2 id="acting-title">{t('cabinet.actingFor')}</h2>
          <p className="hint">{t('cabinet.actingHint')}</p>
          <ul className="inline-list">
            {me.data?.me && (
              <li>
                <button type="button" aria-pressed={own} onClick={() => switchTo(me.data!.me!.id)}>
                  {me.data.me.fullName} ({t('cabinet.myself')})
                </button>
              </li>
            )}
            {principals.map((r) => (
              <li key={r.id}>
                <button type="button" aria-pressed={personId === r.principal.id} onClick={() => switchTo(r.principal.id)}>
                  {r.principal.fullName} ({t(`representation.${r.kind}`)})
                </button>
              </li>
            ))}
          </ul>
          <ShowMore pageInfo={me.data?.me?.principals.pageInfo} shown={principals.length} fetching={me.fetching} onMore={setPrincipalsAfter} />
        </section>
      )}
      <ErrorMessage error={res.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {res.fetching && !person && <Loading />}
      {person && (
        <>
          <section aria-labelledby="personal-title" className="panel">
            <h2 id="personal-title">{t('cabinet.personal')}</h2>
            <dl className="facts">
              <dt>{t('cabinet.fullName')}</dt>
              <dd>{person.fullName}</dd>
              <dt>{t('cabinet.iin')}</dt>
              <dd>{person.iin}</dd>
              <dt>{t('cabinet.birthDate')}</dt>
              <dd>
                <DateText value={person.birthDate} />
              </dd>
              <dt>{t('cabinet.sex')}</dt>
              <dd>{t(`sex.${person.sex}`)}</dd>
              <dt>{t('cabinet.address')}</dt>
              <dd>{person.address}</dd>
              {person.disabilityGroup != null && (
                <>
                  <dt>{t('cabinet.disabilityGroup')}</dt>
                  <dd>{person.disabilityGroup}</dd>
                </>
              )}
              {!own && (
                <>
                  <dt>{t('cabinet.phone')}</dt>
                  <dd>{person.phone}</dd>
                  <dt>{t('cabinet.email')}</dt>
                  <dd>{person.email ?? '—'}</dd>
                </>
              )}
            </dl>
            {own && <ContactsForm phone={person.phone} email={person.email} />}
          </section>
          {(person.program || gsp.length === 0) && (
            <section aria-labelledby="program-title" className="panel">
              {/* 003 ¶7: persons with a disability see their IPR measures; elderly persons, the special social services recommended to them. */}
              <h2 id="program-title">{t(person.category === 'ELDERLY' ? 'cabinet.recommendedServices' : 'cabinet.program')}</h2>
              {person.program ? (
                <>
                  <p>
                    {t('cabinet.programNumber', { number: person.program.number })} · {t('cabinet.issuedOn')} <DateText value={person.program.issuedOn} /> ·{' '}
                    {t('cabinet.validUntil')} <DateText value={person.program.validUntil} />
                  </p>
                  {person.program.measures.nodes.length ? <MeasureList measures={person.program.measures.nodes} /> : <Empty>{t('cabinet.noMeasures')}</Empty>}
                  <ShowMore pageInfo={person.program.measures.pageInfo} shown={person.program.measures.nodes.length} fetching={res.fetching} onMore={setMeasuresAfter} />
                </>
              ) : (
                <Empty>{t('cabinet.noProgram')}</Empty>
              )}
              <p>
                <Link className="tap" href="/orders">{t('cabinet.toOrders')}</Link>
              </p>
            </section>
          )}
          {gsp.length > 0 && (
            <section aria-labelledby="gsp-title" className="panel">
              {/* 002 ¶1 (the Rules ¶7): recipients of the guaranteed social package see its kinds, volumes and the statuses of their implementation. */}
              <h2 id="gsp-title">{t('cabinet.gspTitle')}</h2>
              <GspList entitlements={gsp} />
              <ShowMore pageInfo={person.gspEntitlements.pageInfo} shown={gsp.length} fetching={res.fetching} onMore={setGspAfter} />
            </section>
          )}
        </>
      )}
    </>
  );
}
