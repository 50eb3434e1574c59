import {
  EXAMPLE_UNSEEN_PERSON, REGISTRY_ONLY_ORGANIZATIONS, REGISTRY_ONLY_PERSONS, buildWorld, generatedOrganization, legalEntityOf, registryOnlyPhone, registryPersonOf, type DemoRegistryPerson,
} from '@aleumet/demo-data';
import type { LegalEntity, Registries, RegistryPerson, RegistryPhone } from './types.js';

const VERIFIED_AT = '2025-01-15T06:00:00.000Z';

/**
 * The registries of the demo world (`npm start`, tests): every seeded person and supplier, plus the
 * persons and organizations the portal has not seen yet (`REGISTRY_ONLY_*` of @aleumet/demo-data).
 * Built once, on first use. Never used with NODE_ENV=production (`registriesFromEnv`).
 */
export class DevelopmentRegistries implements Registries {
  private built?: { persons: Map<string, RegistryPerson>; phones: Map<string, RegistryPhone>; entities: Map<string, LegalEntity> };
  /** Reads made, for tests and the development log. */
  readonly reads: { registry: 'persons' | 'phones' | 'legalEntities'; key: string }[] = [];

  private data() {
    if (this.built) return this.built;
    const world = buildWorld();
    const persons = new Map<string, RegistryPerson>();
    const phones = new Map<string, RegistryPhone>();
    const add = (p: DemoRegistryPerson, phone: string | null) => {
      persons.set(p.iin, { ...p, idDocument: { ...p.idDocument } });
      if (phone) phones.set(p.iin, { phone, verifiedAt: VERIFIED_AT });
    };
    for (const p of [...world.persons, EXAMPLE_UNSEEN_PERSON]) add(registryPersonOf(p), p.phone);
    REGISTRY_ONLY_PERSONS.forEach((p, i) => add(p, registryOnlyPhone(i)));
    const entities = new Map<string, LegalEntity>();
    world.suppliers.forEach((s, i) => entities.set(s.bin, legalEntityOf(s, i)));
    for (const o of REGISTRY_ONLY_ORGANIZATIONS) entities.set(o.bin, { ...o, founders: o.founders.map((f) => ({ ...f })) });
    return (this.built = { persons, phones, entities });
  }

  readonly persons = {
    personByIin: async (iin: string) => {
      this.reads.push({ registry: 'persons', key: iin });
      return this.data().persons.get(iin) ?? null;
    },
  };
  readonly phones = {
    phoneByIin: async (iin: string) => {
      this.reads.push({ registry: 'phones', key: iin });
      return this.data().phones.get(iin) ?? null;
    },
  };
  readonly legalEntities = {
    legalEntityByBin: async (bin: string) => {
      this.reads.push({ registry: 'legalEntities', key: bin });
      return this.data().entities.get(bin) ?? generatedOrganization(bin);
    },
  };
}
