import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, type CombinedError } from 'urql';
import { SelectField, TextField } from '../../../components/ui.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { errorCode, errorField, humanError } from '../../../lib/errors.js';
import { LegalEntityCardQuery } from '../api/registration.js';
import type { LegalForm, SupplierKind, SupplierRegistrationInput } from '../../../gql/graphql.js';
import { hasValidCheckDigit, isValidIin } from '../../../lib/iin.js';

/** The card as the form holds it: lists as comma-separated text, as people type them. */
export interface CardValues {
  kind: SupplierKind;
  bin: string;
  iin: string;
  name: string;
  legalForm: LegalForm;
  legalAddress: string;
  actualAddress: string;
  headName: string;
  headIin: string;
  phone: string;
  email: string;
  okedCodes: string;
  regionCodes: string[];
  founders: string;
  premises: string;
  bankName: string;
  bik: string;
  iban: string;
}

export const EMPTY_CARD: CardValues = {
  kind: 'ORGANIZATION',
  bin: '',
  iin: '',
  name: '',
  legalForm: 'LLP',
  legalAddress: '',
  actualAddress: '',
  headName: '',
  headIin: '',
  phone: '',
  email: '',
  okedCodes: '',
  regionCodes: [],
  founders: '',
  premises: '',
  bankName: '',
  bik: '',
  iban: '',
};

