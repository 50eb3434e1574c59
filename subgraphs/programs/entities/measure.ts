import { BigIntType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity, ServiceKind } from '@aleumet/subgraph-kit';
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
export class Measure extends BaseEntity<'status' | 'version' | 'remindedAt' | 'choiceWindowStartedAt' | 'activeOrderId' | 'blockedAt' | 'fulfilledAt' | 'closedReason'> {
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
  @Field(() => Date, { nullable: true, description: 'When the current supplier-choice window started (publication or re-activation)' })
  @Property({ type: 'datetime', nullable: true })
  choiceWindowStartedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the reminder to choose a supplier was sent (1 month into the window)' })
  @Property({ type: 'datetime', nullable: true })
  remindedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) blockedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) fulfilledAt?: Date | null;
  /** The order currently holding this measure (set by the orders subgraph through a command). */
  @Property({ type: 'uuid', nullable: true }) activeOrderId?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the measure was cancelled (IPR_TERM_EXPIRED, DEATH_REGISTERED, DEPARTED, WITHDRAWN)' })
  @Property({ type: 'string', nullable: true })
  closedReason?: string | null;
  @Field(() => Int) @Property({ type: 'integer', version: true }) version: number = 1;
}
