import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';
import { FailureTicket } from './ticket.js';

/**
 * A supporting document of a failure report (seeds 003 ¶15.1: the request is registered "with the
 * supporting documents attached, if any"; ¶15.2: screenshots and other electronic documents are
 * analysed): PDF, PNG or JPEG. The bytes live in a lazy column, never loaded by lists, and are removed
 * with the ticket's personal data at retention.
 */
@ObjectType({ description: 'A file attached to a failure report: screenshot or document' })
@Entity({ tableName: 'ticket_attachment' })
export class TicketAttachment extends BaseEntity<'content' | 'purgedAt'> {
  @ManyToOne(() => FailureTicket, { index: true }) ticket!: FailureTicket;
  @Field(() => String) @Property({ type: 'string' }) fileName!: string;
  @Field(() => String, { description: 'application/pdf, image/png or image/jpeg' }) @Property({ type: 'string' }) contentType!: string;
  @Field(() => Int, { description: 'Size in bytes' }) @Property({ type: 'integer' }) size!: number;
  @Field(() => String, { description: 'SHA-256 of the content, hex' }) @Property({ type: 'string', length: 64 }) sha256!: string;
  @Property({ type: 'blob', lazy: true, nullable: true }) content?: Buffer | null;
  @Property({ type: 'string' }) uploadedBy!: string;
  @Field(() => Date, { nullable: true, description: 'When retention removed the content' }) @Property({ type: 'datetime', nullable: true }) purgedAt?: Date | null;
}
