import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity } from '@aleumet/subgraph-kit';

export enum InpatientFitting { PRIMARY = 'PRIMARY', REPEAT = 'REPEAT' }
registerEnumType(InpatientFitting, { name: 'InpatientFitting', description: 'Inpatient prosthetics: the first (at most 10 working days) or a repeat one (at most 3)' });

@ObjectType({ description: 'One measurement taken to make the prosthetic or orthopaedic item' })
export class ProstheticMeasurement {
  @Field(() => String, { description: 'What was measured, e.g. "stump length, cm"' }) name!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ description: 'A trip to the supplier and back, reimbursed at the rail/road tariff (seeds 004 ¶41)' })
export class ProstheticTrip {
  @Field(() => String, { description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => Boolean, { description: 'The trip of an escort (of a group-1 recipient or a child)' }) escort!: boolean;
  @Field(() => SafeIntResolver, { description: 'Fare to be reimbursed, tiyn' }) amount!: number;
}

/**
 * The prosthetics card of one S4 order (seeds 004 ¶34, annex 7): measurements, the inpatient fitting,
 * trips. Kept permanently, unlike the order form (5 years); shown in the recipient's cabinet.
 */
@ObjectType({ description: 'The prosthetics card of a prosthetic-orthopaedic order: measurements, inpatient fitting, trips; kept permanently' })
@Entity({ tableName: 'prosthetics_card' })
@Index({ properties: ['personId'] })
@Index({ properties: ['regionCode', 'id'] })
export class ProstheticsCard extends BaseEntity<'measurements' | 'measuredAt' | 'inpatient' | 'inpatientFrom' | 'inpatientTo' | 'invitedAt' | 'trips'> {
  @Field(() => ID) @Property({ type: 'uuid', unique: true }) orderId!: string;
  @Field(() => String) @Property({ type: 'string', length: 20 }) orderNumber!: string;
  @Property({ type: 'uuid' }) personId!: string;
  @Property({ type: 'uuid', index: true }) supplierId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => String) @Property({ type: 'string', length: 40 }) itemTypeCode!: string;
  @Field(() => [ProstheticMeasurement]) @Property({ type: 'json' }) measurements: ProstheticMeasurement[] = [];
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) measuredAt?: Date | null;
  @Field(() => InpatientFitting, { nullable: true }) @Enum({ items: () => InpatientFitting, nullable: true }) inpatient?: InpatientFitting | null;
  @Field(() => String, { nullable: true, description: 'First day of the inpatient fitting, YYYY-MM-DD' }) @Property({ type: 'date', nullable: true }) inpatientFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Last day of the inpatient fitting, YYYY-MM-DD' }) @Property({ type: 'date', nullable: true }) inpatientTo?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the recipient was invited (in advance)' }) @Property({ type: 'datetime', nullable: true }) invitedAt?: Date | null;
  @Field(() => [ProstheticTrip]) @Property({ type: 'json' }) trips: ProstheticTrip[] = [];
  @Field(() => Int, { description: 'Working days of the inpatient fitting' }) @Property({ type: 'integer', default: 0 }) inpatientWorkingDays: number = 0;
}
