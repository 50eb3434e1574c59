import { Directive, Arg, Args, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { OptimisticLockError } from '@mikro-orm/postgresql';
import { ANONYMIZED_PERSON_ID, Role, assertAccess, badInput, checkRegionCode, checkTiyn, checkVersion, checkYearMonth, conflict, forbidden, hasScope, invalidTransition, isUuid, notFound, requireIdentity, type Identity } from '@aleumet/core';
import { ServiceKind } from '@aleumet/subgraph-kit';
import { deliverCommands, enqueueCommand, firstTime, requireService } from '@aleumet/events';
import { ClaimStatus, LedgerEntry, Payment, ReimbursementClaim } from '../entities/index.js';
import { postApprove, postCancel, postCommit, postPay } from '../domain/ledger.js';
import { SCOPE } from './finance.resolver.js';
import type { Context } from './context.js';

export const WRITE_SCOPE = 'finance:write';

@InputType()
class InternalClaimInput {
  @Field(() => ID) orderId!: string;
  @Field(() => ID) measureId!: string;
  @Field(() => ID) supplierId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => ServiceKind, { nullable: true }) kind?: ServiceKind;
  @Field(() => SafeIntResolver) statePart!: number;
  @Field(() => SafeIntResolver) coPayment!: number;
  @Field(() => ID, { nullable: true, description: 'Approved act of services rendered (S1/S2): the claim is approved at once' }) actId?: string;
  @Field(() => String, { nullable: true }) period?: string;
}

@ObjectType({ description: 'Totals of one supplier in one month, in tiyn' })
class SupplierMonthReport {
  @Field(() => ID) supplierId!: string;
  @Field(() => String) period!: string;
  @Field(() => SafeIntResolver, { description: 'Became payable (handover / act approved)' }) approved!: number;
  @Field(() => SafeIntResolver) paid!: number;
  @Field(() => SafeIntResolver, { description: 'Payable balance at the end of the month' }) outstanding!: number;
}

@ObjectType({ description: 'Totals of one region and kind of measure, in tiyn' })
class RegionKindReport {
  @Field(() => String) regionCode!: string;
  @Field(() => ServiceKind, { nullable: true }) kind!: ServiceKind | null;
  @Field(() => SafeIntResolver, { description: 'Committed when orders were signed / acts approved' }) committed!: number;
  @Field(() => SafeIntResolver, { description: 'Released by refusals, expiries and cancellations' }) released!: number;
  @Field(() => SafeIntResolver) approved!: number;
  @Field(() => SafeIntResolver) paid!: number;
}

@ObjectType({ description: 'Debits and credits of the whole ledger (they must be equal)' })
class LedgerTotals {
  @Field(() => SafeIntResolver) debit!: number;
  @Field(() => SafeIntResolver) credit!: number;
  @Field(() => Boolean) balanced!: boolean;
}

function canPay(identity: Identity, claim: ReimbursementClaim) {
  if (identity.role === Role.ADMIN || hasScope(identity, WRITE_SCOPE)) return;
  if (identity.role === Role.EMPLOYMENT_DEPARTMENT && identity.regionCode === claim.regionCode) return;
  throw forbidden('Only the employment department of the region (or the treasury integrator) pays claims');
}

/** Report visibility: admin and integrators with finance:read see all; a department its region; a supplier itself. */
function reportScope(identity: Identity | null): { supplierId?: string; regionCode?: string } {
  const id = requireIdentity(identity);
  if (id.role === Role.ADMIN || hasScope(id, SCOPE)) return {};
  if (id.role === Role.EMPLOYMENT_DEPARTMENT && id.regionCode) return { regionCode: id.regionCode };
  if (id.role === Role.SUPPLIER && id.supplierId) return { supplierId: id.supplierId };
  throw forbidden('Financial reports are for suppliers, departments, admins and integrators');
}


