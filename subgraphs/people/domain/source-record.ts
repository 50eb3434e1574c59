import type { EntityManager } from '@mikro-orm/postgresql';
import {
  LIMITS, badInput, checkCalendarDate, checkInt, checkList, checkOptionalText, checkPhone, checkRegionCode, checkText, parseIin, uuidv7,
} from '@aleumet/core';
import { Person, PersonSource, PersonSourceRecord, PhoneSource, RecipientCategory, type Sex } from '../entities/index.js';
import { applyFields, newPerson, phoneFields, recordSource, type PersonFields } from './person-record.js';
import { readPhone, type RegistryActor } from './registry-reads.js';

/** What Е-Собес sends about a person with the IPR (the GraphQL `PersonRecordInput`). */
export interface SourcePerson {
  iin: string; sourceVersion: number;
  lastName: string; firstName: string; middleName?: string | null; birthDate: string; sex: Sex; regionCode: string;
  permanentAddress: string; temporaryAddress?: string | null;
  idDocument?: { type: string; number: string; issuer: string; issuedOn: string; validUntil?: string | null } | null;
  category: RecipientCategory; disabilityGroup?: number | null; disabilityReasons?: string[] | null;
  needs?: { vision: boolean; hearing: boolean; mobility: boolean } | null;
  phone?: string | null;
}

export enum RecordOutcome { CREATED = 'CREATED', UPDATED = 'UPDATED', UNCHANGED = 'UNCHANGED', STALE = 'STALE' }

const REASON = /^[A-Z][A-Z0-9_]{1,63}$/;
const DOC_TYPES = ['ID_CARD', 'PASSPORT', 'BIRTH_CERTIFICATE', 'RESIDENCE_PERMIT', 'STATELESS_CERTIFICATE'] as const;

/**
 * Every bound before anything is read or written; the IIN's own birth date and sex must agree with the data.
 * `gsp`: the person comes with a guaranteed social package (002 ¶1: its recipients are participants too), not
 * an IPR, so NONE is a category it may send: a GSP recipient neither disabled nor elderly. Then the category
 * the portal holds (from an IPR) is left as it is.
 */
export function checkSourcePerson(p: SourcePerson, at = 'person', gsp = false): Partial<PersonFields> {
  const f = (name: string) => `${at}.${name}`;
  const info = parseIin(p.iin);
  if (!info) throw badInput('IIN must be 12 digits with a valid check digit and birth date', f('iin'));
  checkInt(p.sourceVersion, f('sourceVersion'), 1, LIMITS.maxInt);
  checkCalendarDate(p.birthDate, f('birthDate'));
  if (p.birthDate !== info.birthDate) throw badInput(`birthDate ${p.birthDate} does not match the IIN (${info.birthDate})`, f('birthDate'));
  if (p.sex !== info.sex) throw badInput(`sex ${p.sex} does not match the IIN (${info.sex})`, f('sex'));
  if (p.category === RecipientCategory.NONE && !gsp) throw badInput('An IPR is published for a recipient: DISABLED or ELDERLY', f('category'));
  if (p.disabilityGroup != null) checkInt(p.disabilityGroup, f('disabilityGroup'), 1, 3);
  if (p.category === RecipientCategory.DISABLED && p.disabilityGroup == null) throw badInput('A person with a disability has a group 1..3', f('disabilityGroup'));
  const reasons = checkList(p.disabilityReasons ?? [], f('disabilityReasons'), LIMITS.listItems, (r, field) => {
    if (!REASON.test(r)) throw badInput('Disability reasons are codes like GENERAL_DISEASE', field);
    return r;
  });
  const doc = p.idDocument;
  if (doc) {
    if (!(DOC_TYPES as readonly string[]).includes(doc.type)) throw badInput(`idDocument.type must be one of ${DOC_TYPES.join(', ')}`, f('idDocument.type'));
    checkCalendarDate(doc.issuedOn, f('idDocument.issuedOn'));
    if (doc.validUntil != null) checkCalendarDate(doc.validUntil, f('idDocument.validUntil'));
    if (doc.validUntil != null && doc.validUntil < doc.issuedOn) throw badInput('validUntil must not be before issuedOn', f('idDocument.validUntil'));
  }
  const fields: Partial<PersonFields> = {
    lastName: checkText(p.lastName, f('lastName'), LIMITS.name),
    firstName: checkText(p.firstName, f('firstName'), LIMITS.name),
    middleName: checkOptionalText(p.middleName, f('middleName'), LIMITS.name),
    birthDate: p.birthDate, sex: p.sex,
    regionCode: checkRegionCode(p.regionCode, f('regionCode')),
    address: checkText(p.permanentAddress, f('permanentAddress'), LIMITS.address),
    temporaryAddress: checkOptionalText(p.temporaryAddress, f('temporaryAddress'), LIMITS.address),
    ...(p.category === RecipientCategory.NONE ? {} : { category: p.category, disabilityGroup: p.category === RecipientCategory.DISABLED ? p.disabilityGroup ?? null : null, disabilityReasons: reasons }),
    ...(p.needs ? { vision: p.needs.vision, hearing: p.needs.hearing, mobility: p.needs.mobility } : {}),
  };
  if (doc) {
    Object.assign(fields, {
      idDocumentType: doc.type, idDocumentNumber: checkText(doc.number, f('idDocument.number'), 40), idDocumentIssuer: checkText(doc.issuer, f('idDocument.issuer'), LIMITS.name),
      idDocumentIssuedOn: doc.issuedOn, idDocumentValidUntil: doc.validUntil ?? null,
    });
  }
  if (p.phone != null && p.phone !== '') fields.phone = checkPhone(p.phone, f('phone'));
  return fields;
}

