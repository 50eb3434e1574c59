import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Role, RetentionClass, actsFor, assertAccess, badInput, checkText, forbidden, invalidTransition, isUuid, listScope, notFound, requireIdentity, requireRole, retentionClassOfKind, scopeWhere } from '@aleumet/core';
import { ServiceCallError, callSubgraph, serviceIdentity } from '@aleumet/runtime';
import { ConnectionType, PageArgs, ServiceKind, paginate } from '@aleumet/subgraph-kit';
import { addWorkingDays } from '@aleumet/calendar';
import { Complaint, ComplaintStatus, ResponsibleBody } from '../entities/complaint.js';
import { createNotifications } from '../domain/notifications.js';
import type { Context } from './context.js';

/**
 * Complaints (seeds 004 ¶11): registered on receipt; the department answers within 5 working days of
 * that registration, however long the forwarding took; forwarded to the reviewing body within 3
 * working days unless fully satisfied by then (and then not forwarded); the quality authority answers
 * within 15 working days of the forwarding (its registration). "Within N working days" = by the end of
 * the N-th working day after the day of the event (Asia/Almaty calendar, @aleumet/calendar).
 */
export const FORWARD_WITHIN_WORKING_DAYS = 3;
export const ANSWER_WITHIN_WORKING_DAYS: Record<ResponsibleBody, number> = { EMPLOYMENT_DEPARTMENT: 5, QUALITY_AUTHORITY: 15 };
const SCOPE = 'complaints:read';

const ComplaintConnection = ConnectionType('Complaint', Complaint);

@InputType()
class ComplaintInput {
  @Field(() => ID, { nullable: true, description: 'The recipient complaining (default: the caller; a representative: a principal)' }) personId?: string;
  @Field(() => ID, { nullable: true, description: 'The order complained about' }) orderId?: string;
  @Field(() => ID, { nullable: true, description: 'The supplier complained about (taken from the order when an order is given)' }) supplierId?: string;
  @Field(() => String) text!: string;
}

interface OrderView { order: { id: string; kind: ServiceKind | null; regionCode: string; recipient: { id: string }; supplier: { id: string }; measure: { id: string } } }
const ORDER = `query($id: ID!) { order(id: $id) { id kind regionCode recipient { id } supplier { id } measure { id } } }`;
// Orders placed before orders stored the kind (seeded ones): the measure tells it.
const MEASURE_KIND = `query($id: ID!) { measure(id: $id) { kind } }`;
const SUPPLIER = `query($id: ID!) { supplier(id: $id) { id } }`;

async function ask<T>(ctx: Context, target: 'orders' | 'catalog' | 'programs', scopes: string[], query: string, id: string, entity: string): Promise<T> {
  try {
    return await callSubgraph<T>(ctx.runtime.peers.url(target), serviceIdentity('people', scopes), query, { id });
  } catch (e) {
    if (e instanceof ServiceCallError && e.code === 'NOT_FOUND') throw notFound(entity, id);
    throw e;
  }
}

const overdueWhere = (now: Date) => ({
  $or: [
    { status: ComplaintStatus.RECEIVED, forwardDueAt: { $lt: now } },
    { status: ComplaintStatus.RECEIVED, answerDueAt: { $lt: now } },
    { status: ComplaintStatus.FORWARDED, answerDueAt: { $lt: now } },
  ],
});

/** Department, admins, the recipient and representatives; the record's region is the recipient's. */
const owned = (c: Complaint) => ({ personId: c.personId ?? '', regionCode: c.regionCode, supplierId: null });

async function loadComplaint(ctx: Context, id: string): Promise<Complaint> {
  if (!isUuid(id)) throw badInput('Complaint id must be a UUID', 'id');
  const c = await ctx.em.findOne(Complaint, { id });
  if (!c) throw notFound('Complaint', id);
  return c;
}

/**
 * The complainant is told the answer (in-app, SMS and e-mail by their settings and language), in the
 * transaction that records it (004 ¶11: the complaint is answered to the person who made it).
 */
async function tellComplainant(ctx: Context, c: Complaint): Promise<void> {
  if (!c.personId || !c.answer) return;
  await createNotifications(ctx.em, {
    source: `people:complaint:${c.id}:answer`, template: 'COMPLAINT_ANSWERED', personId: c.personId, supplierId: null, regionCode: c.regionCode, orderId: c.orderId ?? null,
    params: { deadline: c.receivedAt.toISOString(), step: c.answer },
  }, ctx.runtime.clock.now());
}

