import DataLoader from 'dataloader';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { LIMITS, Role, badInput, checkOptionalText, checkText, forbidden, isUuid, notFound, requireIdentity, requireRole, type Identity } from '@aleumet/core';
import { ConnectionType, PageArgs, groupLoader, paginate } from '@aleumet/subgraph-kit';
import { astanaWorkingTime, startOfLocalDay } from '@aleumet/calendar';
import { FailureTicket, TicketChannel, TicketClock, TicketEvent, TicketStatus, TicketStep } from '../entities/ticket.js';
import { NotificationDelivery } from '../entities/notification.js';
import { applyStep, planClock } from '../domain/ticket-clocks.js';
import { notifyReporter } from '../domain/notifications.js';
import { runNotificationSender } from '../domain/notification-sender.js';
import type { Context } from './context.js';

const TicketConnection = ConnectionType('FailureTicket', FailureTicket);

export enum ClockState { ON_TIME = 'ON_TIME', NEAR = 'NEAR', BREACHED = 'BREACHED', MET = 'MET', MISSED = 'MISSED' }
registerEnumType(ClockState, { name: 'ClockState', description: 'Pending: ON_TIME, NEAR (75% of the allowance used), BREACHED; stopped: MET or MISSED' });

@ObjectType({ description: 'One service-level clock of a ticket, in working time (9:00–18:30 Astana, working days)' })
class TicketClockView {
  @Field(() => TicketStep, { description: 'The step that stops this clock' }) step!: TicketStep;
  @Field(() => Int) allowanceMinutes!: number;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date, { nullable: true }) doneAt!: Date | null;
  @Field(() => ClockState) state!: ClockState;
  @Field(() => Int, { description: 'Working minutes left (negative: overdue); 0 once stopped' }) remainingWorkingMinutes!: number;
}

@ObjectType()
class BreachCount {
  @Field(() => TicketStep) step!: TicketStep;
  @Field(() => Int, { description: 'Clocks due in the month' }) due!: number;
  @Field(() => Int, { description: 'Of those, stopped late or still running past the deadline' }) breached!: number;
}

@ObjectType({ description: 'Service-level breaches of the contact center in one month (Astana time), by the month of the deadline' })
class TicketBreachReport {
  @Field(() => Int) year!: number;
  @Field(() => Int) month!: number;
  @Field(() => Int) due!: number;
  @Field(() => Int) breached!: number;
  @Field(() => [BreachCount]) byStep!: BreachCount[];
}

@InputType()
class ReportFailureInput {
  @Field(() => String) description!: string;
  @Field(() => TicketChannel, { defaultValue: TicketChannel.PORTAL }) channel!: TicketChannel;
  @Field(() => String, { nullable: true, description: 'Phone or e-mail for the answer' }) contact?: string;
  @Field(() => String, { nullable: true, description: 'Operator only: the name of the person reporting by phone' }) reporterName?: string;
  @Field(() => ID, { nullable: true, description: 'Operator only: the person reporting, when known' }) reporterPersonId?: string;
}

@InputType()
class TicketStepInput {
  @Field(() => TicketStep) step!: TicketStep;
  @Field(() => String, { nullable: true }) note?: string;
  @Field(() => Boolean, { nullable: true, description: 'ANALYSE: does the failure need escalation?' }) escalate?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'DECIDE: does the decision need a fix?' }) fixRequired?: boolean;
  @Field(() => String, { nullable: true, description: 'DECIDE: the decision told to the reporter' }) decision?: string;
  @Field(() => Date, { nullable: true, description: 'DECIDE with a fix: when the fix is planned to be done (told to the reporter)' }) plannedFixAt?: Date;
}

/** Per-request loaders of this file, kept beside the request's context (dies with it). */
const perRequest = new WeakMap<object, { clocks: DataLoader<string, TicketClock[]>; events: DataLoader<string, TicketEvent[]> }>();
function loaders(ctx: Context) {
  let l = perRequest.get(ctx);
  if (!l) {
    l = { clocks: groupLoader(ctx.em, TicketClock, 'ticket'), events: groupLoader(ctx.em, TicketEvent, 'ticket') };
    perRequest.set(ctx, l);
  }
  return l;
}

