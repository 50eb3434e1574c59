import { BigIntType, Entity, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity } from '@aleumet/subgraph-kit';

/** The most the state pays for one item type in one budget year. */
@ObjectType()
@Entity({ tableName: 'guaranteed_sum' })
@Unique({ properties: ['itemTypeCode', 'year'] })
export class GuaranteedSum extends BaseEntity {
  @Field(() => String) @Property({ type: 'string', length: 40 }) itemTypeCode!: string;
  @Field(() => Int) @Property({ type: 'smallint' }) year!: number;
  @Field(() => SafeIntResolver, { description: 'In tiyn' }) @Property({ type: new BigIntType('number') }) amount!: number;
}