@Resolver(() => ReimbursementClaim)
export class FinanceWorkflowResolver {
  @Mutation(() => ReimbursementClaim, { description: 'Department of the region (or treasury integrator, finance:write): pay an approved claim; idempotent by payment reference' })
  async payClaim(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reference', () => String, { description: 'Payment order reference in the treasury system (unique)' }) reference: string,
    @Ctx() ctx: Context,
  ) {
    const identity = requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Claim id must be a UUID', 'id');
    if (!/^[\w./-]{3,60}$/.test(reference)) throw badInput('reference: 3–60 letters, digits, . / _ -', 'reference');
    checkVersion(version);
    const now = ctx.runtime.clock.now();
    let commandIds: string[] = [];
    let claim: ReimbursementClaim;
    try {
      claim = await ctx.em.fork().transactional(async (tx) => {
        const c = await tx.findOne(ReimbursementClaim, id);
        if (!c) throw notFound('ReimbursementClaim', id);
        assertAccess(identity, c, SCOPE);
        canPay(identity, c);
        const previous = await tx.findOne(Payment, { reference });
        if (previous) {
          if (previous.claim.id !== c.id) throw conflict('This payment reference was used for another claim');
          return c;
        }
        if (c.version !== version) throw conflict(`Claim was changed meanwhile (version ${c.version}, you sent ${version}); reload it`, { currentVersion: c.version, currentStatus: c.status });
        if (c.status !== ClaimStatus.APPROVED) throw invalidTransition('ReimbursementClaim', c.status, ClaimStatus.PAID);
        c.status = ClaimStatus.PAID;
        c.paidAt = now;
        tx.persist(tx.create(Payment, { claim: c, amount: c.statePart, paidAt: now, reference, createdAt: now, updatedAt: now }));
        postPay(tx, c, c.statePart, now);
        if (c.actId) commandIds = [enqueueCommand(tx, 'orders', 'internalActPaid', { actId: c.actId }).id];
        // The supplier is told it was paid (in-app; e-mail by its staff's settings), in the payment's transaction.
        commandIds.push(enqueueCommand(tx, 'people', 'internalNotify', {
          source: `finance:claim-paid:${c.id}`, template: 'PAYMENT_MADE', regionCode: c.regionCode, supplierId: c.supplierId, orderId: c.orderId, measureId: c.measureId,
          params: JSON.stringify({ amount: c.statePart, number: reference }),
        }).id);
        await tx.flush();
        return c;
      });
    } catch (e) {
      if (e instanceof OptimisticLockError) throw conflict('Claim was changed meanwhile; reload it');
      throw e;
    }
    if (commandIds.length) await deliverCommands(ctx.em, ctx.runtime, 'finance', commandIds).catch(() => {});
    return claim;
  }

  @Query(() => [SupplierMonthReport], { description: 'Per supplier per month: approved, paid, outstanding (exact tiyn)' })
  async supplierMonthReport(@Arg('period', () => String, { description: 'YYYY-MM' }) period: string, @Arg('supplierId', () => ID, { nullable: true }) supplierId: string | undefined, @Ctx() ctx: Context) {
    checkYearMonth(period, 'period');
    if (supplierId != null && !isUuid(supplierId)) throw badInput('Supplier id must be a UUID', 'supplierId');
    const scope = reportScope(ctx.identity);
    if (scope.supplierId && supplierId && supplierId !== scope.supplierId) throw forbidden();
    const params: unknown[] = [period];
    let where = `account_type = 'PAYABLE' and period <= ?`;
    const sid = scope.supplierId ?? supplierId;
    if (sid) { where += ' and supplier_id = ?'; params.push(sid); }
    if (scope.regionCode) { where += ' and region_code = ?'; params.push(scope.regionCode); }
    const rows = await ctx.em.getConnection().execute<{ supplier_id: string; approved: string; paid: string; outstanding: string }[]>(
      `select supplier_id,
              coalesce(sum(credit) filter (where period = ?), 0) as approved,
              coalesce(sum(debit) filter (where period = ?), 0) as paid,
              coalesce(sum(credit) - sum(debit), 0) as outstanding
         from finance.ledger_entry where ${where} group by supplier_id order by supplier_id`,
      [period, period, ...params],
    );
    return rows.map((r) => ({ supplierId: r.supplier_id, period, approved: Number(r.approved), paid: Number(r.paid), outstanding: Number(r.outstanding) }));
  }

  @Query(() => [RegionKindReport], { description: 'Per region per kind of measure: committed, released, approved, paid (exact tiyn); a period (YYYY-MM) or all time' })
  async regionKindReport(@Arg('period', () => String, { nullable: true }) period: string | undefined, @Ctx() ctx: Context) {
    if (period != null) checkYearMonth(period, 'period');
    const scope = reportScope(ctx.identity);
    if (scope.supplierId) throw forbidden('Suppliers see their own monthly report');
    const params: unknown[] = [];
    const conds: string[] = [];
    if (period) { conds.push('period = ?'); params.push(period); }
    if (scope.regionCode) { conds.push('region_code = ?'); params.push(scope.regionCode); }
    const rows = await ctx.em.getConnection().execute<{ region_code: string; kind: ServiceKind | null; committed: string; released: string; approved: string; paid: string }[]>(
      `select region_code, kind,
              coalesce(sum(credit) filter (where account_type = 'COMMITMENT'), 0) as committed,
              coalesce(sum(credit) filter (where account_type = 'BUDGET'), 0) as released,
              coalesce(sum(credit) filter (where account_type = 'PAYABLE'), 0) as approved,
              coalesce(sum(credit) filter (where account_type = 'PAID'), 0) as paid
         from finance.ledger_entry ${conds.length ? `where ${conds.join(' and ')}` : ''}
        group by region_code, kind order by region_code, kind`,
      params,
    );
    return rows.map((r) => ({ regionCode: r.region_code, kind: r.kind, committed: Number(r.committed), released: Number(r.released), approved: Number(r.approved), paid: Number(r.paid) }));
  }

