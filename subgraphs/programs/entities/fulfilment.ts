import { Entity, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/** The record the social-protection system reads: this measure was fulfilled by this order. */
@ObjectType({ description: 'A fulfilled measure, for the social-protection system' })
@Entity({ tableName: 'fulfilment' })
export class Fulfilment extends BaseEntity {
  @Field(() => ID) @Property({ type: 'uuid', unique: true }) measureId!: string;
  @Field(() => String, { description: 'Id of the measure in the social-protection system' }) @Property({ type: 'string' }) sourceId!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) orderId!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) supplierId!: string;
  @Property({ type: 'uuid', index: true }) personId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => Date) @Property({ type: 'datetime' }) fulfilledAt!: Date;
}
