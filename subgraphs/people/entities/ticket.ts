import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/**
 * A contact-center failure ticket and the Rules' service levels, counted in working time
 * (9:00–18:30 Astana, working days): register ≤ 3 h after the report; analyse ≤ 1 working day
 * after registration; escalate ≤ 3 h after the analysis (when it asks for it); notify the reporter
 * ≤ 30 min after the decision; start the fix ≤ 1 working day after the decision (when one is needed);
 * notify the reporter ≤ 3 h after the fix.
 */
export enum TicketStatus {
  REPORTED = 'REPORTED', REGISTERED = 'REGISTERED', ANALYSED = 'ANALYSED', ESCALATED = 'ESCALATED', DECIDED = 'DECIDED',
  FIX_IN_PROGRESS = 'FIX_IN_PROGRESS', FIXED = 'FIXED', CLOSED = 'CLOSED',
}
export enum TicketStep {
  REGISTER = 'REGISTER', ANALYSE = 'ANALYSE', ESCALATE = 'ESCALATE', DECIDE = 'DECIDE', NOTIFY_DECISION = 'NOTIFY_DECISION',
  START_FIX = 'START_FIX', FINISH_FIX = 'FINISH_FIX', NOTIFY_FIX = 'NOTIFY_FIX',
}
/** How the report came in (seeds 003 ¶16: the voice line, messengers and the portal's chat-bot are the contact centre's channels). */
export enum TicketChannel { PORTAL = 'PORTAL', PHONE = 'PHONE', EMAIL = 'EMAIL', MESSENGER = 'MESSENGER', CHAT_BOT = 'CHAT_BOT' }
registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(TicketStep, { name: 'TicketStep', description: 'A recorded step of a ticket; most start or stop a service-level clock' });
registerEnumType(TicketChannel, { name: 'TicketChannel', description: 'PORTAL, PHONE (voice line), EMAIL, MESSENGER, CHAT_BOT (the portal\'s chat-bot)' });

@ObjectType({ description: 'A failure report to the contact center' })
@Entity({ tableName: 'failure_ticket' })
@Index({ properties: ['status', 'reportedAt'] })
export class FailureTicket extends BaseEntity<
  'status' | 'reporterPersonId' | 'reporterContact' | 'escalate' | 'fixRequired' | 'decision' | 'closedAt' | 'anonymizedAt' | 'operatorSub' | 'plannedFixAt'
> {
  @Field(() => String) @Property({ type: 'string', unique: true }) number!: string;
  @Field(() => TicketStatus) @Enum({ items: () => TicketStatus }) status: TicketStatus = TicketStatus.REPORTED;
  @Field(() => TicketChannel) @Enum({ items: () => TicketChannel }) channel!: TicketChannel;
  /** Who reported (the signed-in user, or the person an operator reported for). */
  @Property({ type: 'string', index: true }) reporterSub!: string;
  @Property({ type: 'uuid', nullable: true, index: true }) reporterPersonId?: string | null;
  @Field(() => String) @Property({ type: 'string' }) reporterName!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', nullable: true }) reporterContact?: string | null;
  /** The operator who took the report on the reporter's behalf. */
  @Property({ type: 'string', nullable: true }) operatorSub?: string | null;
  @Field(() => String) @Property({ type: 'text' }) description!: string;
  @Field(() => Date) @Property({ type: 'datetime' }) reportedAt!: Date;
  @Field(() => Boolean, { nullable: true, description: 'The analysis asked for an escalation' }) @Property({ type: 'boolean', nullable: true }) escalate?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The decision needs a fix' }) @Property({ type: 'boolean', nullable: true }) fixRequired?: boolean | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) decision?: string | null;
  /** 003 ¶15.5: a confirmed failure is told to the reporter with the planned time and date of its fix. */
  @Field(() => Date, { nullable: true, description: 'A confirmed failure: when the fix is planned to be done (told to the reporter)' })
  @Property({ type: 'datetime', nullable: true })
  plannedFixAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true, index: true }) closedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When retention removed the personal data' }) @Property({ type: 'datetime', nullable: true }) anonymizedAt?: Date | null;
}

/** One service-level clock of a ticket: started by one step, stopped by another. */
@Entity({ tableName: 'ticket_clock' })
@Index({ properties: ['doneAt', 'nearAt'] })
@Index({ properties: ['dueAt'] })
export class TicketClock extends BaseEntity<'doneAt'> {
  @ManyToOne(() => FailureTicket, { index: true }) ticket!: FailureTicket;
  /** The step that stops this clock. */
  @Enum({ items: () => TicketStep }) step!: TicketStep;
  @Property({ type: 'integer' }) allowanceMinutes!: number;
  @Property({ type: 'datetime' }) startedAt!: Date;
  @Property({ type: 'datetime' }) dueAt!: Date;
  /** 75% of the allowance used: from here the ticket is "near its deadline". */
  @Property({ type: 'datetime' }) nearAt!: Date;
  @Property({ type: 'datetime', nullable: true }) doneAt?: Date | null;
}

@ObjectType({ description: 'A recorded step of a ticket' })
@Entity({ tableName: 'ticket_event' })
export class TicketEvent extends BaseEntity<'note'> {
  @ManyToOne(() => FailureTicket, { index: true }) ticket!: FailureTicket;
  @Field(() => TicketStep) @Enum({ items: () => TicketStep }) step!: TicketStep;
  @Field(() => Date) @Property({ type: 'datetime' }) at!: Date;
  @Property({ type: 'string' }) actorSub!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) note?: string | null;
}
