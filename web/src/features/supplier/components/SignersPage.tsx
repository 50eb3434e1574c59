import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AddAuthorizedSignerMutation, AuthorizedSignersQuery, EndAuthorizedSignerMutation } from '../api/signers.js';
import { Empty, ErrorMessage, Loading, SelectField, ShowMore, TextField } from '../../../components/ui.js';
import { DataTable } from '../../../components/DataTable.js';
import { useSession } from '../../../lib/session.js';
import type { AuthorizedSignerRole } from '../../../gql/graphql.js';

const ROLES: AuthorizedSignerRole[] = ['SIGNATORY', 'FINANCE_SIGNATORY', 'HR_OFFICER', 'EMPLOYEE'];
const todayAlmaty = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());

/**
 * The organization's register of employees who may sign its acceptances, refusals and acts with the
 * organization's EDS besides the first head: IIN, name, role, from and to. Ending one keeps the record,
 * so what the employee signed while authorized stays valid.
 */
export function SignersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const supplierId = session?.claims.supplierId ?? '';
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [res, refetch] = useQuery({ query: AuthorizedSignersQuery, variables: { supplierId, after }, pause: !supplierId, requestPolicy: 'cache-and-network' });
  const [addRes, add] = useMutation(AddAuthorizedSignerMutation);
  const [endRes, end] = useMutation(EndAuthorizedSignerMutation);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const signers = res.data?.authorizedSigners.nodes ?? [];

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const iin = String(data.get('iin') ?? '').replace(/\s/g, '');
    const fullName = String(data.get('fullName') ?? '').trim();
    if (!/^\d{12}$/.test(iin)) return setFormError(t('signers.iinInvalid'));
    if (!fullName) return setFormError(t('signers.nameRequired'));
    setFormError(null);
    const validTo = String(data.get('validTo') ?? '');
    const r = await add({
      input: { supplierId, iin, fullName, role: String(data.get('role')) as AuthorizedSignerRole, validFrom: String(data.get('validFrom')), validTo: validTo || null },
    });
    if (!r.error) {
      form.reset();
      setDone(t('signers.added'));
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <section aria-labelledby="signers-title">
      <h1 id="signers-title">{t('signers.title')}</h1>
      <p className="muted">{t('signers.intro')}</p>
      <p role="status" className="success">
        {done}
      </p>
      <ErrorMessage error={res.error ?? addRes.error ?? endRes.error} />
      {res.fetching && !res.data && <Loading />}
      {res.data && signers.length === 0 && <Empty>{t('signers.none')}</Empty>}
      {signers.length > 0 && (
        <DataTable
          caption={t('signers.title')}
          rows={signers}
          rowKey={(s) => s.id}
          columns={[
            { header: t('signers.fullName'), cell: (s) => s.fullName },
            { header: t('signers.iin'), cell: (s) => s.iin },
            { header: t('signers.role'), cell: (s) => t(`signers.roles.${s.role}`) },
            { header: t('signers.validFrom'), cell: (s) => s.validFrom },
            { header: t('signers.validTo'), cell: (s) => s.validTo ?? t('signers.open') },
            {
              header: t('cabinet.action'),
              cell: (s) =>
                (!s.validTo || s.validTo >= todayAlmaty()) && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={endRes.fetching}
                    onClick={async () => {
                      const r = await end({ id: s.id });
                      if (!r.error) setDone(t('signers.ended'));
                    }}
                  >
                    {t('signers.end')}
                    <span className="visually-hidden"> {s.fullName}</span>
                  </button>
                ),
            },
          ]}
        />
      )}
      <ShowMore pageInfo={res.data?.authorizedSigners.pageInfo} shown={signers.length} fetching={res.fetching} onMore={setAfter} />

      <h2>{t('signers.add')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField label={t('signers.iin')} name="iin" inputMode="numeric" autoComplete="off" maxLength={12} />
        <TextField label={t('signers.fullName')} name="fullName" autoComplete="off" maxLength={200} />
        <SelectField label={t('signers.role')} name="role" defaultValue="SIGNATORY" options={ROLES.map((r) => ({ value: r, label: t(`signers.roles.${r}`) }))} />
        <TextField label={t('signers.validFrom')} name="validFrom" type="date" defaultValue={todayAlmaty()} />
        <TextField label={t('signers.validTo')} name="validTo" type="date" hint={t('signers.validToHint')} />
        {formError && (
          <p className="field-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" disabled={addRes.fetching || !supplierId}>
          {t('signers.add')}
        </button>
      </form>
    </section>
  );
}
