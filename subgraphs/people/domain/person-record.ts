import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '@aleumet/core';
import type { RegistryPerson, RegistryPhone } from '@aleumet/registries';
import { Person, PersonSource, PersonSourceRecord, PhoneSource, RecipientCategory, Sex } from '../entities/index.js';

/** The fields of a person a source may state (everything but contacts the person owns: e-mail). */
export interface PersonFields {
  lastName: string; firstName: string; middleName: string | null; birthDate: string; sex: Sex; regionCode: string;
  address: string; temporaryAddress: string | null;
  idDocumentType: string | null; idDocumentNumber: string | null; idDocumentIssuer: string | null; idDocumentIssuedOn: string | null; idDocumentValidUntil: string | null;
  category: RecipientCategory; disabilityGroup: number | null; disabilityReasons: string[];
  vision: boolean; hearing: boolean; mobility: boolean;
  phone: string; phoneVerified: boolean; phoneSource: PhoneSource | null;
}
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Sets what differs; answers the changes (`from` null for a new person). */
export function applyFields(person: Person, fields: Partial<PersonFields>, isNew: boolean): FieldChanges {
  const changes: FieldChanges = {};
  const target = person as unknown as Record<string, unknown>;
  for (const [key, to] of Object.entries(fields)) {
    if (to === undefined) continue;
    const from = isNew ? null : target[key];
    if (!isNew && same(from, to)) continue;
    target[key] = to;
    changes[key] = { from: from ?? null, to };
  }
  return changes;
}

// History rows are listed by id: ids of one process grow even within a millisecond (a creation writes two rows at once).
let lastMs = 0;
function nextId(): string {
  lastMs = Math.max(Date.now(), lastMs + 1);
  return uuidv7(lastMs);
}

export function recordSource(em: EntityManager, person: Person, source: PersonSource, actorSub: string, changes: FieldChanges, at: Date, sourceVersion: string | null = null): PersonSourceRecord {
  return em.create(PersonSourceRecord, { id: nextId(), personId: person.id, source, sourceVersion, receivedAt: at, actorSub, fields: Object.keys(changes), changes });
}

/** What the person registry states about a person (ГБД ФЛ: identity, addresses, document). */
export function registryFields(r: RegistryPerson): Partial<PersonFields> {
  return {
    lastName: r.lastName, firstName: r.firstName, middleName: r.middleName, birthDate: r.birthDate, sex: r.sex as Sex, regionCode: r.regionCode,
    address: r.permanentAddress, temporaryAddress: r.temporaryAddress,
    idDocumentType: r.idDocument?.type ?? null, idDocumentNumber: r.idDocument?.number ?? null, idDocumentIssuer: r.idDocument?.issuer ?? null,
    idDocumentIssuedOn: r.idDocument?.issuedOn ?? null, idDocumentValidUntil: r.idDocument?.validUntil ?? null,
  };
}

/** БМГ's number replaces any but one the person typed in the cabinet (003 ¶6: the person corrects it there). */
export function phoneFields(person: Person | null, phone: RegistryPhone | null): Partial<PersonFields> {
  if (!phone) return {};
  if (person?.phoneSource === PhoneSource.CABINET && person.phone !== phone.phone) return {};
  return { phone: phone.phone, phoneVerified: true, phoneSource: PhoneSource.BMG };
}

/** A person the portal has not seen, as the registry states it: no category until Е-Собес publishes an IPR. */
export function newPerson(em: EntityManager, id: string, iin: string, at: Date): Person {
  const person = Object.assign(new Person(), {
    id, iin, createdAt: at, updatedAt: at, lastName: '', firstName: '', birthDate: '1900-01-01', sex: Sex.MALE, address: '', regionCode: '',
    phone: '', phoneVerified: false, phoneSource: null, category: RecipientCategory.NONE, vision: false, hearing: false, mobility: false,
  });
  em.persist(person);
  return person;
}
