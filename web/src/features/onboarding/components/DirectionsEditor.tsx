import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { AddDirectionMutation, RemoveDirectionMutation, UploadDocumentMutation } from '../api/registration.js';
import { ErrorMessage, SelectField, SuccessStatus, TextField } from '../../../components/ui.js';
import { textOf, useFormSubmit } from '../../../lib/form.js';
import type { DirectionKind, DocumentKind, RegistrationFragment } from '../../../gql/graphql.js';
import { formatNumber } from '../../../lib/format.js';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, fileToBase64 } from '../../../lib/files.js';

type Registration = RegistrationFragment;

const TYPES = DOCUMENT_TYPES;
const DIRECTIONS: DirectionKind[] = ['AID_SALES', 'SPECIAL_SOCIAL_SERVICES', 'SANATORIUM', 'SIGN_LANGUAGE', 'PERSONAL_ASSISTANT'];

/** Directions by OKED with their personnel, and a licence or certificate for each (needed to submit). */
export function DirectionsEditor({ registration, onChanged }: { registration: Registration; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [addRes, add] = useMutation(AddDirectionMutation);
  const [removeRes, remove] = useMutation(RemoveDirectionMutation);
  const pa = registration.kind === 'PERSONAL_ASSISTANT';
  const kinds = pa ? (['PERSONAL_ASSISTANT'] as DirectionKind[]) : DIRECTIONS;
  const [kind, setKind] = useState<DirectionKind>(kinds[0]!);
  const { onSubmit: addDirection, error: formError, done } = useFormSubmit(async (data, { fail }) => {
    const fullName = textOf(data, 'fullName');
    const position = textOf(data, 'position');
    const qualification = textOf(data, 'qualification');
    if (!fullName || !position) return fail(t('onboarding.personnelRequired'));
    const r = await add({
      supplierId: registration.id,
      input: { kind, okedCode: String(data.get('okedCode') ?? ''), personnel: [{ fullName, position, ...(qualification ? { qualification } : {}) }] },
    });
    if (r.error) return;
    onChanged();
    return { done: t('onboarding.directionAdded', { name: t(`direction.${kind}`) }) };
  });


  return (
    <section aria-labelledby="directions-title">
      <h3 id="directions-title">{t('onboarding.directions')}</h3>
      <ErrorMessage error={removeRes.error} />
      {registration.directionCards.length === 0 ? (
        <p className="empty">{t('onboarding.noDirections')}</p>
      ) : (
        <ul className="plain-list">
          {registration.directionCards.map((d) => (
            <li key={d.id} className="card">
              <h4>
                {t(`direction.${d.kind}`)} · {t('onboarding.okedShort')} {d.okedCode}
              </h4>
              <p>
                {t('onboarding.personnel')}: {d.personnel.map((p) => `${p.fullName} (${p.position}${p.qualification ? `, ${p.qualification}` : ''})`).join('; ')}
              </p>
              {d.documents.length ? (
                <ul>
                  {d.documents.map((doc) => (
                    <li key={doc.id}>
                      {t(`documentKind.${doc.kind}`)}: {doc.title} ({doc.fileName}, {formatNumber(Math.ceil(doc.size / 1024), i18n.language)} KiB)
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="field-error">{t('onboarding.documentMissing')}</p>
              )}
              <UploadForm supplierId={registration.id} directionId={d.id} label={t(`direction.${d.kind}`)} onUploaded={onChanged} />
              <button
                type="button"
                className="secondary"
                disabled={removeRes.fetching}
                onClick={async () => {
                  const r = await remove({ id: d.id });
                  if (!r.error) onChanged();
                }}
              >
                {t('onboarding.removeDirection')}
                <span className="visually-hidden"> {t(`direction.${d.kind}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addDirection} noValidate aria-labelledby="add-direction-title" className="panel">
        <h4 id="add-direction-title">{t('onboarding.addDirection')}</h4>
        <div className="filter-grid">
          <SelectField
            label={t('onboarding.direction')}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as DirectionKind)}
            options={kinds.map((k) => ({ value: k, label: t(`direction.${k}`) }))}
          />
          <SelectField label={t('onboarding.okedShort')} name="okedCode" options={registration.okedCodes.map((c) => ({ value: c, label: c }))} />
          <TextField label={t('onboarding.personName')} name="fullName" autoComplete="off" />
          <TextField label={t('onboarding.position')} name="position" />
          <TextField label={t('onboarding.qualification')} name="qualification" />
        </div>
        {formError && (
          <p className="field-error" role="alert">
            {formError}
          </p>
        )}
        <ErrorMessage error={addRes.error} />
        <button type="submit" disabled={addRes.fetching}>
          {t('onboarding.addDirection')}
        </button>
        <SuccessStatus text={done} />
      </form>
    </section>
  );
}

function UploadForm({ supplierId, directionId, label, onUploaded }: { supplierId: string; directionId: string; label: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [res, upload] = useMutation(UploadDocumentMutation);
  const { onSubmit: submit, error, done } = useFormSubmit(async (data, { fail }) => {
    const file = data.get('file');
    const title = textOf(data, 'title');
    if (!(file instanceof File) || !file.size) return fail(t('onboarding.fileRequired'));
    if (!TYPES.includes(file.type)) return fail(t('onboarding.fileType'));
    if (file.size > MAX_DOCUMENT_BYTES) return fail(t('onboarding.fileTooLarge'));
    if (!title) return fail(t('onboarding.titleRequired'));
    const r = await upload({
      input: { supplierId, directionId, kind: String(data.get('docKind')) as DocumentKind, title, fileName: file.name, contentType: file.type, contentBase64: await fileToBase64(file) },
    });
    if (r.error) return;
    onUploaded();
    return { done: t('onboarding.uploaded', { name: file.name }) };
  });


  return (
    <form onSubmit={submit} noValidate className="inline-form" aria-label={t('onboarding.uploadFor', { name: label })}>
      <SelectField
        label={t('onboarding.documentKind')}
        name="docKind"
        options={(['LICENCE', 'CERTIFICATE', 'PREMISES', 'REGISTRATION', 'OTHER'] as const).map((k) => ({ value: k, label: t(`documentKind.${k}`) }))}
      />
      <TextField label={t('onboarding.documentTitle')} name="title" />
      <TextField label={t('onboarding.file')} name="file" type="file" accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" hint={t('onboarding.fileHint')} error={error} />
      <ErrorMessage error={res.error} />
      <button type="submit" disabled={res.fetching}>
        {t('onboarding.upload')}
      </button>
      <SuccessStatus text={done} />
    </form>
  );
}