const split = (text: string) => text.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean);
const PHONE = /^\+7\d{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const OKED = /^\d{2}(\.\d{1,3})?$/;
const BIK = /^[A-Z0-9]{8,11}$/;
const IBAN = /^KZ[0-9A-Z]{18}$/;

type Field = keyof CardValues;

/** The same rules the catalog applies, checked before sending so each mistake is explained next to its field. */
export function validateCard(v: CardValues): Partial<Record<Field, string>> {
  const e: Partial<Record<Field, string>> = {};
  const org = v.kind === 'ORGANIZATION';
  // A mistyped digit breaks the check digit: marked here, at its field, before the server would refuse it.
  if (org && !hasValidCheckDigit(v.bin)) e.bin = 'onboarding.invalid.bin';
  if (!org && !isValidIin(v.iin)) e.iin = 'onboarding.invalid.iin';
  if (org && v.headIin && !isValidIin(v.headIin)) e.headIin = 'onboarding.invalid.iin';
  for (const key of ['name', 'legalAddress', 'actualAddress', 'headName', 'bankName'] as const) if (!v[key].trim()) e[key] = 'onboarding.invalid.required';
  if (!PHONE.test(v.phone.replace(/[\s()-]/g, ''))) e.phone = 'cabinet.phoneInvalid';
  if (!EMAIL.test(v.email.trim())) e.email = 'onboarding.invalid.email';
  const oked = split(v.okedCodes);
  if (!oked.length || !oked.every((c) => OKED.test(c))) e.okedCodes = 'onboarding.invalid.oked';
  if (!v.regionCodes.length) e.regionCodes = 'supplier.regionsInvalid';
  if (!BIK.test(v.bik.trim().toUpperCase())) e.bik = 'onboarding.invalid.bik';
  if (!IBAN.test(v.iban.replace(/\s/g, '').toUpperCase())) e.iban = 'onboarding.invalid.iban';
  return e;
}

export function toInput(v: CardValues): SupplierRegistrationInput {
  const org = v.kind === 'ORGANIZATION';
  return {
    kind: v.kind,
    ...(org ? { bin: v.bin, legalForm: v.legalForm, ...(v.headIin ? { headIin: v.headIin } : {}) } : { iin: v.iin }),
    name: v.name.trim(),
    legalAddress: v.legalAddress.trim(),
    actualAddress: v.actualAddress.trim(),
    headName: v.headName.trim(),
    phone: v.phone.replace(/[\s()-]/g, ''),
    email: v.email.trim(),
    okedCodes: split(v.okedCodes),
    regionCodes: v.regionCodes,
    founders: split(v.founders),
    premises: v.premises.trim() || null,
    bankDetails: { bankName: v.bankName.trim(), bik: v.bik.trim().toUpperCase(), iban: v.iban.replace(/\s/g, '').toUpperCase() },
  };
}

/** The server names the wrong field (`extensions.field`): show its message next to that field. */
const SERVER_FIELDS: Record<string, Field> = {
  bin: 'bin',
  iin: 'iin',
  headIin: 'headIin',
  phone: 'phone',
  email: 'email',
  okedCodes: 'okedCodes',
  regionCodes: 'regionCodes',
  'bankDetails.bik': 'bik',
  'bankDetails.iban': 'iban',
  'bankDetails.bankName': 'bankName',
  name: 'name',
  legalAddress: 'legalAddress',
  actualAddress: 'actualAddress',
  headName: 'headName',
};

/** The registration card: organization (BIN) or personal assistant (IIN), addresses, head, OKED codes, regions, bank details. */
export function RegistrationCardForm({
  initial,
  kindLocked,
  busy,
  serverError,
  submitLabel,
  onSave,
}: {
  initial: CardValues;
  kindLocked: boolean;
  busy: boolean;
  serverError: CombinedError | undefined;
  submitLabel: string;
  onSave: (input: SupplierRegistrationInput) => void;
}) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const [v, setV] = useState<CardValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const set = (key: Field) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const serverField = SERVER_FIELDS[errorField(serverError) ?? ''];
  const err = (key: Field) => (errors[key] ? t(errors[key]!) : serverField === key ? t('onboarding.invalid.server') : null);
  const org = v.kind === 'ORGANIZATION';
  const client = useClient();
  const [registry, setRegistry] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });

  /** The registry holds the name, form, addresses, head, founders and OKED codes; the supplier completes the rest. */
  async function fillFromRegistry() {
    if (!hasValidCheckDigit(v.bin)) {
      setErrors({ ...errors, bin: 'onboarding.invalid.bin' });
      return;
    }
    setRegistry({ busy: true, message: null, failed: false });
    const res = await client.query(LegalEntityCardQuery, { bin: v.bin }, { requestPolicy: 'network-only' }).toPromise();
    const card = res.data?.legalEntityCard;
    if (!card) {
      const message = errorCode(res.error) === 'NOT_IN_REGISTRY' ? t('onboarding.notInRegistry') : humanError(res.error, t);
      setRegistry({ busy: false, message, failed: true });
      return;
    }
    setV({
      ...v,
      name: card.shortName,
      legalForm: card.legalForm ?? v.legalForm,
      legalAddress: card.legalAddress,
      actualAddress: card.actualAddress ?? card.legalAddress,
      headName: card.head.fullName,
      headIin: card.head.iin ?? v.headIin,
      okedCodes: card.okedCodes.join(', '),
      founders: card.founders.map((f) => f.name).join(', '),
    });
    setErrors({});
    setRegistry({ busy: false, message: t('onboarding.filledFromRegistry'), failed: false });
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const found = validateCard(v);
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSave(toInput(v));
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="card-title" className="panel">
      <h3 id="card-title">{t('onboarding.card')}</h3>
      <fieldset>
        <legend>{t('onboarding.who')}</legend>
        {(['ORGANIZATION', 'PERSONAL_ASSISTANT'] as const).map((k) => (
          <label className="checkbox" key={k}>
            <input type="radio" name="kind" value={k} checked={v.kind === k} disabled={kindLocked && v.kind !== k} onChange={() => setV({ ...v, kind: k })} />
            {t(`onboarding.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="filter-grid">
        {org ? (
          <>
            <TextField label={t('supplier.bin')} name="bin" inputMode="numeric" value={v.bin} onChange={set('bin')} hint={t('onboarding.twelveDigits')} error={err('bin')} required />
            <div className="registry-fill">
              <button type="button" onClick={fillFromRegistry} disabled={registry.busy} aria-describedby="registry-fill-hint">
                {registry.busy ? t('common.loading') : t('onboarding.fromRegistry')}
              </button>
              <p className="hint" id="registry-fill-hint">
                {t('onboarding.fromRegistryHint')}
              </p>
              {registry.message && (
                <p className={registry.failed ? 'field-error' : 'success'} role={registry.failed ? 'alert' : 'status'}>
                  {registry.message}
                </p>
              )}
            </div>
            <SelectField
              label={t('supplier.legalForm')}
              name="legalForm"
              value={v.legalForm}
              onChange={set('legalForm')}
              options={(['LLP', 'JSC', 'IE'] as const).map((f) => ({ value: f, label: t(`legalForm.${f}`) }))}
            />
          </>
        ) : (
          <TextField label={t('cabinet.iin')} name="iin" inputMode="numeric" value={v.iin} onChange={set('iin')} hint={t('onboarding.twelveDigits')} error={err('iin')} required />
        )}
        <TextField label={org ? t('onboarding.orgName') : t('cabinet.fullName')} name="name" value={v.name} onChange={set('name')} error={err('name')} required />
        <TextField label={t('supplier.legalAddress')} name="legalAddress" value={v.legalAddress} onChange={set('legalAddress')} error={err('legalAddress')} required />
        <TextField label={t('supplier.actualAddress')} name="actualAddress" value={v.actualAddress} onChange={set('actualAddress')} error={err('actualAddress')} required />
        <TextField label={t('supplier.head')} name="headName" value={v.headName} onChange={set('headName')} error={err('headName')} required />
        {org && (
          <TextField label={t('onboarding.headIin')} name="headIin" inputMode="numeric" value={v.headIin} onChange={set('headIin')} hint={t('onboarding.headIinHint')} error={err('headIin')} />
        )}
        <TextField label={t('cabinet.phone')} name="phone" type="tel" value={v.phone} onChange={set('phone')} hint={t('cabinet.phoneHint')} error={err('phone')} required />
        <TextField label={t('cabinet.email')} name="email" type="email" value={v.email} onChange={set('email')} error={err('email')} required />
        <TextField label={t('supplier.oked')} name="okedCodes" value={v.okedCodes} onChange={set('okedCodes')} hint={t('onboarding.okedHint')} error={err('okedCodes')} required />
        <TextField label={t('onboarding.founders')} name="founders" value={v.founders} onChange={set('founders')} hint={t('journals.placesHint')} />
        <TextField label={t('onboarding.premises')} name="premises" value={v.premises} onChange={set('premises')} hint={t('onboarding.premisesHint')} />
      </div>
      <fieldset aria-describedby={err('regionCodes') ? 'regions-error' : undefined}>
        <legend>{t('supplier.regions')}</legend>
        {names.regions.map((r) => (
          <label className="checkbox" key={r.code}>
            <input
              type="checkbox"
              name="regionCodes"
              value={r.code}
              checked={v.regionCodes.includes(r.code)}
              aria-invalid={err('regionCodes') ? true : undefined}
              onChange={(e) => setV({ ...v, regionCodes: e.target.checked ? [...v.regionCodes, r.code] : v.regionCodes.filter((c) => c !== r.code) })}
            />
            {names.region(r.code)}
          </label>
        ))}
        {err('regionCodes') && (
          <p className="field-error" id="regions-error">
            {err('regionCodes')}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('onboarding.bank')}</legend>
        <div className="filter-grid">
          <TextField label={t('onboarding.bankName')} name="bankName" value={v.bankName} onChange={set('bankName')} error={err('bankName')} required />
          <TextField label={t('onboarding.bik')} name="bik" value={v.bik} onChange={set('bik')} hint={t('onboarding.bikHint')} error={err('bik')} required />
          <TextField label={t('onboarding.iban')} name="iban" value={v.iban} onChange={set('iban')} hint={t('onboarding.ibanHint')} error={err('iban')} required />
        </div>
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : submitLabel}
      </button>
    </form>
  );
}
