import type { EntityManager } from '@mikro-orm/postgresql';
import { notInRegistry, uuidv7 } from '@aleumet/core';
import { Person, PersonSource, PhoneSource } from '../entities/index.js';
import { applyFields, newPerson, phoneFields, recordSource, registryFields } from './person-record.js';
import { readPerson, readPhone, type RegistryActor } from './registry-reads.js';

/** The portal itself acting on a sign-in (the person has no token yet). */
const signInActor = (personId: string): RegistryActor => ({ sub: personId, role: 'RECIPIENT' });

/**
 * A person signing in with a valid EDS whom the portal does not know yet (003 ¶4.3: the cabinet is
 * filled from the state registries): the person registry is asked for the IIN and БМГ for the
 * verified mobile number, and the person gets a cabinet with no measures until Е-Собес publishes
 * them. Not in the registry: NOT_IN_REGISTRY, nothing written. Registries are asked before the
 * transaction (never held across an HTTP call); concurrent first sign-ins of one IIN make one person.
 */
export async function signUpFromRegistry(em: EntityManager, iin: string, now: Date): Promise<Person> {
  const id = uuidv7();
  const actor = signInActor(id);
  const found = await readPerson(em, actor, id, iin);
  if (!found || found.deceasedOn) throw notInRegistry('PERSON', 'The state person registry holds no living person with this IIN', 'iin');
  const phone = await readPhone(em, actor, id, iin);
  return em.fork().transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`people:person:${iin}`]);
    const existing = await tx.findOne(Person, { iin });
    if (existing) return existing;
    const person = newPerson(tx, id, iin, now);
    recordSource(tx, person, PersonSource.PERSON_REGISTRY, actor.sub, applyFields(person, registryFields(found), true), now);
    const phoneChanges = applyFields(person, phoneFields(null, phone), true);
    if (Object.keys(phoneChanges).length) recordSource(tx, person, PersonSource.BMG, actor.sub, phoneChanges, now);
    return person;
  });
}

/** A known person without a verified number: БМГ is asked again at sign-in (the number typed in the cabinet stays). */
export async function refreshPhone(em: EntityManager, person: Person, now: Date): Promise<void> {
  if (person.phoneVerified || person.phoneSource === PhoneSource.CABINET) return;
  const phone = await readPhone(em, signInActor(person.id), person.id, person.iin);
  if (!phone) return;
  await em.fork().transactional(async (tx) => {
    const fresh = await tx.findOneOrFail(Person, { id: person.id });
    const changes = applyFields(fresh, phoneFields(fresh, phone), false);
    if (Object.keys(changes).length) recordSource(tx, fresh, PersonSource.BMG, person.id, changes, now);
  });
}
