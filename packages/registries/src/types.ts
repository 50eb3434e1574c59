/** What the state registries answer, in the portal's words (the wire format is in docs/registries.md). */

export interface IdDocument {
  /** ID_CARD, PASSPORT or BIRTH_CERTIFICATE */
  type: string;
  number: string;
  issuer: string;
  issuedOn: string;
  validUntil: string | null;
}

/** A person from the person registry (ГБД ФЛ, through the e-government gateway). */
export interface RegistryPerson {
  iin: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  /** ISO 3166-2:KZ code of the region of the permanent address */
  regionCode: string;
  permanentAddress: string;
  temporaryAddress: string | null;
  idDocument: IdDocument | null;
  deceasedOn: string | null;
}

/** The mobile number БМГ holds as verified for an IIN. */
export interface RegistryPhone {
  phone: string;
  verifiedAt: string;
}

export interface Founder {
  name: string;
  iin: string | null;
  bin: string | null;
  /** ISO 3166-1 alpha-2 */
  citizenship: string | null;
}

/** An organization from the legal-entity registry (ГБД ЮЛ). */
export interface LegalEntity {
  bin: string;
  name: string;
  shortName: string;
  /** LLP, JSC or IE */
  ownershipForm: string;
  head: { iin: string | null; fullName: string };
  founders: Founder[];
  legalAddress: string;
  actualAddress: string | null;
  okedCodes: string[];
  registeredOn: string | null;
  /** When the organization was liquidated (struck off the register); null or absent while it operates. */
  liquidatedOn?: string | null;
}

export interface PersonRegistry {
  /** The person, or null when the registry does not know the IIN. Throws RegistryUnavailable when it cannot be asked. */
  personByIin(iin: string): Promise<RegistryPerson | null>;
}
export interface PhoneRegistry {
  /** The verified mobile number, or null when БМГ holds none for the IIN. */
  phoneByIin(iin: string): Promise<RegistryPhone | null>;
}
export interface LegalEntityRegistry {
  /** The organization, or null when the registry does not know the BIN. */
  legalEntityByBin(bin: string): Promise<LegalEntity | null>;
}

export interface Registries {
  persons: PersonRegistry;
  phones: PhoneRegistry;
  legalEntities: LegalEntityRegistry;
}

/** The registry could not be asked (down, timing out, refusing our credentials, breaker open): nothing is decided. */
export class RegistryUnavailable extends Error {
  constructor(readonly registry: string, message: string, readonly retryAfterMs?: number) {
    super(`${registry}: ${message}`);
    this.name = 'RegistryUnavailable';
  }
}
