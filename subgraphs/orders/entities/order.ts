import { BigIntType, Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity } from '@aleumet/server-kit';

export enum OrderStatus {
  AWAITING_SUPPLIER = 'AWAITING_SUPPLIER',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  EXPIRED = 'EXPIRED',
  READY = 'READY',
  HANDED_OVER = 'HANDED_OVER',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'AWAITING_SUPPLIER → ACCEPTED → READY → HANDED_OVER; or REFUSED / EXPIRED (supplier) / CANCELLED',
});

/** A recipient's signed order of one offering for one measure. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A recipient's order of an offering for a measure" })
@Entity({ tableName: 'order' })
@Index({ properties: ['supplierId', 'status'] })
@Index({ properties: ['regionCode', 'status'] })
export class Order extends BaseEntity<'status' | 'version' | 'acceptedAt' | 'handedOverAt' | 'closedAt' | 'refusalReason'> {
  @Field(() => String) @Property({ type: 'string', unique: true }) number!: string;
  @Property({ type: 'uuid', index: true }) measureId!: string;
  @Property({ type: 'uuid', index: true }) offeringId!: string;
  @Property({ type: 'uuid', index: true }) personId!: string;
  @Property({ type: 'uuid' }) supplierId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => OrderStatus) @Enum({ items: () => OrderStatus }) status: OrderStatus = OrderStatus.AWAITING_SUPPLIER;
  @Field(() => SafeIntResolver, { description: 'Price agreed at signing, in tiyn' }) @Property({ type: new BigIntType('number') }) price!: number;
  @Field(() => Int) @Property({ type: 'integer' }) quantity!: number;
  @Field(() => Date, { description: 'The supplier must accept or refuse by then (5 working days)' }) @Property({ type: 'datetime' }) acceptDeadline!: Date;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) acceptedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) handedOverAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) closedAt?: Date | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) refusalReason?: string | null;
  @Field(() => Int, { description: 'Optimistic-locking version, incremented by every change' })
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