function view(c: TicketClock, now: Date): TicketClockView {
  const wt = astanaWorkingTime();
  let state: ClockState;
  let remaining = 0;
  if (c.doneAt) state = c.doneAt > c.dueAt ? ClockState.MISSED : ClockState.MET;
  else {
    remaining = now < c.dueAt ? Math.round(wt.workingMinutesBetween(now, c.dueAt)) : -Math.round(wt.workingMinutesBetween(c.dueAt, now));
    state = now >= c.dueAt ? ClockState.BREACHED : now >= c.nearAt ? ClockState.NEAR : ClockState.ON_TIME;
  }
  return { step: c.step, allowanceMinutes: c.allowanceMinutes, startedAt: c.startedAt, dueAt: c.dueAt, doneAt: c.doneAt ?? null, state, remainingWorkingMinutes: remaining };
}

export const isReporter = (id: Identity, t: FailureTicket) => id.sub === t.reporterSub || (t.reporterPersonId != null && (id.personId === t.reporterPersonId || id.represents.includes(t.reporterPersonId)));

async function loadTicket(ctx: Context, id: string): Promise<FailureTicket> {
  if (!isUuid(id)) throw badInput('Ticket id must be a UUID', 'id');
  const t = await ctx.em.findOne(FailureTicket, { id });
  if (!t) throw notFound('FailureTicket', id);
  return t;
}

@Resolver(() => FailureTicket)
export class TicketResolver {
  @Mutation(() => FailureTicket, { description: 'Report a failure to the contact center (any signed-in user; an administrator as operator on behalf of a caller)' })
  async reportFailure(@Arg('input', () => ReportFailureInput) input: ReportFailureInput, @Ctx() ctx: Context) {
    const id = requireIdentity(ctx.identity);
    const description = checkText(input.description, 'description', LIMITS.text, 5);
    checkOptionalText(input.contact, 'contact', LIMITS.name);
    checkOptionalText(input.reporterName, 'reporterName', LIMITS.name);
    const operator = id.role === Role.ADMIN && (input.reporterName || input.reporterPersonId);
    if (!operator && (input.reporterName || input.reporterPersonId)) throw forbidden('Only an operator reports on behalf of someone else');
    if (input.reporterPersonId && !isUuid(input.reporterPersonId)) throw badInput('Person id must be a UUID', 'reporterPersonId');
    let reporterName = input.reporterName?.trim() ?? '';
    const personId = operator ? input.reporterPersonId ?? null : id.personId ?? null;
    if (personId) {
      const person = await ctx.loaders.person.load(personId);
      if (!person) throw notFound('Person', personId);
      reporterName ||= person.fullName;
    }
    if (!reporterName) {
      const staff = await ctx.loaders.staffUser.load(id.sub);
      reporterName = operator ? '' : staff?.fullName ?? id.sub;
    }
    if (!reporterName) throw badInput('The name of the person reporting is required', 'reporterName');
    const now = ctx.runtime.clock.now();
    const t = ctx.em.create(FailureTicket, {
      number: '',
      channel: input.channel, reporterSub: operator ? `operator:${personId ?? reporterName}` : id.sub, reporterPersonId: personId, reporterName,
      reporterContact: input.contact?.trim() || null, operatorSub: operator ? id.sub : null, description, reportedAt: now,
    });
    t.number = `T-${now.getUTCFullYear()}-${t.id.replace(/-/g, '').slice(-10).toUpperCase()}`;
    ctx.em.create(TicketClock, { ticket: t, ...planClock(TicketStep.REGISTER, now) });
    await ctx.em.flush();
    return t;
  }

  @Mutation(() => FailureTicket, { description: 'Contact center (admin): record the next step; stops and starts the service-level clocks' })
  async recordTicketStep(@Arg('id', () => ID) id: string, @Arg('input', () => TicketStepInput) input: TicketStepInput, @Ctx() ctx: Context) {
    const admin = requireRole(ctx.identity, Role.ADMIN);
    checkOptionalText(input.note, 'note', LIMITS.reason);
    checkOptionalText(input.decision, 'decision', LIMITS.reason);
    const now = ctx.runtime.clock.now();
    // Bounded before the ticket is read: within a year from now (003 ¶15.5; applyStep says when it is required).
    if (input.plannedFixAt != null && !(input.plannedFixAt.getTime() > now.getTime() && input.plannedFixAt.getTime() < now.getTime() + 366 * 86_400_000)) {
      throw badInput('The planned fix time must be within a year from now', 'input.plannedFixAt');
    }
    const t = await loadTicket(ctx, id);
    const [clocks, events] = await Promise.all([ctx.em.find(TicketClock, { ticket: t }), ctx.em.find(TicketEvent, { ticket: t })]);
    const { stop, start } = applyStep(t, new Set(events.map((e) => e.step)), input.step, input, now);
    for (const c of clocks) if (stop.includes(c.step) && !c.doneAt) c.doneAt = now;
    for (const step of start) ctx.em.create(TicketClock, { ticket: t, ...planClock(step, now) });
    ctx.em.create(TicketEvent, { ticket: t, step: input.step, at: now, actorSub: admin.sub, note: input.note?.trim() || null });
    // "Notify the reporter" steps send the message (in-app, SMS, e-mail) and record it with the step;
    // the clock stops now, and the sending happens right after commit (the scheduler retries a failure).
    const told = input.step === TicketStep.NOTIFY_DECISION || input.step === TicketStep.NOTIFY_FIX
      ? await notifyReporter(ctx.em, t, input.step === TicketStep.NOTIFY_DECISION ? t.decision ?? '' : input.note?.trim() || t.decision || '', now)
      : null;
    await ctx.em.flush();
    if (told) {
      const deliveries = await ctx.em.find(NotificationDelivery, { notification: { source: told } });
      if (deliveries.length) await runNotificationSender(ctx.em, ctx.runtime, now, { deliveryIds: deliveries.map((d) => d.id) });
    }
    return t;
  }