  @Query(() => LedgerTotals, { description: 'Admin / finance integrator: total debits and credits of the ledger' })
  async ledgerTotals(@Ctx() ctx: Context): Promise<LedgerTotals> {
    const scope = reportScope(ctx.identity);
    if (scope.regionCode || scope.supplierId) throw forbidden();
    const [row] = await ctx.em.getConnection().execute<{ debit: string; credit: string }[]>('select coalesce(sum(debit), 0) as debit, coalesce(sum(credit), 0) as credit from finance.ledger_entry');
    const debit = Number(row!.debit);
    const credit = Number(row!.credit);
    return { debit, credit, balanced: debit === credit };
  }

  // ---- internal: commands from the orders subgraph ----

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (orders): open the reimbursement claim of a signed order (APPLIED) or of an approved act (APPROVED)' })
  async internalOpenClaim(@Arg('commandId', () => ID) commandId: string, @Arg('input', () => InternalClaimInput) input: InternalClaimInput, @Ctx() ctx: Context) {
    requireService(ctx.identity);
    checkRegionCode(input.regionCode);
    checkTiyn(input.statePart, 'statePart');
    checkTiyn(input.coPayment, 'coPayment');
    if (input.period != null) checkYearMonth(input.period, 'period');
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const existing = await tx.findOne(ReimbursementClaim, input.actId ? { actId: input.actId } : { orderId: input.orderId, actId: null });
      if (existing) return false;
      const c = tx.create(ReimbursementClaim, {
        orderId: input.orderId, measureId: input.measureId, supplierId: input.supplierId, personId: input.personId, regionCode: input.regionCode,
        kind: input.kind ?? null, statePart: input.statePart, coPayment: input.coPayment, actId: input.actId ?? null, period: input.period ?? null,
        status: input.actId ? ClaimStatus.APPROVED : ClaimStatus.APPLIED, approvedAt: input.actId ? now : null, createdAt: now, updatedAt: now,
      });
      tx.persist(c);
      postCommit(tx, c, now);
      if (input.actId) postApprove(tx, c, now);
      return true;
    });
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: "Internal (orders): the order's claim is approved (handover) or cancelled (refused, expired, cancelled)" })
  async internalOrderClaimOutcome(@Arg('commandId', () => ID) commandId: string, @Arg('orderId', () => ID) orderId: string, @Arg('outcome', () => String) outcome: string, @Ctx() ctx: Context) {
    requireService(ctx.identity);
    if (outcome !== 'APPROVE' && outcome !== 'CANCEL') throw badInput('outcome is APPROVE or CANCEL', 'outcome');
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const c = await tx.findOne(ReimbursementClaim, { orderId, actId: null });
      if (!c || c.status !== ClaimStatus.APPLIED) return false;
      if (outcome === 'APPROVE') {
        c.status = ClaimStatus.APPROVED;
        c.approvedAt = now;
        postApprove(tx, c, now);
      } else {
        c.status = ClaimStatus.CANCELLED;
        c.cancelledAt = now;
        postCancel(tx, c, now);
      }
      return true;
    });
  }

  /**
   * Retention reaches finance (004 ¶34: the order form is kept 5 years after the order closed). orders
   * decides (only it knows when the order closed) and sends this in the transaction that removes the
   * form; the claims of the order (its own and its acts') and their ledger lines keep every amount,
   * account, region, supplier and period, so every total and balance stays, and lose the person.
   */
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: "Internal (orders): the order's form passed retention; its claims and ledger lines no longer point to the person (amounts unchanged)" })
  async internalForgetOrderPerson(@Arg('commandId', () => ID) commandId: string, @Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    requireService(ctx.identity);
    if (!isUuid(orderId)) throw badInput('Order id must be a UUID', 'orderId');
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const claims = (await tx.find(ReimbursementClaim, { orderId }, { fields: ['id'] })).map((c) => c.id);
      if (!claims.length) return false;
      await tx.nativeUpdate(ReimbursementClaim, { id: { $in: claims } }, { personId: ANONYMIZED_PERSON_ID });
      await tx.nativeUpdate(LedgerEntry, { claimId: { $in: claims } }, { personId: ANONYMIZED_PERSON_ID });
      return true;
    });
  }
}


