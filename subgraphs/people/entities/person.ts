import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

export enum Sex { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum RecipientCategory { DISABLED = 'DISABLED', ELDERLY = 'ELDERLY', NONE = 'NONE' }
/** Where the person's mobile number came from: only БМГ verifies a number (003 ¶6). */
export enum PhoneSource { BMG = 'BMG', CABINET = 'CABINET', E_SOBES = 'E_SOBES', DEMO = 'DEMO' }
registerEnumType(PhoneSource, {
  name: 'PhoneSource',
  description: 'BMG: the verified number of the mobile-citizens base; CABINET: typed by the person; E_SOBES: sent with the IPR; DEMO: the demo seed',
});
registerEnumType(Sex, { name: 'Sex' });
registerEnumType(RecipientCategory, { name: 'RecipientCategory', description: 'Why the person receives services (NONE: representatives only)' });

/**
 * A person from the state registries: recipient or representative. Fields marked personal
 * are guarded in PersonResolver; suppliers reach a person only through their own orders.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person: recipient of services or representative' })
@Entity({ tableName: 'person' })
@Index({ properties: ['regionCode', 'id'] })
export class Person extends BaseEntity<'middleName' | 'email' | 'disabilityGroup' | 'deceasedOn' | 'temporaryAddress' | 'idDocumentType' | 'idDocumentNumber'
  | 'idDocumentIssuer' | 'idDocumentIssuedOn' | 'idDocumentValidUntil' | 'disabilityReasons' | 'phoneVerified' | 'phoneSource'> {
  @Property({ type: 'string', length: 12, unique: true })
  iin!: string;

  @Field(() => String) @Property({ type: 'string' }) lastName!: string;
  @Field(() => String) @Property({ type: 'string' }) firstName!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', nullable: true }) middleName?: string | null;

  @Property({ type: 'date' }) birthDate!: string;
  @Enum({ items: () => Sex }) sex!: Sex;
  @Property({ type: 'text' }) address!: string;
  @Field(() => String, { description: 'ISO 3166-2:KZ code of the region whose employment department serves the person' })
  @Property({ type: 'string', length: 8, index: true })
  regionCode!: string;
  /** Temporary registration address (the registry's, when the person lives away from the permanent one). */
  @Property({ type: 'text', nullable: true }) temporaryAddress?: string | null;
  @Property({ type: 'string', length: 40, nullable: true }) idDocumentType?: string | null;
  @Property({ type: 'string', length: 40, nullable: true }) idDocumentNumber?: string | null;
  @Property({ type: 'string', nullable: true }) idDocumentIssuer?: string | null;
  @Property({ type: 'date', nullable: true }) idDocumentIssuedOn?: string | null;
  @Property({ type: 'date', nullable: true }) idDocumentValidUntil?: string | null;
  /** Mobile number, +7 and 10 digits; empty when no source knows one. */
  @Property({ type: 'string' }) phone!: string;
  /** Whether `phone` is the number БМГ holds as verified (notifications may rely on it). */
  @Property({ type: 'boolean', default: false }) phoneVerified: boolean = false;
  @Enum({ items: () => PhoneSource, nullable: true }) phoneSource?: PhoneSource | null;
  @Property({ type: 'string', nullable: true }) email?: string | null;

  @Enum({ items: () => RecipientCategory }) category!: RecipientCategory;
  @Property({ type: 'smallint', nullable: true }) disabilityGroup?: number | null;
  /** Causes of the disability as the assessment states them (Е-Собес), e.g. GENERAL_DISEASE. */
  @Property({ type: 'text[]', default: '{}' }) disabilityReasons: string[] = [];
  @Property({ type: 'boolean' }) vision!: boolean;
  @Property({ type: 'boolean' }) hearing!: boolean;
  @Property({ type: 'boolean' }) mobility!: boolean;
  @Property({ type: 'date', nullable: true }) deceasedOn?: string | null;

  /** The person whose data this row is (itself): the audit reads `personId` from every loaded entity. */
  get personId(): string {
    return this.id;
  }

  @Field(() => String)
  get fullName(): string {
    return [this.lastName, this.firstName, this.middleName].filter(Boolean).join(' ');
  }
}
