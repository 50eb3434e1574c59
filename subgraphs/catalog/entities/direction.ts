import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, ServiceKind } from '@aleumet/subgraph-kit';
import { Supplier } from './supplier.js';

/** The supplier's directions of activity (by OKED), as in the organization card of the Rules. */
export enum DirectionKind {
  SPECIAL_SOCIAL_SERVICES = 'SPECIAL_SOCIAL_SERVICES',
  AID_SALES = 'AID_SALES',
  SANATORIUM = 'SANATORIUM',
  SIGN_LANGUAGE = 'SIGN_LANGUAGE',
  PERSONAL_ASSISTANT = 'PERSONAL_ASSISTANT',
}
registerEnumType(DirectionKind, { name: 'DirectionKind', description: 'Special social services, aid sales, sanatorium treatment, sign language, personal assistant' });

/** Which measure kinds a direction lets the supplier offer, and the OKED codes (prefixes) it may be registered under. */
export const DIRECTION_RULES: Record<DirectionKind, { kinds: ServiceKind[]; oked: string[] }> = {
  // Seeds 003 ¶13: the special social services direction offers the special social services (003 ¶8).
  SPECIAL_SOCIAL_SERVICES: { kinds: [ServiceKind.SSS], oked: ['87', '88'] },
  AID_SALES: { kinds: [ServiceKind.S4, ServiceKind.S5, ServiceKind.S6], oked: ['32.50', '46.46', '47.74'] },
  SANATORIUM: { kinds: [ServiceKind.S3], oked: ['55.90', '86.10', '86.90'] },
  SIGN_LANGUAGE: { kinds: [ServiceKind.S2], oked: ['74.30', '88.10', '88.99'] },
  PERSONAL_ASSISTANT: { kinds: [ServiceKind.S1], oked: ['88.10'] },
};

@ObjectType({ description: 'A person of the supplier working in a direction' })
export class PersonnelMember {
  @Field(() => String) fullName!: string;
  @Field(() => String) position!: string;
  @Field(() => String, { nullable: true, description: 'Education, certificate or qualification' }) qualification?: string | null;
}

@ObjectType({ description: "One direction of a supplier's activity: OKED code, personnel; its documents and offerings" })
@Entity({ tableName: 'supplier_direction' })
export class SupplierDirection extends BaseEntity<'personnel' | 'serviceKinds'> {
  @ManyToOne(() => Supplier, { index: true }) supplier!: Supplier;
  @Field(() => DirectionKind) @Enum({ items: () => DirectionKind }) kind!: DirectionKind;
  @Field(() => String, { description: 'OKED activity code of this direction' }) @Property({ type: 'string', length: 10 }) okedCode!: string;
  @Field(() => [PersonnelMember]) @Property({ type: 'json' }) personnel: PersonnelMember[] = [];

  @Field(() => [ServiceKind], { description: 'Measure kinds this direction lets the supplier offer' })
  get serviceKinds(): ServiceKind[] {
    return DIRECTION_RULES[this.kind].kinds;
  }
}
