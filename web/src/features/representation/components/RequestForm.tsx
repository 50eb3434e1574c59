import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { RequestRepresentationMutation } from '../api/representations.js';
import { ErrorMessage, SelectField, SuccessStatus, TextField } from '../../../components/ui.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import { isValidIin } from '../../../lib/iin.js';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, fileToBase64 } from '../../../lib/files.js';
import type { RepresentationBasis } from '../../../gql/graphql.js';

const BASES: RepresentationBasis[] = ['PARENT', 'GUARDIAN', 'TRUSTEE', 'POWER_OF_ATTORNEY'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A request to act for a person, with the document and its scan; the person's employment department verifies it. */
export function RequestForm({ onRequested }: { onRequested: () => void }) {
  const { t } = useTranslation();
  const [res, request] = useMutation(RequestRepresentationMutation);
  const { onSubmit, error, done } = useFormSubmit(async (data, { fail }) => {
    const principalIin = textOf(data, 'principalIin');
    if (!isValidIin(principalIin)) return fail(t('representatives.badIin'), 'principalIin');
    const basis = textOf(data, 'basis') as RepresentationBasis;
    const fields = { documentType: textOf(data, 'documentType'), documentNumber: textOf(data, 'documentNumber'), documentIssuer: textOf(data, 'documentIssuer') };
    for (const [name, value] of Object.entries(fields)) if (!value) return fail(t('representatives.required'), name);
    const documentDate = textOf(data, 'documentDate');
    const validFrom = textOf(data, 'validFrom');
    const validTo = textOf(data, 'validTo');
    if (!DATE.test(documentDate)) return fail(t('representatives.required'), 'documentDate');
    if (!DATE.test(validFrom)) return fail(t('representatives.required'), 'validFrom');
    if (basis === 'POWER_OF_ATTORNEY' && !DATE.test(validTo)) return fail(t('representatives.termRequired'), 'validTo');
    const file = data.get('scan');
    if (!(file instanceof File) || file.size === 0) return fail(t('representatives.scanRequired'), 'scan');
    if (!DOCUMENT_TYPES.includes(file.type)) return fail(t('representatives.scanType'), 'scan');
    if (file.size > MAX_DOCUMENT_BYTES) return fail(t('representatives.scanTooLarge'), 'scan');
    const r = await request({
      input: {
        principalIin, basis, ...fields, documentDate, validFrom, validTo: validTo || null,
        scan: { fileName: file.name, contentType: file.type, contentBase64: await fileToBase64(file) },
      },
    });
    if (r.error) return;
    onRequested();
    return { done: t('representatives.requested') };
  });
  return (
    <section aria-labelledby="request-title">
      <h2 id="request-title">{t('representatives.requestTitle')}</h2>
      <p className="hint">{t('representatives.requestHint')}</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField label={t('representatives.principalIin')} name="principalIin" inputMode="numeric" autoComplete="off" maxLength={12} required />
        <SelectField label={t('representatives.basis')} name="basis" options={BASES.map((b) => ({ value: b, label: t(`representatives.basisOf.${b}`) }))} />
        <TextField label={t('representatives.documentType')} name="documentType" maxLength={200} hint={t('representatives.documentTypeHint')} required />
        <TextField label={t('representatives.documentNumber')} name="documentNumber" maxLength={200} required />
        <TextField label={t('representatives.documentDate')} name="documentDate" type="date" required />
        <TextField label={t('representatives.documentIssuer')} name="documentIssuer" maxLength={200} required />
        <TextField label={t('representatives.validFrom')} name="validFrom" type="date" required />
        <TextField label={t('representatives.validTo')} name="validTo" type="date" hint={t('representatives.validToHint')} />
        <TextField label={t('representatives.scan')} name="scan" type="file" accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" hint={t('representatives.scanHint')} error={error} />
        <ErrorMessage error={res.error} />
        <button type="submit" disabled={res.fetching}>
          {t('representatives.send')}
        </button>
        <SuccessStatus text={done} />
      </form>
    </section>
  );
}
