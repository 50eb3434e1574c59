import { Role, signToken, type Identity } from '@aleumet/core';
import { buildWorld, type DemoWorld } from '@aleumet/demo-data';

/** The same deterministic world the test database was seeded with. */
let cached: DemoWorld | undefined;
export const world = (): DemoWorld => (cached ??= buildWorld());

export function recipientIdentity(personIndex: number): Identity {
  const person = world().persons[personIndex]!;
  const represents = world().representations.filter((r) => r.representativeId === person.id).map((r) => r.principalId);
  return { sub: person.id, role: Role.RECIPIENT, personId: person.id, represents, scopes: [] };
}

export function representativeIdentity(representativeIndex: number): Identity {
  const w = world();
  const person = w.persons.filter((p) => p.category === 'NONE')[representativeIndex]!;
  const represents = w.representations.filter((r) => r.representativeId === person.id).map((r) => r.principalId);
  return { sub: person.id, role: Role.REPRESENTATIVE, personId: person.id, represents, scopes: [] };
}

export function supplierIdentity(supplierId: string): Identity {
  const staff = world().staff.find((s) => s.supplierId === supplierId)!;
  return { sub: staff.id, role: Role.SUPPLIER, supplierId, represents: [], scopes: [] };
}

export function departmentIdentity(regionCode: string): Identity {
  const staff = world().staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode === regionCode)!;
  return { sub: staff.id, role: Role.EMPLOYMENT_DEPARTMENT, regionCode, represents: [], scopes: [] };
}

export function adminIdentity(): Identity {
  const staff = world().staff.find((s) => s.role === 'ADMIN')!;
  return { sub: staff.id, role: Role.ADMIN, represents: [], scopes: [] };
}

export function integratorIdentity(scopes: string[]): Identity {
  return { sub: 'test-integrator', role: Role.INTEGRATOR, represents: [], scopes, clientId: 'test-integrator' };
}

export const tokenFor = (identity: Identity) => signToken(identity);
