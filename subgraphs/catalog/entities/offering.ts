import { BigIntType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver, JSONObjectResolver } from 'graphql-scalars';
import { BaseEntity, ServiceKind } from '@aleumet/subgraph-kit';
import { Supplier } from './supplier.js';

export enum DeliveryMode { DELIVERY = 'DELIVERY', PICKUP = 'PICKUP', BOTH = 'BOTH' }
registerEnumType(DeliveryMode, { name: 'DeliveryMode' });

@Directive('@key(fields: "id")')
@ObjectType({ description: "A supplier's offer of an aid or service, with its price" })
@Entity({ tableName: 'offering' })
@Index({ properties: ['itemTypeCode', 'active'] })
export class Offering extends BaseEntity<'active'> {
  @ManyToOne(() => Supplier, { index: true }) supplier!: Supplier;
  @Field(() => ServiceKind) @Enum({ items: () => ServiceKind }) kind!: ServiceKind;
  @Field(() => String) @Property({ type: 'string', length: 40 }) itemTypeCode!: string;
  @Field(() => String) @Property({ type: 'string' }) title!: string;
  @Field(() => String) @Property({ type: 'text' }) description!: string;
  @Field(() => JSONObjectResolver) @Property({ type: 'json' }) characteristics!: Record<string, string>;
  @Field(() => SafeIntResolver, { description: 'Price for the whole measure quantity, in tiyn' })
  @Property({ type: new BigIntType('number') })
  price!: number;
  @Field(() => DeliveryMode) @Enum({ items: () => DeliveryMode }) deliveryMode!: DeliveryMode;
  @Field(() => Int, { description: 'Days from acceptance to handover' }) @Property({ type: 'integer' }) leadTimeDays!: number;
  @Field(() => Int) @Property({ type: 'integer' }) stock!: number;
  @Field(() => [String]) @Property({ type: 'text[]' }) regionCodes!: string[];
  @Field(() => Boolean) @Property({ type: 'boolean' }) active: boolean = true;
}
