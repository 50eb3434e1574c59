import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Role, badInput, checkText, decodeUpload, forbidden, invalidTransition, isUuid, notFound, requireIdentity, type Identity } from '@aleumet/core';
import { groupLoader } from '@aleumet/subgraph-kit';
import { FailureTicket, TicketAttachment, TicketStatus } from '../entities/index.js';
import { isReporter } from './ticket.resolver.js';
import type { Context } from './context.js';

/** Attachments of one report: a few screenshots or documents (003 ¶15.1), each a bounded upload. */
export const MAX_ATTACHMENTS_PER_TICKET = 5;

@InputType()
class TicketAttachmentInput {
  @Field(() => String, { description: 'File name as shown, e.g. screenshot.png' }) fileName!: string;
  @Field(() => String, { description: 'application/pdf, image/png or image/jpeg (checked against the content)' }) contentType!: string;
  @Field(() => String, { description: 'The file, base64; at most 700 KiB' }) contentBase64!: string;
}

const perRequest = new WeakMap<object, DataLoader<string, TicketAttachment[]>>();
function attachmentsOf(ctx: Context): DataLoader<string, TicketAttachment[]> {
  let l = perRequest.get(ctx);
  if (!l) {
    l = groupLoader(ctx.em, TicketAttachment, 'ticket');
    perRequest.set(ctx, l);
  }
  return l;
}

/** The reporter (or a person acting for them) and the contact centre only. */
function mayUse(identity: Identity, t: FailureTicket): void {
  if (identity.role !== Role.ADMIN && !isReporter(identity, t)) throw forbidden();
}

@Resolver(() => FailureTicket)
export class TicketAttachmentResolver {
  @Mutation(() => TicketAttachment, { description: 'The reporter or the contact centre attaches a screenshot or document (PDF, PNG, JPEG, at most 700 KiB, 5 per report) to an open report' })
  async attachToFailureTicket(@Arg('ticketId', () => ID) ticketId: string, @Arg('input', () => TicketAttachmentInput) input: TicketAttachmentInput, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    const fileName = checkText(input.fileName, 'input.fileName', LIMITS.title);
    const { bytes, sha256 } = decodeUpload(input.contentType, input.contentBase64, 'An attachment');
    if (!isUuid(ticketId)) throw badInput('Ticket id must be a UUID', 'ticketId');
    const t = await ctx.em.findOne(FailureTicket, { id: ticketId });
    if (!t) throw notFound('FailureTicket', ticketId);
    mayUse(identity, t);
    if (t.status === TicketStatus.CLOSED) throw invalidTransition('FailureTicket', t.status, 'attachment added');
    if ((await ctx.em.count(TicketAttachment, { ticket: t })) >= MAX_ATTACHMENTS_PER_TICKET) {
      throw badInput(`At most ${MAX_ATTACHMENTS_PER_TICKET} attachments per report`, 'input');
    }
    const a = ctx.em.create(TicketAttachment, { ticket: t, fileName, contentType: input.contentType, size: bytes.length, sha256, content: bytes, uploadedBy: identity.sub });
    await ctx.em.flush();
    return a;
  }

  @Query(() => String, { description: 'The content of an attachment, base64: the reporter and the contact centre only' })
  async ticketAttachmentContent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    const identity = requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Attachment id must be a UUID', 'id');
    const a = await ctx.em.findOne(TicketAttachment, { id }, { populate: ['content', 'ticket'] });
    if (!a) throw notFound('TicketAttachment', id);
    mayUse(identity, a.ticket);
    if (!a.content) throw notFound('TicketAttachment content', id);
    return a.content.toString('base64');
  }

  @FieldResolver(() => [TicketAttachment], { description: `Attached screenshots and documents (at most ${MAX_ATTACHMENTS_PER_TICKET}), oldest first` })
  async attachments(@Root() t: FailureTicket, @Ctx() ctx: Context) {
    return [...(await attachmentsOf(ctx).load(t.id))].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
}
