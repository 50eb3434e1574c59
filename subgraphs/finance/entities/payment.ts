import { BigIntType, Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity } from '@aleumet/subgraph-kit';
import { ReimbursementClaim } from './claim.js';

@ObjectType({ description: 'A payment of the state to a supplier against a claim' })
@Entity({ tableName: 'payment' })
export class Payment extends BaseEntity {
  @ManyToOne(() => ReimbursementClaim, { index: true }) claim!: ReimbursementClaim;
  @Field(() => SafeIntResolver, { description: 'In tiyn' }) @Property({ type: new BigIntType('number') }) amount!: number;
  @Field(() => Date) @Property({ type: 'datetime' }) paidAt!: Date;
  @Field(() => String, { description: 'Reference of the payment order in the treasury system' }) @Property({ type: 'string', unique: true }) reference!: string;
}