/** The highest Е-Собес version applied to a person, null before any. */
async function lastVersion(em: EntityManager, personId: string): Promise<number | null> {
  const rows = await em.find(PersonSourceRecord, { personId, source: PersonSource.E_SOBES }, { fields: ['sourceVersion'] });
  return rows.reduce<number | null>((max, r) => (r.sourceVersion != null && (max === null || Number(r.sourceVersion) > max) ? Number(r.sourceVersion) : max), null);
}

/**
 * A person as Е-Собес sends it with an IPR (002 ¶9, 003 ¶4.3): created when the portal has not seen
 * the IIN, else updated where it differs; idempotent by IIN and source version (the same version
 * again changes nothing; an older one than the last applied is STALE and changes nothing). Each
 * accepted version leaves a history row with what it changed. The phone: БМГ's verified number when
 * the person is created (asked before the transaction); Е-Собес's number only where no better
 * source has one.
 */
export async function recordFromSource(em: EntityManager, actor: RegistryActor, input: SourcePerson, now: Date, field = 'person', gsp = false): Promise<{ person: Person; outcome: RecordOutcome; changedFields: string[] }> {
  const fields = checkSourcePerson(input, field, gsp);
  const known = await em.fork().findOne(Person, { iin: input.iin });
  const id = known?.id ?? uuidv7();
  const bmg = known ? null : await readPhone(em, actor, id, input.iin);
  return em.fork().transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`people:person:${input.iin}`]);
    let person = await tx.findOne(Person, { iin: input.iin });
    const version = String(input.sourceVersion);
    if (person) {
      if (await tx.count(PersonSourceRecord, { personId: person.id, source: PersonSource.E_SOBES, sourceVersion: version })) return { person, outcome: RecordOutcome.UNCHANGED, changedFields: [] };
      const last = await lastVersion(tx, person.id);
      if (last !== null && last > input.sourceVersion) return { person, outcome: RecordOutcome.STALE, changedFields: [] };
    }
    const isNew = !person;
    person ??= newPerson(tx, id, input.iin, now);
    const { phone, ...rest } = fields;
    const stated: Partial<PersonFields> = { ...rest };
    // Е-Собес's number only where nobody better said one (БМГ verifies, the person corrects).
    if (phone && (isNew ? !bmg : person.phoneSource == null || person.phoneSource === PhoneSource.E_SOBES)) {
      Object.assign(stated, { phone, phoneVerified: false, phoneSource: PhoneSource.E_SOBES });
    }
    const changes = applyFields(person, stated, isNew);
    recordSource(tx, person, PersonSource.E_SOBES, actor.sub, changes, now, version);
    if (isNew && bmg) recordSource(tx, person, PersonSource.BMG, actor.sub, applyFields(person, phoneFields(null, bmg), true), now);
    const changedFields = Object.keys(changes);
    return { person, outcome: isNew ? RecordOutcome.CREATED : changedFields.length ? RecordOutcome.UPDATED : RecordOutcome.UNCHANGED, changedFields };
  });
}
