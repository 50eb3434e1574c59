import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

export enum NotificationAudience { PERSON = 'PERSON', SUPPLIER = 'SUPPLIER', DEPARTMENT = 'DEPARTMENT' }
export enum NotificationChannel { SMS = 'SMS', EMAIL = 'EMAIL' }
export enum DeliveryStatus { PENDING = 'PENDING', SENT = 'SENT', DELIVERED = 'DELIVERED', FAILED = 'FAILED', DEAD = 'DEAD' }
export enum InformMethod { CALL = 'CALL', VISIT = 'VISIT', LETTER = 'LETTER', OTHER = 'OTHER' }
export enum NotifyLanguageChoice { kk = 'kk', ru = 'ru', en = 'en' }
registerEnumType(NotificationAudience, { name: 'NotificationAudience', description: 'Who a notification is for: a person (recipient), a supplier’s staff, a department’s officers' });
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'PENDING (waiting: night-time, rate limit or a retry), SENT (the provider took it), DELIVERED (delivery report), FAILED (report: not delivered), DEAD (given up after retries; an administrator can resend)',
});
registerEnumType(InformMethod, { name: 'InformMethod', description: 'How a department informed a person it could not reach by SMS (003 ¶9)' });
registerEnumType(NotifyLanguageChoice, { name: 'NotifyLanguage', description: 'Language of notifications: kk, ru (en for staff)' });

/**
 * One thing the portal told someone (the in-app notification centre), made from one change of a
 * subgraph (`source`: that subgraph's outbox message). Unique per (source, audience, who): a repeated
 * command creates nothing new.
 */
@ObjectType({ description: 'A notification: what the portal told a person, a supplier or a department, and when' })
@Entity({ tableName: 'notification' })
@Unique({ properties: ['source', 'audience', 'audienceKey'] })
@Index({ properties: ['personId', 'id'] })
@Index({ properties: ['supplierId', 'id'] })
@Index({ properties: ['regionCode', 'audience', 'id'] })
export class Notification extends BaseEntity<'personId' | 'supplierId' | 'measureId' | 'orderId' | 'readAt' | 'urgent' | 'params'> {
  /** The outbox message it was made from (`<subgraph>:<id>`), or the people subgraph's own step. */
  @Property({ type: 'string', length: 200 }) source!: string;
  @Field(() => String, { description: 'What it is about (MEASURE_PUBLISHED, CHOICE_REMINDER, ORDER_ACCEPTED, …)' })
  @Property({ type: 'string', length: 40 }) template!: string;
  @Field(() => NotificationAudience) @Enum({ items: () => NotificationAudience }) audience!: NotificationAudience;
  /** The person, supplier or region it is for. */
  @Property({ type: 'string', length: 40 }) audienceKey!: string;
  /** The person it concerns (the recipient of a PERSON notification). */
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) personId?: string | null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) supplierId?: string | null;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true, index: true }) measureId?: string | null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) orderId?: string | null;
  @Field(() => String) @Property({ type: 'string', length: 300 }) title!: string;
  @Field(() => String) @Property({ type: 'text' }) body!: string;
  /** The short form for SMS (within two segments), in the same language. */
  @Property({ type: 'string', length: 400 }) smsText!: string;
  /** What the texts were made from (template values), so a staff member's e-mail is written again in its own language. */
  @Property({ type: 'json', nullable: true }) params?: Record<string, string | number> | null = null;
  @Field(() => Boolean, { description: 'Sent also at night (the Rules make it urgent)' }) @Property({ type: 'boolean' }) urgent: boolean = false;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) readAt?: Date | null = null;
}

/**
 * One sending of a notification through one channel to one recipient. Its id is the idempotency key
 * given to the provider: one row per (notification, channel, recipient), i.e. per (source event, person
 * or staff member, channel).
 */
@ObjectType({ description: 'A notification sent (or to be sent) by SMS or e-mail' })
@Entity({ tableName: 'notification_delivery' })
@Unique({ properties: ['notification', 'channel', 'recipientKey'] })
@Index({ properties: ['status', 'notBefore'] })
export class NotificationDelivery extends BaseEntity<'sentAt' | 'deliveredAt' | 'leaseUntil' | 'lastError' | 'attempts' | 'status'> {
  @ManyToOne(() => Notification, { index: true }) notification!: Notification;
  @Field(() => NotificationChannel) @Enum({ items: () => NotificationChannel }) channel!: NotificationChannel;
  /** Phone or e-mail address (personal data: not a GraphQL field). */
  @Property({ type: 'string', length: 200 }) address!: string;
  @Property({ type: 'string', length: 8 }) language!: string;
  /** Who it goes to: a person, or a staff member of a supplier or department (rate limits count per recipient). */
  @Property({ type: 'string', length: 40, index: true }) recipientKey!: string;
  /** The region of the person (the department sees how its people were notified). */
  @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => DeliveryStatus) @Enum({ items: () => DeliveryStatus }) status: DeliveryStatus = DeliveryStatus.PENDING;
  @Field(() => Date, { description: 'Not sent before (night-time holding, rate limit, retry backoff)' }) @Property({ type: 'datetime' }) notBefore!: Date;
  @Property({ type: 'datetime', nullable: true }) leaseUntil?: Date | null = null;
  @Field(() => Int) @Property({ type: 'integer' }) attempts: number = 0;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) sentAt?: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) deliveredAt?: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) lastError?: string | null = null;
}

/** A person's choices: language of texts and channels (in-app always). No row: kk, SMS and e-mail on. */
@ObjectType({ description: 'How a person wants to be notified' })
@Entity({ tableName: 'notification_settings' })
export class NotificationSettings {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) personId!: string;
  @Field(() => NotifyLanguageChoice) @Enum({ items: () => NotifyLanguageChoice }) language: NotifyLanguageChoice = NotifyLanguageChoice.kk;
  @Field(() => Boolean) @Property({ type: 'boolean' }) sms: boolean = true;
  @Field(() => Boolean) @Property({ type: 'boolean' }) email: boolean = true;
  @Property({ type: 'datetime' }) updatedAt: Date = new Date();
}

/** A department informed a person without a verified phone by other means (003 ¶9): who, how, when. */
@ObjectType({ description: 'A person without a verified phone informed by the department by other means (003 ¶9)' })
@Entity({ tableName: 'informed_otherwise' })
@Index({ properties: ['personId', 'id'] })
export class InformedOtherwise extends BaseEntity<'measureId' | 'note'> {
  @Field(() => ID) @Property({ type: 'uuid' }) personId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) measureId?: string | null;
  @Field(() => InformMethod) @Enum({ items: () => InformMethod }) method!: InformMethod;
  @Field(() => Date) @Property({ type: 'datetime' }) informedAt!: Date;
  @Field(() => String, { description: 'The officer who informed the person' }) @Property({ type: 'string', length: 100 }) informedBy!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) note?: string | null;
}
