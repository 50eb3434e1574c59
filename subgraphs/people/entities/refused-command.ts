import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/**
 * A command one subgraph sent another and the receiver refused for good (invalid transition, not found,
 * bad input …), with what the sender did about it (its compensation). Recorded here, beside the
 * notifications, so the department of the region and administrators see every refusal in one list
 * (@aleumet/events compensation.ts). One row per refused command.
 */
@ObjectType({ description: 'A change one service asked another to make and the other refused for good, and what was done about it' })
@Entity({ tableName: 'refused_command' })
@Unique({ properties: ['commandId'] })
@Index({ properties: ['regionCode', 'id'] })
export class RefusedCommand extends BaseEntity<'regionCode' | 'personId' | 'supplierId' | 'measureId' | 'orderId'> {
  @Property({ type: 'uuid' }) commandId!: string;
  @Field(() => String, { description: 'The service that sent the command (orders, programs, finance, catalog)' }) @Property({ type: 'string', length: 20 }) sender!: string;
  @Field(() => String, { description: 'The service that refused it' }) @Property({ type: 'string', length: 20 }) target!: string;
  @Field(() => String, { description: 'The refused command: the name of the receiver’s internal operation' }) @Property({ type: 'string', length: 100 }) command!: string;
  @Field(() => String, { description: 'The receiver’s error code (INVALID_TRANSITION, NOT_FOUND, BAD_USER_INPUT, FORBIDDEN, …)' }) @Property({ type: 'string', length: 40 }) code!: string;
  @Field(() => String, { description: 'The receiver’s error message' }) @Property({ type: 'text' }) message!: string;
  @Field(() => String, { description: 'The kind of record whose change caused the command (Order, Measure, ReimbursementClaim, Supplier, …)' }) @Property({ type: 'string', length: 40 }) entityType!: string;
  @Field(() => ID, { description: 'That record' }) @Property({ type: 'string', length: 40 }) entityId!: string;
  @Field(() => String, { description: 'What the sender did about the refusal (undone, flagged, nothing to undo)' }) @Property({ type: 'text' }) compensation!: string;
  /** The department that sees it; null: administrators only. */
  @Field(() => String, { nullable: true }) @Property({ type: 'string', length: 8, nullable: true }) regionCode?: string | null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) personId?: string | null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) supplierId?: string | null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) measureId?: string | null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) orderId?: string | null;
  @Field(() => Date, { description: 'When the receiver refused it' }) @Property({ type: 'datetime' }) refusedAt!: Date;
}
