import { BigIntType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity, ServiceKind } from '@aleumet/server-kit';
import { RehabilitationProgram } from './program.js';

export enum MeasureStatus {
  PUBLISHED = 'PUBLISHED',
  AWAITING_CHOICE = 'AWAITING_CHOICE',
  ORDERED = 'ORDERED',
  FULFILLED = 'FULFILLED',
  BLOCKED = 'BLOCKED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeasureStatus, { name: 'MeasureStatus' });

/** One measure of an IPR: a service or aid the state guarantees, up to a guaranteed sum. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A measure of a rehabilitation program: a service or aid with a guaranteed sum' })
@Entity({ tableName: 'measure' })
@Index({ properties: ['regionCode', 'status'] })
@Index({ properties: ['regionCode', 'id'] })
export class Measure extends BaseEntity<'status' | 'version'> {
  @ManyToOne(() => RehabilitationProgram, { index: true })
  program!: RehabilitationProgram;

  @Property({ type: 'uuid', index: true }) personId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => ServiceKind) @Enum({ items: () => ServiceKind }) kind!: ServiceKind;
  @Field(() => String) @Property({ type: 'string' }) itemTypeCode!: string;
  @Field(() => Int, { description: 'Pieces, hours (S1, S2) or days (S3)' }) @Property({ type: 'integer' }) quantity!: number;
  @Field(() => SafeIntResolver, { description: 'The most the state pays for this measure, in tiyn' })
  @Property({ type: new BigIntType('number') })
  guaranteedSum!: number;
  @Field(() => MeasureStatus) @Enum({ items: () => MeasureStatus }) status: MeasureStatus = MeasureStatus.PUBLISHED;
  @Field(() => String, { description: 'Id of the measure in the social-protection system' })
  @Property({ type: 'string', unique: true })
  sourceId!: string;
  @Field(() => Date) @Property({ type: 'datetime' }) publishedAt!: Date;
  @Field(() => Date, { description: 'After this moment without an order the measure is blocked' })
  @Property({ type: 'datetime' })
  choiceDeadline!: Date;
  @Field(() => Int) @Property({ type: 'integer', version: true }) version: number = 1;
}
