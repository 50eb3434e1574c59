import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, ServiceKind } from '@aleumet/subgraph-kit';

/**
 * A recipient's complaint about a supplier or an order (seeds 004 ¶11): registered on receipt and
 * answered by the department within 5 working days of that registration; forwarded to the reviewing
 * body within 3 working days, unless the complaint was fully satisfied within those 3 days (SATISFIED:
 * not forwarded); the quality authority answers within 15 working days of its own registration.
 */
export enum ComplaintStatus { RECEIVED = 'RECEIVED', FORWARDED = 'FORWARDED', ANSWERED = 'ANSWERED', SATISFIED = 'SATISFIED' }
export enum ResponsibleBody { EMPLOYMENT_DEPARTMENT = 'EMPLOYMENT_DEPARTMENT', QUALITY_AUTHORITY = 'QUALITY_AUTHORITY' }
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus', description: 'RECEIVED → FORWARDED → ANSWERED; or RECEIVED → SATISFIED (fully satisfied within 3 working days, not forwarded)' });
registerEnumType(ResponsibleBody, { name: 'ResponsibleBody', description: "The recipient's region's employment department (5 working days) or the quality authority (15)" });

@ObjectType({ description: 'A complaint about a supplier or an order' })
@Entity({ tableName: 'complaint' })
@Index({ properties: ['status', 'forwardDueAt'] })
@Index({ properties: ['status', 'answerDueAt'] })
export class Complaint extends BaseEntity<
  'status' | 'supplierId' | 'orderId' | 'serviceKind' | 'forwardedAt' | 'forwardedTo' | 'answerDueAt' | 'answeredAt' | 'answer' | 'answeredBy' | 'anonymizedAt' | 'personId'
> {
  /** The complaining recipient; null once retention anonymized the complaint. */
  @Property({ type: 'uuid', nullable: true, index: true }) personId?: string | null;
  @Field(() => String) @Property({ type: 'string', length: 8, index: true }) regionCode!: string;
  @Property({ type: 'string' }) filedBy!: string;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true, index: true }) supplierId?: string | null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true, index: true }) orderId?: string | null;
  @Field(() => ServiceKind, { nullable: true }) @Enum({ items: () => ServiceKind, nullable: true }) serviceKind?: ServiceKind | null;
  @Field(() => String) @Property({ type: 'text' }) text!: string;
  @Field(() => ComplaintStatus) @Enum({ items: () => ComplaintStatus }) status: ComplaintStatus = ComplaintStatus.RECEIVED;
  @Field(() => Date) @Property({ type: 'datetime' }) receivedAt!: Date;
  @Field(() => Date, { description: 'Forward to the responsible body by then (3 working days)' }) @Property({ type: 'datetime' }) forwardDueAt!: Date;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) forwardedAt?: Date | null;
  @Field(() => ResponsibleBody, { nullable: true }) @Enum({ items: () => ResponsibleBody, nullable: true }) forwardedTo?: ResponsibleBody | null;
  @Field(() => Date, { nullable: true, description: 'Answer by then: 5 working days after registration (the department); 15 after forwarding to the quality authority' })
  @Property({ type: 'datetime', nullable: true })
  answerDueAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) answeredAt?: Date | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) answer?: string | null;
  @Property({ type: 'string', nullable: true }) answeredBy?: string | null;
  /** ORDER_FORM, PROSTHETICS_CARD (a complaint about an S4 order: kept permanently) or COMPLAINT. */
  @Field(() => String, { description: 'Retention class: ORDER_FORM, PROSTHETICS_CARD (permanent) or COMPLAINT' }) @Property({ type: 'string', length: 30 }) retentionClass!: string;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) anonymizedAt?: Date | null;
}
