import { Entity, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/** The individual rehabilitation program (IPR) of one person. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Individual rehabilitation program (IPR)' })
@Entity({ tableName: 'rehabilitation_program' })
export class RehabilitationProgram extends BaseEntity {
  @Property({ type: 'uuid', index: true }) personId!: string;
  @Field(() => String) @Property({ type: 'string', unique: true }) number!: string;
  @Field(() => String, { description: 'Date of the IPR, YYYY-MM-DD' }) @Property({ type: 'date' }) issuedOn!: string;
  @Field(() => String, { description: 'Last day of the IPR term, YYYY-MM-DD' }) @Property({ type: 'date' }) validUntil!: string;
  @Field(() => String) @Property({ type: 'string', length: 8, index: true }) regionCode!: string;
}
