import { BigIntType, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity, ServiceKind } from '@aleumet/subgraph-kit';

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
// One claim per order for aids (signed with the order); S1/S2 orders get one claim per approved monthly act.
@Unique({
  name: 'reimbursement_claim_order_claim_unique',
  expression: 'create unique index "reimbursement_claim_order_claim_unique" on "finance"."reimbursement_claim" ("order_id") where "act_id" is null',
})
export class ReimbursementClaim extends BaseEntity<'status' | 'version' | 'actId' | 'kind' | 'period' | 'approvedAt' | 'paidAt' | 'cancelledAt'> {
  @Property({ type: 'uuid', index: true }) orderId!: string;
  /** The monthly act of services rendered this claim pays (S1/S2), null for an order's claim. */
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true, unique: true }) actId?: string | null;
  @Field(() => ServiceKind, { nullable: true }) @Enum({ items: () => ServiceKind, nullable: true }) kind?: ServiceKind | null;
  @Field(() => String, { nullable: true, description: 'Month of the act (YYYY-MM), for S1/S2 claims' }) @Property({ type: 'string', length: 7, nullable: true }) period?: string | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) approvedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) paidAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) cancelledAt?: Date | null;
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
