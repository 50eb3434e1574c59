import { Directive, Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { LockMode, OptimisticLockError, type EntityManager } from '@mikro-orm/postgresql';
import {
  LIMITS, Role, assertAccess, badInput, checkCalendarDate, checkList, checkText, checkVersion, checkYearMonth, conflict, forbidden, invalidTransition, isUuid, listScope, notFound, requireIdentity, scopeWhere, type Identity,
} from '@aleumet/core';
import { ConnectionType, PageArgs, paginate, paginateLoaded } from '@aleumet/subgraph-kit';
import { enqueueCommand, firstTime, requireService } from '@aleumet/events';
import { localDate } from '@aleumet/calendar';
import { ActStatus, JournalEntry, Order, OrderStatus, ServiceAct, SessionMode, SignedDocumentKind } from '../entities/index.js';
import { keepSigned } from '../domain/signed-documents.js';
import { actDecisionDocument, verifyOfficerSignature } from '../domain/department-signature.js';
import { deliverNow, isServiceKind } from '../domain/effects.js';
import { serviceUntil } from '../domain/service-period.js';
import { canonicalize } from '@aleumet/signing';
import { checkSignatureArgs, supplierDocument, verifySupplierSignature } from '../domain/supplier-signature.js';
import { SCOPE } from './order.resolver.js';
import type { Context } from './context.js';

/** Limits from the service standards. */
export const S1_MAX_MINUTES_PER_DAY = 8 * 60;
export const S2_MAX_MINUTES_PER_YEAR = 60 * 60;

const JournalConnection = ConnectionType('JournalEntry', JournalEntry);
const ActConnection = ConnectionType('ServiceAct', ServiceAct);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCKED = [ActStatus.SUBMITTED, ActStatus.APPROVED, ActStatus.PAID];

@InputType()
class JournalEntryInput {
  @Field(() => String, { description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => String, { description: 'HH:MM (Asia/Almaty)' }) startTime!: string;
  @Field(() => String, { description: 'HH:MM, after startTime, same day' }) endTime!: string;
  @Field(() => [String], { nullable: true, description: 'S1: places visited (at least one)' }) places?: string[];
  @Field(() => SessionMode, { nullable: true, description: 'S2: online or offline' }) mode?: SessionMode;
}

export enum ActDecisionAction { APPROVE = 'APPROVE', RETURN = 'RETURN' }
registerEnumType(ActDecisionAction, { name: 'ActDecisionAction', description: "The department's decision on a submitted act, signed by the officer's EDS" });

const SIGNATURE_HELP = "The officer's EDS over serviceActDecisionDocument: CMS SignedData of the officer's individual signing key (NCALayer); development only: base64 ECDSA signature of the development signer";
const CERTIFICATE_HELP = 'PEM certificate of the development signer; omit for a CMS signature';

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

function asSupplierOf(identity: Identity, o: { supplierId: string; personId: string; regionCode: string }) {
  assertAccess(identity, o, SCOPE);
  if (identity.role !== Role.SUPPLIER || identity.supplierId !== o.supplierId) throw forbidden('Only the supplier of the order does this');
}
function asDepartmentOf(identity: Identity, a: ServiceAct) {
  assertAccess(identity, a, SCOPE);
  if (!(identity.role === Role.ADMIN || (identity.role === Role.EMPLOYMENT_DEPARTMENT && identity.regionCode === a.regionCode))) {
    throw forbidden('Only the employment department of the region approves or returns acts');
  }
}

async function lockOrder(tx: EntityManager, id: string): Promise<Order> {
  if (!isUuid(id)) throw badInput('Order id must be a UUID', 'orderId');
  // Row lock: concurrent journal writes for one order are serialized, so limits and overlaps hold.
  const order = await tx.findOne(Order, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!order) throw notFound('Order', id);
  return order;
}

/** The act as the supplier submits it (seeds 004 ¶42): period, hours and amounts; its version binds the signature to what the supplier saw. */
function actDocument(a: ServiceAct): Record<string, unknown> {
  return supplierDocument('SUBMIT_ACT', a.supplierId, {
    act: {
      id: a.id, orderId: a.orderId, version: a.version, kind: a.kind, itemTypeCode: a.itemTypeCode, period: a.period, minutes: a.minutes,
      amounts: { currency: 'KZT', unit: 'tiyn', unitPrice: a.unitPrice, cost: a.cost, statePart: a.statePart, coPayment: a.coPayment },
    },
  });
}

/** The act, read for a caller who must be its supplier (`asSupplierOf`) or its region's department (`asDepartmentOf`). */
async function actFor(ctx: Context, id: string, authorize: (identity: Identity, a: ServiceAct) => void): Promise<ServiceAct> {
  const identity = requireIdentity(ctx.identity);
  if (!isUuid(id)) throw badInput('Act id must be a UUID', 'id');
  const act = await ctx.em.fork().findOne(ServiceAct, id);
  if (!act) throw notFound('ServiceAct', id);
  authorize(identity, act);
  return act;
}
const supplierAct = (ctx: Context, id: string) => actFor(ctx, id, asSupplierOf);
const departmentAct = (ctx: Context, id: string) => actFor(ctx, id, asDepartmentOf);

/**
 * The officer's signature of the decision, checked before the transaction (it may call OCSP/CRL):
 * arguments, then the act and the caller's right to decide, then the signature. A stale version is
 * the CONFLICT of the change, whatever was signed.
 */
async function officerSigned(
  ctx: Context, id: string, version: number, action: 'APPROVE_ACT' | 'RETURN_ACT', reason: string | null, signature: string, certificate: string | null | undefined,
) {
  const identity = requireIdentity(ctx.identity);
  if (!isUuid(id)) throw badInput('Act id must be a UUID', 'id');
  checkVersion(version);
  // Arguments first (a missing signature is INVALID_SIGNATURE UNSIGNED), as for the supplier's act.
  checkSignatureArgs(signature, certificate);
  const read = await departmentAct(ctx, id);
  if (read.version !== version) throw conflict(`Act was changed meanwhile (version ${read.version}, you sent ${version}); reload it`, { currentVersion: read.version, currentStatus: read.status });
  if (read.status !== ActStatus.SUBMITTED) throw invalidTransition('ServiceAct', read.status, action === 'APPROVE_ACT' ? ActStatus.APPROVED : ActStatus.RETURNED);
  const record = await verifyOfficerSignature(ctx.runtime, identity.sub, actDecisionDocument(read, action, reason), signature, certificate);
  return { read, record };
}

async function changeAct(ctx: Context, id: string, version: number, change: (tx: EntityManager, act: ServiceAct, identity: Identity) => string[] | void): Promise<ServiceAct> {
  const identity = requireIdentity(ctx.identity);
  if (!isUuid(id)) throw badInput('Act id must be a UUID', 'id');
  checkVersion(version);
  let commandIds: string[] = [];
  try {
    const act = await ctx.em.fork().transactional(async (tx) => {
      const a = await tx.findOne(ServiceAct, id);
      if (!a) throw notFound('ServiceAct', id);
      assertAccess(identity, a, SCOPE);
      if (a.version !== version) throw conflict(`Act was changed meanwhile (version ${a.version}, you sent ${version}); reload it`, { currentVersion: a.version, currentStatus: a.status });
      commandIds = change(tx, a, identity) ?? [];
      await tx.flush();
      return a;
    });
    await deliverNow(ctx.em, ctx.runtime, commandIds);
    return act;
  } catch (e) {
    if (e instanceof OptimisticLockError) throw conflict('Act was changed meanwhile; reload it');
    throw e;
  }
}

@Resolver(() => ServiceAct)
export class ServiceResolver {
  @Mutation(() => JournalEntry, {
    description: "Supplier: log hours of an accepted S1/S2 order. S1: ≤ 8 hours a day, to the end of the year it was ordered (or the IPR term if earlier), places required; S2: ≤ 60 hours per calendar year, online/offline; limits and overlaps count all of the person's orders of the kind; no zero, negative or overlapping entries; not in a month whose act is submitted or approved",
  })
  async logServiceHours(@Arg('orderId', () => ID) orderId: string, @Arg('input', () => JournalEntryInput) input: JournalEntryInput, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    checkCalendarDate(input.date, 'date');
    if (!TIME.test(input.startTime)) throw badInput('Times are HH:MM', 'startTime');
    if (!TIME.test(input.endTime)) throw badInput('Times are HH:MM', 'endTime');
    const places = checkList(input.places ?? [], 'places', LIMITS.listItems, (p, f) => checkText(p, f, LIMITS.name));
    const minutes = minutesOf(input.endTime) - minutesOf(input.startTime);
    if (minutes <= 0) throw badInput('The end must be after the start (no zero or negative entries)', 'endTime');
    const today = localDate(ctx.runtime.clock.now());
    if (input.date > today) throw badInput('Hours cannot be logged in advance', 'date');
    return ctx.em.fork().transactional(async (tx) => {
      const order = await lockOrder(tx, orderId);
      asSupplierOf(identity, order);
      if (!isServiceKind(order.kind)) throw badInput('Only service orders (S1, S2, special social services) keep a journal', 'orderId');
      // HANDED_OVER: the service period ended with service rendered; the last days may still be written up.
      if (order.status !== OrderStatus.ACCEPTED && order.status !== OrderStatus.HANDED_OVER) throw invalidTransition('Order', order.status, 'hours logged');
      // S1 runs to the end of the year it was ordered (seeds 004 ¶34), S2 to the end of the IPR term.
      const until = serviceUntil(order);
      if ((order.termStart && input.date < order.termStart) || (until && input.date > until)) throw badInput(`The date is outside the service period (${order.termStart} … ${until})`, 'date');
      if (order.kind === 'S1' && places.length === 0) throw badInput('S1: list the places visited', 'places');
      if (order.kind === 'S2' && !input.mode) throw badInput('S2: say whether the session was online or offline', 'mode');
      const period = input.date.slice(0, 7);
      const act = await tx.findOne(ServiceAct, { orderId: order.id, period });
      if (act && LOCKED.includes(act.status)) throw invalidTransition('ServiceAct', act.status, 'hours added');
      // The limits are the person's (standards: S1 8 hours a day, S2 60 hours a year), whichever of their orders the hours
      // come from: one person's journal is written one entry at a time (transaction-scoped advisory lock, taken after the
      // order's row lock), so two orders of one person cannot both pass a check that only one fits.
      await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`journal:${order.personId}`], 'all', tx.getTransactionContext());
      const sameDay = await tx.find(JournalEntry, { personId: order.personId, kind: order.kind, date: input.date });
      const start = minutesOf(input.startTime);
      const end = minutesOf(input.endTime);
      if (sameDay.some((e) => start < minutesOf(e.endTime) && minutesOf(e.startTime) < end)) throw conflict("The entry overlaps another entry of that day (the person's, of this service)", { reason: 'OVERLAP' });
      if (order.kind === 'S1') {
        const day = sameDay.reduce((s, e) => s + e.minutes, 0);
        if (day + minutes > S1_MAX_MINUTES_PER_DAY) throw badInput(`S1: at most 8 hours a day (${day / 60} already logged on ${input.date})`, 'endTime');
      } else {
        const year = input.date.slice(0, 4);
        const rows = await tx.getConnection().execute<{ total: string }[]>(
          `select coalesce(sum(minutes), 0) as total from orders.journal_entry where person_id = ? and kind = 'S2' and date between ? and ?`,
          [order.personId, `${year}-01-01`, `${year}-12-31`],
          'all',
          // Inside this transaction (another connection would wait for it: a deadlock on embedded PostgreSQL).
          tx.getTransactionContext(),
        );
        const used = Number(rows[0]!.total);
        if (used + minutes > S2_MAX_MINUTES_PER_YEAR) throw badInput(`S2: at most 60 hours per calendar year (${used / 60} used in ${year})`, 'endTime');
      }
      const entry = tx.create(JournalEntry, {
        orderId: order.id, supplierId: order.supplierId, personId: order.personId, regionCode: order.regionCode, kind: order.kind,
        date: input.date, startTime: input.startTime, endTime: input.endTime, minutes, places, mode: order.kind === 'S2' ? input.mode! : null,
      });
      tx.persist(entry);
      return entry;
    });
  }

  @Mutation(() => ServiceAct, { description: 'Supplier: build (or rebuild, while DRAFT or RETURNED) the monthly act of an S1/S2 order from its journal' })
  async generateServiceAct(@Arg('orderId', () => ID) orderId: string, @Arg('period', () => String, { description: 'YYYY-MM' }) period: string, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    checkYearMonth(period, 'period');
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const order = await lockOrder(tx, orderId);
        asSupplierOf(identity, order);
        if (!isServiceKind(order.kind)) throw badInput('Only service orders (S1, S2, special social services) have acts', 'orderId');
        const [y, m] = period.split('-').map(Number);
        const next = m === 12 ? `${y! + 1}-01-01` : `${y}-${String(m! + 1).padStart(2, '0')}-01`;
        const entries = await tx.find(JournalEntry, { orderId: order.id, date: { $gte: `${period}-01`, $lt: next } });
        const minutes = entries.reduce((s, e) => s + e.minutes, 0);
        if (minutes === 0) throw badInput('No hours logged in this month', 'period');
        const unitPrice = order.unitPrice ?? Math.round(order.price / order.quantity);
        const cost = Math.round((minutes * unitPrice) / 60);
        const earlier = await tx.find(ServiceAct, { orderId: order.id, period: { $ne: period }, status: { $in: [ActStatus.APPROVED, ActStatus.PAID, ActStatus.SUBMITTED] } });
        const left = Math.max(0, (order.statePart ?? 0) - earlier.reduce((s, a) => s + a.statePart, 0));
        const statePart = Math.min(cost, left);
        let act = await tx.findOne(ServiceAct, { orderId: order.id, period });
        if (act && LOCKED.includes(act.status)) throw invalidTransition('ServiceAct', act.status, 'regenerated');
        const values = { minutes, unitPrice, cost, statePart, coPayment: cost - statePart };
        if (act) Object.assign(act, values);
        else {
          act = tx.create(ServiceAct, {
            orderId: order.id, measureId: order.measureId, supplierId: order.supplierId, personId: order.personId, regionCode: order.regionCode,
            kind: order.kind, itemTypeCode: order.itemTypeCode ?? order.kind, period, ...values,
          });
          tx.persist(act);
        }
        await tx.flush();
        return act;
      });
    } catch (e) {
      if (e instanceof OptimisticLockError) throw conflict('Act was changed meanwhile; reload it');
      throw e;
    }
  }

  @Query(() => String, { description: 'Supplier: the canonical document of an act to sign for submitServiceAct' })
  async serviceActDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    return canonicalize(actDocument(await supplierAct(ctx, id)));
  }

  @Mutation(() => ServiceAct, { description: "Supplier: submit a DRAFT or RETURNED act to the employment department, signed with its EDS (INVALID_SIGNATURE with extensions.reason otherwise)" })
  async submitServiceAct(
    @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number,
    @Arg('signature', () => String, { description: "The supplier's EDS over serviceActDocument: CMS SignedData of the organization's signing key (NCALayer); development only: base64 ECDSA signature of the development signer" }) signature: string,
    @Arg('certificate', () => String, { nullable: true, description: 'PEM certificate of the development signer; omit for a CMS signature' }) certificate: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Act id must be a UUID', 'id');
    checkVersion(version);
    checkSignatureArgs(signature, certificate);
    const read = await supplierAct(ctx, id);
    const expected = actDocument(read);
    // Checked before the transaction (it may call OCSP/CRL); the act's version below makes sure it is still what was signed.
    const { record, ...signed } = await verifySupplierSignature(ctx.runtime, read.supplierId, expected, { document: canonicalize(expected), signature, certificate });
    const now = ctx.runtime.clock.now();
    return changeAct(ctx, id, version, (tx, a, identity) => {
      asSupplierOf(identity, a);
      if (a.status !== ActStatus.DRAFT && a.status !== ActStatus.RETURNED) throw invalidTransition('ServiceAct', a.status, ActStatus.SUBMITTED);
      if (a.version !== read.version) throw conflict('The act changed after it was signed; sign it again');
      Object.assign(a, signed);
      keepSigned(tx, SignedDocumentKind.ACT_SUBMISSION, { ...a, actId: a.id }, record);
      a.status = ActStatus.SUBMITTED;
      a.submittedAt = now;
      a.returnReason = null;
    });
  }

  @Query(() => String, { description: "Department: the canonical document the officer signs to approve or return a submitted act (approveServiceAct, returnServiceAct)" })
  async serviceActDecisionDocument(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => ActDecisionAction) action: ActDecisionAction,
    @Arg('reason', () => String, { nullable: true, description: 'RETURN: the reason, as it will be sent' }) why: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<string> {
    if (action === ActDecisionAction.APPROVE && why != null) throw badInput('A reason goes with a return only', 'reason');
    const text = action === ActDecisionAction.RETURN ? checkText(why ?? '', 'reason', LIMITS.reason, 3) : null;
    const act = await departmentAct(ctx, id);
    return canonicalize(actDecisionDocument(act, action === ActDecisionAction.APPROVE ? 'APPROVE_ACT' : 'RETURN_ACT', text));
  }

  @Mutation(() => ServiceAct, {
    description: "Department: approve a submitted act, signed with the officer's EDS (INVALID_SIGNATURE with extensions.reason otherwise); it becomes immutable and its reimbursement claim is created (approved, payable)",
  })
  async approveServiceAct(
    @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number,
    @Arg('signature', () => String, { description: SIGNATURE_HELP }) signature: string,
    @Arg('certificate', () => String, { nullable: true, description: CERTIFICATE_HELP }) certificate: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    const { read, record } = await officerSigned(ctx, id, version, 'APPROVE_ACT', null, signature, certificate);
    const now = ctx.runtime.clock.now();
    return changeAct(ctx, id, version, (tx, a, identity) => {
      asDepartmentOf(identity, a);
      if (a.status !== ActStatus.SUBMITTED) throw invalidTransition('ServiceAct', a.status, ActStatus.APPROVED);
      if (a.version !== read.version) throw conflict('The act changed after it was signed; sign it again');
      a.status = ActStatus.APPROVED;
      a.approvedAt = now;
      keepSigned(tx, SignedDocumentKind.ACT_APPROVAL, { ...a, actId: a.id }, record);
      return [enqueueCommand(tx, 'finance', 'internalOpenClaim', {
        input: {
          orderId: a.orderId, measureId: a.measureId, supplierId: a.supplierId, personId: a.personId, regionCode: a.regionCode,
          kind: a.kind, statePart: a.statePart, coPayment: a.coPayment, actId: a.id, period: a.period,
        },
      }).id];
    });
  }

  @Mutation(() => ServiceAct, { description: "Department: return a submitted act to the supplier with a reason, signed with the officer's EDS" })
  async returnServiceAct(
    @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) reason: string,
    @Arg('signature', () => String, { description: SIGNATURE_HELP }) signature: string,
    @Arg('certificate', () => String, { nullable: true, description: CERTIFICATE_HELP }) certificate: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    const text = checkText(reason, 'reason', LIMITS.reason, 3);
    const { read, record } = await officerSigned(ctx, id, version, 'RETURN_ACT', text, signature, certificate);
    return changeAct(ctx, id, version, (tx, a, identity) => {
      asDepartmentOf(identity, a);
      if (a.status !== ActStatus.SUBMITTED) throw invalidTransition('ServiceAct', a.status, ActStatus.RETURNED);
      if (a.version !== read.version) throw conflict('The act changed after it was signed; sign it again');
      a.status = ActStatus.RETURNED;
      a.returnReason = text;
      keepSigned(tx, SignedDocumentKind.ACT_RETURN, { ...a, actId: a.id }, record);
      // The supplier is told, with the reason (in-app; e-mail by its staff's settings).
      return [enqueueCommand(tx, 'people', 'internalNotify', {
        source: `orders:act-returned:${a.id}:${a.version}`, template: 'ACT_RETURNED', regionCode: a.regionCode, supplierId: a.supplierId, orderId: a.orderId,
        params: JSON.stringify({ item: a.period, step: text.slice(0, LIMITS.name) }),
      }).id];
    });
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (finance): the claim of an act was paid' })
  async internalActPaid(@Arg('commandId', () => ID) commandId: string, @Arg('actId', () => ID) actId: string, @Ctx() ctx: Context) {
    requireService(ctx.identity);
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const a = await tx.findOne(ServiceAct, actId);
      if (!a) throw notFound('ServiceAct', actId);
      if (a.status !== ActStatus.APPROVED) return false;
      a.status = ActStatus.PAID;
      a.paidAt = now;
      return true;
    });
  }

  @Query(() => ServiceAct)
  async serviceAct(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Act id must be a UUID', 'id');
    const act = await ctx.em.findOne(ServiceAct, id);
    if (!act) throw notFound('ServiceAct', id);
    assertAccess(ctx.identity, act, SCOPE);
    return act;
  }

  @Query(() => ActConnection, { description: "Acts visible to the caller: supplier's own, region's (department), own (recipient)" })
  serviceActs(@Args(() => PageArgs) page: PageArgs, @Arg('status', () => ActStatus, { nullable: true }) status: ActStatus | undefined, @Ctx() ctx: Context) {
    return paginate(ctx.em, ServiceAct, { ...scopeWhere(listScope(ctx.identity, SCOPE)), ...(status ? { status } : {}) }, page);
  }
}

@Resolver(() => Order)
export class OrderServiceFieldsResolver {
  @FieldResolver(() => JournalConnection, { description: 'S1/S2: journal rows, oldest first' })
  async journal(@Root() o: Order, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded(await ctx.loaders.journalByOrder.load(o.id), page);
  }

  @FieldResolver(() => ActConnection, { description: 'S1/S2: monthly acts of services rendered' })
  async acts(@Root() o: Order, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded(await ctx.loaders.actsByOrder.load(o.id), page);
  }
}
