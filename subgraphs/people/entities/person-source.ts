import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { uuidv7 } from '@aleumet/core';

export enum PersonSource { E_SOBES = 'E_SOBES', PERSON_REGISTRY = 'PERSON_REGISTRY', BMG = 'BMG', CABINET = 'CABINET' }
registerEnumType(PersonSource, {
  name: 'PersonSource',
  description: 'Who said it: E_SOBES (the social-protection system, with the IPR), PERSON_REGISTRY (ГБД ФЛ through the e-government gateway), BMG (mobile-citizens base), CABINET (the person)',
});

/**
 * What one source said about a person and when: one row per accepted change (creation included),
 * with the fields it changed (`from`/`to`). Е-Собес rows are idempotent by source version. Read
 * through `Person.sourceHistory` (the person policy guards it: the person, its representatives, its
 * region's department, admins and people:read integrators). Rows are never changed.
 */
@ObjectType({ description: 'What a source said about the person, and when' })
@Entity({ tableName: 'person_source_record' })
@Index({ properties: ['personId', 'id'] })
@Unique({ properties: ['personId', 'source', 'sourceVersion'] })
export class PersonSourceRecord {
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) personId!: string;
  @Field(() => PersonSource) @Enum({ items: () => PersonSource }) source!: PersonSource;
  @Field(() => String, { nullable: true, description: "The source's version of its record (Е-Собес: sourceVersion)" })
  @Property({ type: 'string', length: 64, nullable: true })
  sourceVersion?: string | null;
  @Field(() => Date) @Property({ type: 'datetime' }) receivedAt!: Date;
  @Field(() => String, { description: 'Who delivered it: the integrator client, the person, or the portal itself (sign-in)' })
  @Property({ type: 'string' })
  actorSub!: string;
  @Field(() => [String], { description: 'The fields it set or changed' }) @Property({ type: 'text[]' }) fields!: string[];
  @Field(() => JSONObjectResolver, { description: 'Per field: { from, to } (from is null on creation)' })
  @Property({ type: 'json' })
  changes!: Record<string, { from: unknown; to: unknown }>;
}
