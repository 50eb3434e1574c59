import { BigIntType, Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity } from '@aleumet/server-kit';

export enum ClaimStatus { APPLIED = 'APPLIED', APPROVED = 'APPROVED', PAID = 'PAID', CANCELLED = 'CANCELLED' }
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'APPLIED when the recipient signs the order, APPROVED after handover, PAID, or CANCELLED with the order',
});

/** The recipient's application that the state reimburse the supplier for one order. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Reimbursement of the guaranteed sum to the supplier for one order' })
@Entity({ tableName: 'reimbursement_claim' })
@Index({ properties: ['supplierId', 'status'] })
@Index({ properties: ['regionCode', 'status'] })
@Index({ properties: ['supplierId', 'id'] })
@Index({ properties: ['regionCode', 'id'] })
export class ReimbursementClaim extends BaseEntity<'status' | 'version'> {
  @Property({ type: 'uuid', unique: true }) orderId!: string;
  @Property({ type: 'uuid', index: true }) measureId!: string;
  @Property({ type: 'uuid' }) supplierId!: string;
  @Property({ type: 'uuid', index: true }) personId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => SafeIntResolver, { description: 'What the state pays the supplier: min(price, guaranteed sum), in tiyn' })
  @Property({ type: new BigIntType('number') })
  statePart!: number;
  @Field(() => SafeIntResolver, { description: 'What the recipient pays the supplier above the guaranteed sum, in tiyn' })
  @Property({ type: new BigIntType('number') })
  coPayment!: number;
  @Field(() => ClaimStatus) @Enum({ items: () => ClaimStatus }) status: ClaimStatus = ClaimStatus.APPLIED;
  @Field(() => Int) @Property({ type: 'integer', version: true }) version: number = 1;
}
