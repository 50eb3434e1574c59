import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/**
 * An integrator's registered endpoint for measure execution (Е-Собес: fulfilled, cancelled, blocked,
 * re-activated). One per integrator client. The secret signs every delivery (HMAC-SHA256), so it is kept
 * as given to the integrator, never returned after registration or rotation.
 */
@ObjectType({ description: "An integrator's webhook endpoint for measure execution" })
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint extends BaseEntity<'active' | 'secretRotatedAt'> {
  @Field(() => String, { description: 'The integrator client the deliveries are for' }) @Property({ type: 'string', length: 200, unique: true }) clientId!: string;
  @Field(() => String) @Property({ type: 'string', length: 2048 }) url!: string;
  @Property({ type: 'string', length: 200 }) secret!: string;
  @Field(() => Boolean) @Property({ type: 'boolean', default: true }) active: boolean = true;
  @Field(() => String, { description: 'Who registered it (admin or the integrator client)' }) @Property({ type: 'string', length: 200 }) registeredBy!: string;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) secretRotatedAt?: Date | null;
}

export enum WebhookDeliveryStatus { PENDING = 'PENDING', DELIVERED = 'DELIVERED' }
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus', description: 'PENDING: not acknowledged yet (retried with backoff); DELIVERED: the endpoint answered 2xx' });

/**
 * One event for one endpoint: the exact body sent (the same bytes on every retry and replay), and how
 * far it got. Created when the outbox relay publishes the event; unique per endpoint and event id.
 */
@ObjectType({ description: 'One measure event sent (or to be sent) to one endpoint' })
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['endpointId', 'eventId'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['endpointId', 'entityId', 'eventId'] })
export class WebhookDelivery extends BaseEntity<'status' | 'attempts' | 'nextAttemptAt' | 'lastAttemptAt' | 'lastStatus' | 'lastError' | 'deliveredAt' | 'leaseUntil' | 'replays'> {
  @Field(() => ID) @Property({ type: 'uuid' }) endpointId!: string;
  /** Denormalized for the policy: the endpoint's integrator client. */
  @Property({ type: 'string', length: 200, index: true }) clientId!: string;
  @Field(() => ID, { description: 'The outbox event id: the X-Aleumet-Event-Id header and the body\'s id' }) @Property({ type: 'uuid' }) eventId!: string;
  @Field(() => ID, { description: 'The measure' }) @Property({ type: 'uuid' }) entityId!: string;
  /** The measure's person (scoped job runs). */
  @Property({ type: 'uuid' }) personId!: string;
  @Field(() => String, { description: 'measure.fulfilled, measure.cancelled, measure.blocked or measure.reactivated' }) @Property({ type: 'string', length: 40 }) type!: string;
  @Field(() => String, { description: 'The JSON body, exactly as signed and sent' }) @Property({ type: 'text' }) body!: string;
  @Field(() => WebhookDeliveryStatus) @Enum({ items: () => WebhookDeliveryStatus }) status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;
  @Field(() => Int) @Property({ type: 'integer' }) attempts: number = 0;
  @Field(() => Date, { nullable: true, description: 'Not tried before then (exponential backoff after a failure); null: at once' }) @Property({ type: 'datetime', nullable: true }) nextAttemptAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) lastAttemptAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt (null: no answer)' }) @Property({ type: 'integer', nullable: true }) lastStatus?: number | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) lastError?: string | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) deliveredAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) leaseUntil?: Date | null;
  @Field(() => Int, { description: 'How often an administrator sent it again' }) @Property({ type: 'integer' }) replays: number = 0;
}

/** One HTTP attempt of a delivery: the log an administrator reads. */
@ObjectType({ description: 'One attempt to deliver a webhook' })
@Entity({ tableName: 'webhook_attempt' })
export class WebhookAttempt extends BaseEntity<'status' | 'error'> {
  @Property({ type: 'uuid', index: true }) deliveryId!: string;
  @Property({ type: 'string', length: 200 }) clientId!: string;
  @Field(() => Date) @Property({ type: 'datetime' }) at!: Date;
  @Field(() => Int, { nullable: true, description: 'HTTP status (null: no answer: refused, timed out)' }) @Property({ type: 'integer', nullable: true }) status?: number | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) error?: string | null;
  @Field(() => Int) @Property({ type: 'integer' }) durationMs!: number;
}