/** An answer (or the record of satisfaction) comes from an administrator or the department of the complaint's region. */
async function toAnswer(ctx: Context, id: string, answer: string) {
  const identity = requireRole(ctx.identity, Role.ADMIN, Role.EMPLOYMENT_DEPARTMENT);
  const text = checkText(answer, 'answer', LIMITS.text);
  const c = await loadComplaint(ctx, id);
  if (identity.role === Role.EMPLOYMENT_DEPARTMENT && identity.regionCode !== c.regionCode) throw forbidden();
  return { identity, text, c };
}

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Mutation(() => Complaint, { description: 'A recipient (or representative; or an administrator on their behalf) complains about a supplier or an order' })
  async fileComplaint(@Arg('input', () => ComplaintInput) input: ComplaintInput, @Ctx() ctx: Context) {
    const id = requireRole(ctx.identity, Role.RECIPIENT, Role.REPRESENTATIVE, Role.ADMIN);
    const personId = input.personId ?? id.personId;
    if (!personId || !isUuid(personId)) throw badInput('Whose complaint is it? Give personId', 'personId');
    if (id.role !== Role.ADMIN && !actsFor(id, personId)) throw forbidden('You may complain for yourself or a person you represent');
    if (input.text.length > LIMITS.text || input.text.trim().length < 10) throw badInput(`Describe the complaint in 10–${LIMITS.text} characters`, 'text');
    const text = input.text.trim();
    if (input.orderId != null && !isUuid(input.orderId)) throw badInput('Order id must be a UUID', 'orderId');
    if (input.supplierId != null && !isUuid(input.supplierId)) throw badInput('Supplier id must be a UUID', 'supplierId');
    if (!input.orderId && !input.supplierId) throw badInput('A complaint is about an order or a supplier', 'orderId');
    const person = await ctx.loaders.person.load(personId);
    if (!person) throw notFound('Person', personId);

    let supplierId = input.supplierId ?? null;
    let serviceKind: ServiceKind | null = null;
    let retentionClass: RetentionClass = RetentionClass.COMPLAINT;
    if (input.orderId) {
      if (!isUuid(input.orderId)) throw badInput('Order id must be a UUID', 'orderId');
      const { order } = await ask<OrderView>(ctx, 'orders', ['orders:read'], ORDER, input.orderId, 'Order');
      if (order.recipient.id !== personId) throw forbidden('This order is not of the complaining person');
      if (supplierId && supplierId !== order.supplier.id) throw badInput('The supplier is not the one of the order', 'supplierId');
      supplierId = order.supplier.id;
      serviceKind = order.kind ?? (await ask<{ measure: { kind: ServiceKind } }>(ctx, 'programs', ['programs:read'], MEASURE_KIND, order.measure.id, 'Measure')).measure.kind;
      // A complaint is part of its order's file: an S4 order's belongs to the prosthetics card (permanent).
      retentionClass = retentionClassOfKind(serviceKind);
    } else {
      if (!isUuid(supplierId!)) throw badInput('Supplier id must be a UUID', 'supplierId');
      await ask(ctx, 'catalog', ['catalog:read'], SUPPLIER, supplierId!, 'Supplier');
    }
    const now = ctx.runtime.clock.now();
    const complaint = ctx.em.create(Complaint, {
      personId, regionCode: person.regionCode, filedBy: id.sub, supplierId, orderId: input.orderId ?? null, serviceKind, text,
      receivedAt: now, forwardDueAt: addWorkingDays(now, FORWARD_WITHIN_WORKING_DAYS), retentionClass,
      // 004 ¶11: the department's 5 working days run from the registration, not from the forwarding.
      answerDueAt: addWorkingDays(now, ANSWER_WITHIN_WORKING_DAYS.EMPLOYMENT_DEPARTMENT),
    });
    await ctx.em.flush();
    return complaint;
  }

  @Mutation(() => Complaint, { description: 'Admin: forward a received complaint to the responsible body; starts the answer deadline' })
  async forwardComplaint(@Arg('id', () => ID) id: string, @Arg('to', () => ResponsibleBody) to: ResponsibleBody, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const c = await loadComplaint(ctx, id);
    if (c.status !== ComplaintStatus.RECEIVED) throw invalidTransition('Complaint', c.status, ComplaintStatus.FORWARDED);
    const now = ctx.runtime.clock.now();
    // The department keeps the deadline counted from the registration; the quality authority registers it anew (004 ¶11).
    const answerDueAt = to === ResponsibleBody.QUALITY_AUTHORITY ? addWorkingDays(now, ANSWER_WITHIN_WORKING_DAYS[to]) : c.answerDueAt ?? addWorkingDays(c.receivedAt, ANSWER_WITHIN_WORKING_DAYS[to]);
    Object.assign(c, { status: ComplaintStatus.FORWARDED, forwardedAt: now, forwardedTo: to, answerDueAt });
    await ctx.em.flush();
    return c;
  }

  @Mutation(() => Complaint, { description: "Admin or the recipient's region's employment department: record the answer of a forwarded complaint" })
  async answerComplaint(@Arg('id', () => ID) id: string, @Arg('answer', () => String) answer: string, @Ctx() ctx: Context) {
    const { identity, text, c } = await toAnswer(ctx, id, answer);
    if (c.status !== ComplaintStatus.FORWARDED) throw invalidTransition('Complaint', c.status, ComplaintStatus.ANSWERED);
    Object.assign(c, { status: ComplaintStatus.ANSWERED, answeredAt: ctx.runtime.clock.now(), answer: text, answeredBy: identity.sub });
    await tellComplainant(ctx, c);
    await ctx.em.flush();
    return c;
  }

  @Mutation(() => Complaint, {
    description: "Admin or the recipient's region's employment department: the complaint's demands were fully satisfied within 3 working days of its registration; it is closed with that answer and not forwarded (004 ¶11)",
  })
  async satisfyComplaint(@Arg('id', () => ID) id: string, @Arg('answer', () => String) answer: string, @Ctx() ctx: Context) {
    const { identity, text, c } = await toAnswer(ctx, id, answer);
    if (c.status !== ComplaintStatus.RECEIVED) throw invalidTransition('Complaint', c.status, ComplaintStatus.SATISFIED);
    const now = ctx.runtime.clock.now();
    // Past the 3 working days the complaint had to be forwarded: satisfying it now is an answer of the reviewing body.
    if (c.forwardDueAt < now) throw invalidTransition('Complaint', `${c.status} (3 working days over)`, ComplaintStatus.SATISFIED, { reason: 'FORWARD_DEADLINE_PASSED' });
    Object.assign(c, { status: ComplaintStatus.SATISFIED, answeredAt: now, answer: text, answeredBy: identity.sub });
    await tellComplainant(ctx, c);
    await ctx.em.flush();
    return c;
  }

  @Query(() => Complaint)
  async complaint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    const c = await loadComplaint(ctx, id);
    assertAccess(ctx.identity, owned(c), SCOPE);
    return c;
  }

  @Query(() => ComplaintConnection, {
    description: "Complaints the caller may see (admin: all; department: its region; recipient: own). overdue: past the forwarding or answer deadline",
  })
  complaints(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => ComplaintStatus, { nullable: true }) status: ComplaintStatus | undefined,
    @Arg('overdue', () => Boolean, { defaultValue: false }) overdue: boolean,
    @Ctx() ctx: Context,
  ) {
    const scope = listScope(ctx.identity, SCOPE);
    if ('supplierId' in scope) throw forbidden('Complaints are handled by the portal and the employment departments');
    const now = ctx.runtime.clock.now();
    return paginate(ctx.em, Complaint, { ...scopeWhere(scope), ...(status ? { status } : {}), ...(overdue ? overdueWhere(now) : {}) }, page);
  }

  @FieldResolver(() => Boolean, { description: 'Past the forwarding deadline (not forwarded) or the answer deadline (not answered or satisfied)' })
  overdue(@Root() c: Complaint, @Ctx() ctx: Context): boolean {
    const now = ctx.runtime.clock.now();
    const late = c.answerDueAt != null && c.answerDueAt < now;
    return (c.status === ComplaintStatus.RECEIVED && (c.forwardDueAt < now || late)) || (c.status === ComplaintStatus.FORWARDED && late);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The complaining recipient (null after retention)' })
  personId(@Root() c: Complaint): string | null {
    return c.personId ?? null;
  }
}
