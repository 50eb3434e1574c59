import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { uuidv7 } from '@aleumet/core';

export enum NotificationKind {
  CHOOSE_SUPPLIER = 'CHOOSE_SUPPLIER',
  CHOICE_REMINDER = 'CHOICE_REMINDER',
  MEASURE_BLOCKED = 'MEASURE_BLOCKED',
  CHOOSE_AGAIN = 'CHOOSE_AGAIN',
  MEASURE_FULFILLED = 'MEASURE_FULFILLED',
  MEASURE_CANCELLED = 'MEASURE_CANCELLED',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

/**
 * Notification outbox: written in the same transaction as the measure change that causes it;
 * the sender (a scheduler job) leases unsent rows, hands them to the SMS adapter with the row id
 * as idempotency key, then marks them sent. A crash between sending and marking means the row is
 * sent again after the lease expires, with the same id, which the gateway deduplicates.
 */
@ObjectType({ description: 'An SMS to a recipient (outbox row)' })
@Entity({ tableName: 'notification' })
@Index({ properties: ['sentAt', 'leaseUntil'] })
export class Notification {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid', index: true }) personId!: string;
  @Property({ type: 'uuid', nullable: true }) measureId?: string | null;
  @Field(() => NotificationKind) @Enum({ items: () => NotificationKind }) kind!: NotificationKind;
  @Field(() => String) @Property({ type: 'text' }) text!: string;
  /** One notification per (kind, measure, window): re-running a job does not duplicate it. */
  @Property({ type: 'string', unique: true }) dedupeKey!: string;
  @Field(() => Date) @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) sentAt?: Date | null = null;
  @Property({ type: 'datetime', nullable: true }) leaseUntil?: Date | null = null;
  @Property({ type: 'integer' }) attempts: number = 0;
  @Property({ type: 'text', nullable: true }) lastError?: string | null = null;
}
