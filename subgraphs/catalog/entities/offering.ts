import { BigIntType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver, JSONObjectResolver } from 'graphql-scalars';
import { BaseEntity, ServiceKind } from '@aleumet/subgraph-kit';
import { Supplier } from './supplier.js';

export const AID_KINDS: readonly ServiceKind[] = [ServiceKind.S4, ServiceKind.S5, ServiceKind.S6];

export enum DeliveryMode { DELIVERY = 'DELIVERY', PICKUP = 'PICKUP', BOTH = 'BOTH' }
registerEnumType(DeliveryMode, { name: 'DeliveryMode' });

@Directive('@key(fields: "id")')
@ObjectType({ description: "A supplier's offer of an aid or service, with its price" })
@Entity({ tableName: 'offering' })
@Index({ properties: ['itemTypeCode', 'active'] })
export class Offering extends BaseEntity<'active' | 'isAid' | 'titleKk' | 'titleEn' | 'descriptionKk' | 'descriptionEn'> {
  /** Aids (S4–S6) are delivered or picked up and held in stock; services (S1–S3) are rendered. */
  get isAid(): boolean {
    return AID_KINDS.includes(this.kind);
  }

  @ManyToOne(() => Supplier, { index: true }) supplier!: Supplier;
  @Field(() => ServiceKind) @Enum({ items: () => ServiceKind }) kind!: ServiceKind;
  @Field(() => String) @Property({ type: 'string', length: 40 }) itemTypeCode!: string;
  @Field(() => String, { description: 'The title in Russian (every offering has one)' }) @Property({ type: 'string' }) title!: string;
  @Field(() => String, { nullable: true, description: 'The title in Kazakh (required for new offerings; null for some older ones)' })
  @Property({ type: 'string', nullable: true })
  titleKk?: string | null;
  @Field(() => String, { nullable: true, description: 'The title in English, if the supplier gave one' }) @Property({ type: 'string', nullable: true }) titleEn?: string | null;
  @Field(() => String, { description: 'The description in Russian' }) @Property({ type: 'text' }) description!: string;
  @Field(() => String, { nullable: true, description: 'The description in Kazakh (required for new offerings; null for some older ones)' })
  @Property({ type: 'text', nullable: true })
  descriptionKk?: string | null;
  @Field(() => String, { nullable: true, description: 'The description in English, if the supplier gave one' }) @Property({ type: 'text', nullable: true }) descriptionEn?: string | null;
  @Field(() => JSONObjectResolver) @Property({ type: 'json' }) characteristics!: Record<string, string>;
  @Field(() => SafeIntResolver, { description: 'Price for the whole measure quantity, in tiyn' })
  @Property({ type: new BigIntType('number') })
  price!: number;
  /** Aids only in GraphQL (OfferingResolver.deliveryMode): a service is rendered, not delivered or picked up. */
  @Enum({ items: () => DeliveryMode }) deliveryMode!: DeliveryMode;
  @Field(() => Int, { description: 'Days from acceptance to handover' }) @Property({ type: 'integer' }) leadTimeDays!: number;
  /** Aids only in GraphQL (OfferingResolver.stock): a service has no stock. */
  @Property({ type: 'integer' }) stock!: number;
  @Field(() => [String]) @Property({ type: 'text[]' }) regionCodes!: string[];
  @Field(() => Boolean) @Property({ type: 'boolean' }) active: boolean = true;
}
