import { BigIntType, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BaseEntity, ServiceKind } from '@aleumet/subgraph-kit';
import { SupplierSigned } from './supplier-signed.js';

export enum SessionMode { ONLINE = 'ONLINE', OFFLINE = 'OFFLINE' }
registerEnumType(SessionMode, { name: 'SessionMode', description: 'S2 sign-language sessions: online or in person' });

export enum ActStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', APPROVED = 'APPROVED', RETURNED = 'RETURNED', PAID = 'PAID' }
registerEnumType(ActStatus, { name: 'ActStatus', description: 'DRAFT → SUBMITTED → APPROVED (immutable; creates the claim) → PAID; or SUBMITTED → RETURNED → SUBMITTED' });

/** One row of an S1 accompaniment sheet (date, places, hours) or S2 sheet (date, hours, online/offline). */
@ObjectType({ description: 'A journal row of services rendered (S1 personal assistant, S2 sign language)' })
@Entity({ tableName: 'journal_entry' })
@Index({ properties: ['orderId', 'date'] })
@Index({ properties: ['personId', 'kind', 'date'] })
export class JournalEntry extends BaseEntity<'places' | 'mode' | 'actId'> {
  @Property({ type: 'uuid' }) orderId!: string;
  @Property({ type: 'uuid' }) supplierId!: string;
  @Property({ type: 'uuid' }) personId!: string;
  @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => ServiceKind) @Enum({ items: () => ServiceKind }) kind!: ServiceKind;
  @Field(() => String, { description: 'YYYY-MM-DD (Asia/Almaty)' }) @Property({ type: 'date' }) date!: string;
  @Field(() => String, { description: 'HH:MM' }) @Property({ type: 'string', length: 5 }) startTime!: string;
  @Field(() => String, { description: 'HH:MM' }) @Property({ type: 'string', length: 5 }) endTime!: string;
  @Field(() => Int) @Property({ type: 'integer' }) minutes!: number;
  @Field(() => [String], { description: 'S1: places visited' }) @Property({ type: 'text[]' }) places: string[] = [];
  @Field(() => SessionMode, { nullable: true }) @Enum({ items: () => SessionMode, nullable: true }) mode?: SessionMode | null;
}

/** Monthly act of services rendered per order (supplier and measure). */
@ObjectType({ description: 'Monthly act of services rendered: service, hours, unit price, cost (tiyn)' })
@Entity({ tableName: 'service_act' })
@Unique({ properties: ['orderId', 'period'] })
@Index({ properties: ['regionCode', 'status'] })
@Index({ properties: ['supplierId', 'status'] })
export class ServiceAct extends SupplierSigned<'hours' | 'status' | 'version' | 'submittedAt' | 'approvedAt' | 'returnReason' | 'paidAt'> {
  @Field(() => ID) @Property({ type: 'uuid' }) orderId!: string;
  @Property({ type: 'uuid' }) measureId!: string;
  @Property({ type: 'uuid' }) supplierId!: string;
  @Property({ type: 'uuid' }) personId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => ServiceKind) @Enum({ items: () => ServiceKind }) kind!: ServiceKind;
  @Field(() => String, { description: 'Service rendered' }) @Property({ type: 'string', length: 40 }) itemTypeCode!: string;
  @Field(() => String, { description: 'YYYY-MM' }) @Property({ type: 'string', length: 7 }) period!: string;
  @Field(() => Int) @Property({ type: 'integer' }) minutes!: number;
  @Field(() => String, { description: 'Hours, e.g. "12.5"' })
  get hours(): string {
    return (this.minutes / 60).toFixed(2).replace(/\.?0+$/, '');
  }
  @Field(() => SafeIntResolver, { description: 'Price of one hour, tiyn' }) @Property({ type: new BigIntType('number') }) unitPrice!: number;
  @Field(() => SafeIntResolver, { description: 'hours × unit price, tiyn' }) @Property({ type: new BigIntType('number') }) cost!: number;
  @Field(() => SafeIntResolver, { description: 'Paid by the state (within the guaranteed sum left), tiyn' }) @Property({ type: new BigIntType('number') }) statePart!: number;
  @Field(() => SafeIntResolver) @Property({ type: new BigIntType('number') }) coPayment!: number;
  @Field(() => ActStatus) @Enum({ items: () => ActStatus }) status: ActStatus = ActStatus.DRAFT;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) submittedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) approvedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) paidAt?: Date | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) returnReason?: string | null;
  @Field(() => Int) @Property({ type: 'integer', version: true }) version: number = 1;
}
