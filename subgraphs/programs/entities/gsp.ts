import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/** The kinds of the guaranteed social package (packages/core gsp.ts: from the law on targeted social assistance, not the seeds). */
export enum GspKind {
  FOOD_SET = 'FOOD_SET',
  HYGIENE_SET = 'HYGIENE_SET',
  SCHOOL_MEALS = 'SCHOOL_MEALS',
  SCHOOL_UNIFORM = 'SCHOOL_UNIFORM',
  SCHOOL_SUPPLIES = 'SCHOOL_SUPPLIES',
  PUBLIC_TRANSPORT = 'PUBLIC_TRANSPORT',
}
registerEnumType(GspKind, {
  name: 'GspKind',
  description: 'Kinds of the guaranteed social package: FOOD_SET and HYGIENE_SET (children aged 1–6, each month), SCHOOL_MEALS, SCHOOL_UNIFORM, SCHOOL_SUPPLIES and PUBLIC_TRANSPORT (schoolchildren)',
});

export enum GspUnit {
  SETS_PER_MONTH = 'SETS_PER_MONTH',
  MEALS_PER_SCHOOL_DAY = 'MEALS_PER_SCHOOL_DAY',
  SETS = 'SETS',
  MONTHS = 'MONTHS',
}
registerEnumType(GspUnit, {
  name: 'GspUnit',
  description: 'How a GSP volume is counted: SETS_PER_MONTH (FOOD_SET, HYGIENE_SET), MEALS_PER_SCHOOL_DAY (SCHOOL_MEALS), SETS for the period (SCHOOL_UNIFORM, SCHOOL_SUPPLIES), MONTHS of travel (PUBLIC_TRANSPORT)',
});

export enum GspStatus {
  ASSIGNED = 'ASSIGNED',
  BEING_PROVIDED = 'BEING_PROVIDED',
  PROVIDED = 'PROVIDED',
  STOPPED = 'STOPPED',
}
registerEnumType(GspStatus, {
  name: 'GspStatus',
  description: 'Implementation of a GSP entitlement: ASSIGNED, BEING_PROVIDED, PROVIDED (in full), STOPPED (e.g. the family no longer receives targeted social assistance)',
});

/**
 * One kind of the guaranteed social package assigned to a person by Е-Собес, with its volume, period and
 * implementation status: what a GSP recipient sees in the cabinet (seeds 002 ¶1, the Rules' ¶7), as a person
 * with a disability sees the IPR's measures. Not ordered through suppliers on the portal.
 */
@ObjectType({ description: 'A kind of the guaranteed social package assigned to a person: volume, period and implementation status' })
@Entity({ tableName: 'gsp_entitlement' })
@Index({ properties: ['regionCode', 'id'] })
export class GspEntitlement extends BaseEntity<'status' | 'version' | 'statusReason'> {
  @Property({ type: 'uuid', index: true }) personId!: string;
  @Field(() => String, { description: "The person's region (its employment department serves the person)" }) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => GspKind) @Enum({ items: () => GspKind }) kind!: GspKind;
  @Field(() => Int, { description: 'The volume, counted in unit' }) @Property({ type: 'integer' }) quantity!: number;
  @Field(() => GspUnit) @Enum({ items: () => GspUnit }) unit!: GspUnit;
  @Field(() => String, { description: 'First day of the period, YYYY-MM-DD' }) @Property({ type: 'date' }) startsOn!: string;
  @Field(() => String, { description: 'Last day of the period, YYYY-MM-DD' }) @Property({ type: 'date' }) endsOn!: string;
  @Field(() => String, { description: 'Id of the entitlement in Е-Собес (idempotency key)' }) @Property({ type: 'string', length: 200, unique: true }) sourceId!: string;
  @Field(() => Int, { description: "Version of Е-Собес's record of the entitlement: the last one applied" }) @Property({ type: 'integer' }) sourceVersion!: number;
  @Field(() => GspStatus) @Enum({ items: () => GspStatus }) status: GspStatus = GspStatus.ASSIGNED;
  @Field(() => Date) @Property({ type: 'datetime' }) publishedAt!: Date;
  @Field(() => Date, { description: 'When the status last changed (the publication, for ASSIGNED)' }) @Property({ type: 'datetime' }) statusChangedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Why the status was set, as Е-Собес said (e.g. why it was stopped)' }) @Property({ type: 'string', length: 1000, nullable: true }) statusReason?: string | null;
  @Field(() => Int) @Property({ type: 'integer', version: true }) version: number = 1;
}