  @Query(() => FailureTicket)
  async failureTicket(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    const t = await loadTicket(ctx, id);
    if (identity.role !== Role.ADMIN && !isReporter(identity, t)) throw forbidden();
    return t;
  }

  @Query(() => TicketConnection, { description: 'Tickets: all for the contact center (admin), otherwise the caller’s own' })
  failureTickets(@Args(() => PageArgs) page: PageArgs, @Arg('status', () => TicketStatus, { nullable: true }) status: TicketStatus | undefined, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    const own = identity.role === Role.ADMIN ? {} : { $or: [{ reporterSub: identity.sub }, ...(identity.personId ? [{ reporterPersonId: { $in: [identity.personId, ...identity.represents] } }] : [])] };
    return paginate(ctx.em, FailureTicket, { ...own, ...(status ? { status } : {}) }, page);
  }

  @Query(() => TicketConnection, { description: 'Admin: open tickets with a clock near (75% used) or past its deadline' })
  async ticketsAtRisk(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const now = ctx.runtime.clock.now();
    const risky = await ctx.em.find(TicketClock, { doneAt: null, nearAt: { $lte: now } }, { fields: ['ticket'] });
    return paginate(ctx.em, FailureTicket, { id: { $in: [...new Set(risky.map((c) => c.ticket.id))] } }, page);
  }

  @Query(() => TicketBreachReport, { description: 'Admin: clocks due in a month (Astana time) and how many were breached' })
  async ticketBreachReport(@Arg('year', () => Int) year: number, @Arg('month', () => Int) month: number, @Ctx() ctx: Context): Promise<TicketBreachReport> {
    requireRole(ctx.identity, Role.ADMIN);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('Year must be 2000..2100', 'year');
    if (!Number.isInteger(month) || month < 1 || month > 12) throw badInput('Month must be 1..12', 'month');
    const pad = (n: number) => String(n).padStart(2, '0');
    const from = startOfLocalDay(`${year}-${pad(month)}-01`);
    const to = startOfLocalDay(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`);
    const now = ctx.runtime.clock.now();
    const clocks = await ctx.em.find(TicketClock, { dueAt: { $gte: from, $lt: to } }, { fields: ['step', 'dueAt', 'doneAt'] });
    const byStep = new Map<TicketStep, BreachCount>();
    for (const c of clocks) {
      const row = byStep.get(c.step) ?? { step: c.step, due: 0, breached: 0 };
      row.due++;
      if ((c.doneAt ?? now) > c.dueAt) row.breached++;
      byStep.set(c.step, row);
    }
    const rows = Object.values(TicketStep).map((s) => byStep.get(s)).filter((r): r is BreachCount => !!r);
    return { year, month, due: clocks.length, breached: rows.reduce((a, r) => a + r.breached, 0), byStep: rows };
  }

  @FieldResolver(() => [TicketClockView], { description: 'The service-level clocks started so far, with their state now' })
  async clocks(@Root() t: FailureTicket, @Ctx() ctx: Context) {
    const now = ctx.runtime.clock.now();
    const order = Object.values(TicketStep);
    // Clocks started by one step share a start: order them by the Rules' sequence.
    return [...(await loaders(ctx).clocks.load(t.id))]
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || order.indexOf(a.step) - order.indexOf(b.step))
      .map((c) => view(c, now));
  }

  @FieldResolver(() => [TicketEvent], { description: 'Every recorded step, oldest first' })
  async steps(@Root() t: FailureTicket, @Ctx() ctx: Context) {
    return [...(await loaders(ctx).events.load(t.id))].sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}
