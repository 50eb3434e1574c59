import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

export enum Sex { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum RecipientCategory { DISABLED = 'DISABLED', ELDERLY = 'ELDERLY', NONE = 'NONE' }
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
export class Person extends BaseEntity<'middleName' | 'email' | 'disabilityGroup' | 'deceasedOn' | 'phoneVerified'> {
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
  @Property({ type: 'string' }) phone!: string;
  @Property({ type: 'string', nullable: true }) email?: string | null;
  /** The phone was confirmed by the mobile-citizens base; without it the department informs the person by other means (003 ¶9). */
  @Property({ type: 'boolean', default: true }) phoneVerified: boolean = true;

  @Enum({ items: () => RecipientCategory }) category!: RecipientCategory;
  @Property({ type: 'smallint', nullable: true }) disabilityGroup?: number | null;
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
