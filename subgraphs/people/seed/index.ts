import type { EntityManager } from '@mikro-orm/postgresql';
import { EXAMPLE_PERSONS, idDocumentOf, type DemoWorld } from '@aleumet/demo-data';
import { SupplierAccess, insertChunked } from '@aleumet/subgraph-kit';
import { Person, PhoneSource, Representation, RepresentationStatus, StaffUser } from '../entities/index.js';

export async function seed(em: EntityManager, world: DemoWorld): Promise<void> {
  const now = new Date();
  const stamp = { createdAt: now, updatedAt: now };
  // The example recipients of README.md and docs/ (reserved values, demo-data examples.ts) come with every demo world.
  // Their identity documents and numbers are the ones the demo registries hold (the numbers as БМГ-verified).
  await insertChunked(em, Person, [...world.persons, ...EXAMPLE_PERSONS].map(({ ...p }) => {
    const doc = idDocumentOf(p);
    return {
      ...p, ...stamp, deceasedOn: null, temporaryAddress: null, disabilityReasons: [], phoneVerified: true, phoneSource: PhoneSource.BMG,
      idDocumentType: doc.type, idDocumentNumber: doc.number, idDocumentIssuer: doc.issuer, idDocumentIssuedOn: doc.issuedOn, idDocumentValidUntil: doc.validUntil,
    };
  }));
  // Seeded representations are verified already; their region and names as registration records them.
  const persons = new Map(world.persons.map((p) => [p.id, p]));
  const name = (id: string) => { const p = persons.get(id); return p ? [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ') : null; };
  await insertChunked(em, Representation, world.representations.map((r) => ({
    ...r, ...stamp, status: RepresentationStatus.ACTIVE, regionCode: persons.get(r.principalId)?.regionCode ?? null,
    principalName: name(r.principalId), representativeName: name(r.representativeId), representativeIin: persons.get(r.representativeId)?.iin ?? null,
  })));
  await insertChunked(em, StaffUser, world.staff.map((s) => ({ ...s, ...stamp })));
  // The supplier of each seeded order sees the recipient's name, as orders' command grants it for a new order.
  const grants = new Map(world.orders.map((o) => [`${o.personId}/${o.supplierId}`, { recordId: o.personId, supplierId: o.supplierId, grantedAt: now }]));
  await insertChunked(em, SupplierAccess, [...grants.values()]);
}

/** Seeded already? Seeding is only for an empty subgraph. */
export const isSeeded = async (em: EntityManager) => (await em.count(Person, {})) > 0;
