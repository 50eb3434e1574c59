import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'An oblast or a city of republican significance' })
@Entity({ tableName: 'region' })
export class Region {
  @Field(() => String, { description: 'ISO 3166-2:KZ code' }) @PrimaryKey({ type: 'string', length: 8 }) code!: string;
  @Field(() => String) @Property({ type: 'string' }) nameKk!: string;
  @Field(() => String) @Property({ type: 'string' }) nameRu!: string;
  @Field(() => String) @Property({ type: 'string' }) nameEn!: string;
}
