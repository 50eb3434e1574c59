import { Directive, Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  DomainError, ErrorCode, LIMITS, Role, actsFor, assertAccess, badInput, checkCalendarDate, checkInt, checkList, checkText, checkTiyn, checkVersion, conflict, eligibilityProblem, forbidden, hasScope, invalidTransition, isUuid, isValidIin, itemTypeByCode, notEligible, notFound, requireIdentity, type Identity,
} from '@aleumet/core';
import { ConnectionType, PageArgs, ServiceKind, grantSupplierAccess, paginate } from '@aleumet/subgraph-kit';
import { callSubgraph, serviceIdentity } from '@aleumet/runtime';
import { deliverCommands, enqueueCommand, firstTime, recordEvent, requireService } from '@aleumet/events';
import { localDate } from '@aleumet/calendar';
import { Fulfilment, Measure, MeasureStatus, RehabilitationProgram } from '../entities/index.js';
import { CHOOSABLE, NotificationKind, OPEN, notify, openChoiceWindow, setMeasureStatus } from '../domain/measures.js';
import { closeMeasure, closeOpenMeasures } from '../domain/jobs.js';
import { forgetMeasurePerson } from '../domain/retention.js';
import { SCOPE } from './program.resolver.js';
import { WRITE_SCOPE } from '../domain/policies.js';
import { PersonRecordInput, recordPublishedPerson } from './published-person.js';
import type { Context } from './context.js';

const FulfilmentConnection = ConnectionType('Fulfilment', Fulfilment);

@InputType()
class PublishedMeasureInput {
  @Field(() => String, { description: "The measure's id in the social-protection system (idempotency key)" }) sourceId!: string;
  @Field(() => ServiceKind) kind!: ServiceKind;
  @Field(() => String) itemTypeCode!: string;
  @Field(() => Int, { description: 'Pieces, hours (S1, S2) or days (S3)' }) quantity!: number;
  @Field(() => SafeIntResolver, { description: 'In tiyn' }) guaranteedSum!: number;
}

@InputType()
class PublishMeasuresInput {
  @Field(() => String, { description: 'IIN of the recipient' }) personIin!: string;
  @Field(() => String, { description: 'IPR number in the social-protection system' }) programNumber!: string;
  @Field(() => String, { description: 'IPR date, YYYY-MM-DD' }) issuedOn!: string;
  @Field(() => String, { description: 'Last day of the IPR term, YYYY-MM-DD' }) validUntil!: string;
  @Field(() => [PublishedMeasureInput]) measures!: PublishedMeasureInput[];
  @Field(() => PersonRecordInput, {
    nullable: true,
    description: "Scope people:write: the person's data from Е-Собес (its iin is personIin). A person the portal has not seen is created, a known one updated where it differs (idempotent by sourceVersion); checked and recorded before the measures",
  })
  person?: PersonRecordInput | null;
}

@ObjectType()
class PublishMeasuresResult {
  @Field(() => RehabilitationProgram) program!: RehabilitationProgram;
  @Field(() => [Measure]) measures!: Measure[];
  @Field(() => Int, { description: 'Measures new to the portal' }) created!: number;
  @Field(() => Int, { description: 'Measures with a changed field (kind, itemTypeCode, quantity, guaranteedSum)' }) updated!: number;
  @Field(() => Int, { description: 'Measures exactly as published before' }) unchanged!: number;
  @Field(() => Boolean, { description: "The program's issuedOn or validUntil changed" }) programUpdated!: boolean;
}

@InputType()
class WithdrawMeasuresInput {
  @Field(() => String, { description: 'IPR number the measures were published with' }) programNumber!: string;
  @Field(() => [String], { description: 'sourceIds of the measures to withdraw (1..50)' }) sourceIds!: string[];
}

@ObjectType()
class WithdrawMeasuresResult {
  @Field(() => RehabilitationProgram) program!: RehabilitationProgram;
  @Field(() => [Measure]) measures!: Measure[];
  @Field(() => Int, { description: 'Measures cancelled now (closedReason WITHDRAWN)' }) withdrawn!: number;
  @Field(() => Int, { description: 'Measures already cancelled (withdrawn before, or closed for another reason)' }) unchanged!: number;
  @Field(() => Int, { description: 'Orders holding a withdrawn measure, being cancelled' }) ordersCancelled!: number;
}

/** Measure statuses whose content a publication may still change (no order holds them, not closed). */
export const UPDATABLE: readonly MeasureStatus[] = [MeasureStatus.PUBLISHED, MeasureStatus.AWAITING_CHOICE, MeasureStatus.BLOCKED];

/** closedReason of measures (and cancellationReason of orders) closed because the recipient left Kazakhstan. */
export const DEPARTED = 'DEPARTED';

@ObjectType({ description: 'What a registered death or departure closed' })
class DeathRegistration {
  @Field(() => ID) personId!: string;
  @Field(() => Int, { description: 'Open measures closed' }) measuresCancelled!: number;
  @Field(() => Int, { description: 'Active orders being cancelled' }) ordersCancelled!: number;
}

export function requireWriter(identity: Identity | null): Identity {
  const id = requireIdentity(identity);
  if (id.role === Role.ADMIN || hasScope(id, WRITE_SCOPE)) return id;
  throw forbidden(`Scope ${WRITE_SCOPE} required`);
}

export interface PublishedPerson {
  id: string;
  regionCode: string;
  disabilityGroup: number | null;
  needs: { hearing: boolean; mobility: boolean };
  category: string;
  birthDate: string;
  sex: string;
}

export async function personByIin(ctx: Context, iin: string): Promise<PublishedPerson> {
  if (!isValidIin(iin)) throw badInput('IIN must be 12 digits with a valid check digit', 'personIin');
  const data = await callSubgraph<{ personByIin: PublishedPerson | null }>(
    ctx.runtime.peers.url('people'), serviceIdentity('programs', ['people:read']),
    'query($iin: String!) { personByIin(iin: $iin) { id regionCode disabilityGroup needs { hearing mobility } category birthDate sex } }', { iin },
  );
  if (!data.personByIin) throw notFound('Person', iin);
  return data.personByIin;
}


/**
 * Publications and withdrawals for one person run one at a time (transaction-scoped advisory lock): a
 * client retrying a request, or sending it several times at once, gets one write and the same program
 * and measures in every answer. A unique violation left (a program number or sourceId of another
 * person, written concurrently) is run again once, and then answers CONFLICT from what it reads.
 */
export async function serializedPerPerson<T>(ctx: Context, personId: string, work: (tx: Context['em']) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`programs:publish:${personId}`]);
        return work(tx);
      });
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException) || attempt >= 3) throw e;
    }
  }
}

function checkMeasure(m: PublishedMeasureInput, i: number) {
  const type = itemTypeByCode.get(m.itemTypeCode);
  if (!m.sourceId.trim() || m.sourceId.length > LIMITS.key) throw badInput(`sourceId is required (at most ${LIMITS.key} characters)`, `measures.${i}.sourceId`);
  checkText(m.itemTypeCode, `measures.${i}.itemTypeCode`, LIMITS.code);
  if (!type) throw badInput(`Unknown item type ${m.itemTypeCode}`, `measures.${i}.itemTypeCode`);
  if (type.kind !== m.kind) throw badInput(`Item type ${m.itemTypeCode} is of kind ${type.kind}, not ${m.kind}`, `measures.${i}.kind`);
  checkInt(m.quantity, `measures.${i}.quantity`, 1, LIMITS.maxQuantity);
  checkTiyn(m.guaranteedSum, `measures.${i}.guaranteedSum`);
}

/** Loads a measure for a transition requested by a user, checking access and the version the caller saw. */
async function loadForChange(tx: Context['em'], identity: Identity, id: string, version: number): Promise<Measure> {
  if (!isUuid(id)) throw badInput('Measure id must be a UUID', 'id');
  checkVersion(version);
  const m = await tx.findOne(Measure, id);
  if (!m) throw notFound('Measure', id);
  assertAccess(identity, m, SCOPE);
  if (m.version !== version) throw conflict(`Measure was changed meanwhile (version ${m.version}, you sent ${version}); reload it`, { currentVersion: m.version, currentStatus: m.status });
  return m;
}

@Resolver(() => Measure)
export class MeasureLifecycleResolver {
  @Mutation(() => PublishMeasuresResult, {
    description: 'Integrator (scope programs:write): publish the IPR measures of a person. Idempotent by sourceId: re-sending changes nothing, a changed measure is updated. New measures notify the recipient. NOT_ELIGIBLE (nothing written) when the person does not meet a measure\'s condition: S1 needs a group-1 disability with mobility difficulty, S2 a hearing disability.',
  })
  async publishMeasures(@Arg('input', () => PublishMeasuresInput) input: PublishMeasuresInput, @Ctx() ctx: Context): Promise<PublishMeasuresResult> {
    requireWriter(ctx.identity);
    checkCalendarDate(input.issuedOn, 'issuedOn');
    checkCalendarDate(input.validUntil, 'validUntil');
    if (input.validUntil < input.issuedOn) throw badInput('validUntil must not be before issuedOn', 'validUntil');
    checkText(input.programNumber, 'programNumber', LIMITS.key);
    if (input.measures.length === 0 || input.measures.length > LIMITS.listItems) throw badInput(`Publish 1..${LIMITS.listItems} measures at a time`, 'measures');
    input.measures.forEach(checkMeasure);
    if (new Set(input.measures.map((m) => m.sourceId)).size !== input.measures.length) throw badInput('sourceId repeated in one request', 'measures');
    if (input.person) {
      if (input.person.iin !== input.personIin) throw badInput('person.iin must be personIin', 'person.iin');
      // Eligibility from the data sent, before people records anything.
      const sent = {
        disabilityGroup: input.person.disabilityGroup ?? null, needs: { hearing: !!input.person.needs?.hearing, mobility: !!input.person.needs?.mobility },
        category: input.person.category, birthDate: input.person.birthDate, sex: input.person.sex,
      };
      const today = localDate(ctx.runtime.clock.now());
      input.measures.forEach((m, i) => {
        const problem = eligibilityProblem(m.kind, sent, today);
        if (problem) throw notEligible(problem.message, { reason: problem.reason, field: `measures.${i}.kind`, sourceId: m.sourceId });
      });
      await recordPublishedPerson(ctx, ctx.identity!, input.person);
    }
    // Read from people before the transaction (never hold a transaction across an HTTP call).
    const person = await personByIin(ctx, input.personIin);
    // Eligibility (seeds 004 ¶5, ¶19; special social services: 003 ¶2.10, ¶7), checked again when the measure is ordered.
    input.measures.forEach((m, i) => {
      const problem = eligibilityProblem(m.kind, person, localDate(ctx.runtime.clock.now()));
      if (problem) throw notEligible(problem.message, { reason: problem.reason, field: `measures.${i}.kind`, sourceId: m.sourceId });
    });
    const now = ctx.runtime.clock.now();
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let programUpdated = false;
    const result = await serializedPerPerson(ctx, person.id, async (tx) => {
      // Counted per attempt: a retried transaction starts again from what it reads.
      created = updated = unchanged = 0;
      programUpdated = false;
      let program = await tx.findOne(RehabilitationProgram, { number: input.programNumber });
      if (program && program.personId !== person.id) throw conflict(`Program ${input.programNumber} belongs to another person`, { field: 'programNumber' });
      if (!program) {
        program = tx.create(RehabilitationProgram, { personId: person.id, number: input.programNumber, issuedOn: input.issuedOn, validUntil: input.validUntil, regionCode: person.regionCode });
        tx.persist(program);
      } else if (program.issuedOn !== input.issuedOn || program.validUntil !== input.validUntil) {
        program.issuedOn = input.issuedOn;
        program.validUntil = input.validUntil;
        programUpdated = true;
      }
      const existing = await tx.find(Measure, { sourceId: { $in: input.measures.map((m) => m.sourceId) } });
      const bySource = new Map(existing.map((m) => [m.sourceId, m]));
      const measures: Measure[] = [];
      const fresh: Measure[] = [];
      for (const [i, m] of input.measures.entries()) {
        const old = bySource.get(m.sourceId);
        if (!old) {
          const measure = tx.create(Measure, {
            program, personId: person.id, regionCode: person.regionCode, kind: m.kind, itemTypeCode: m.itemTypeCode, quantity: m.quantity,
            guaranteedSum: m.guaranteedSum, sourceId: m.sourceId, publishedAt: now, choiceDeadline: now, status: MeasureStatus.AWAITING_CHOICE,
          });
          openChoiceWindow(measure, now);
          tx.persist(measure);
          notify(tx, measure, NotificationKind.CHOOSE_SUPPLIER, now.toISOString(), now);
          fresh.push(measure);
          measures.push(measure);
          created++;
          continue;
        }
        if (old.personId !== person.id || old.program.id !== program.id) {
          throw conflict(`Measure ${m.sourceId} belongs to another person or program`, { field: `measures.${i}.sourceId`, sourceId: m.sourceId });
        }
        const same = old.kind === m.kind && old.itemTypeCode === m.itemTypeCode && old.quantity === m.quantity && old.guaranteedSum === m.guaranteedSum;
        if (same) {
          unchanged++;
        } else {
          // An order was placed against the measure as it is (ORDERED), or it is closed: its content stays.
          if (!UPDATABLE.includes(old.status)) {
            throw new DomainError(ErrorCode.INVALID_TRANSITION, `Measure ${m.sourceId} is ${old.status} and cannot be changed; withdraw it and publish a new measure`, {
              from: old.status, to: 'updated', field: `measures.${i}`, sourceId: m.sourceId,
            });
          }
          Object.assign(old, { kind: m.kind, itemTypeCode: m.itemTypeCode, quantity: m.quantity, guaranteedSum: m.guaranteedSum });
          updated++;
        }
        measures.push(old);
      }
      // A new measure's first event: AWAITING_CHOICE at version 1, in the same transaction.
      for (const m of fresh) {
        recordEvent(tx, { type: 'MEASURE_STATUS_CHANGED', entityType: 'Measure', entityId: m.id, status: m.status, version: 1, payload: { personId: m.personId, regionCode: m.regionCode, measureId: m.id, kind: m.kind, orderId: null } });
      }
      await tx.flush();
      return { program, measures };
    });
    // The person is notified now (the scheduler retries what fails here).
    if (created) await deliverCommands(ctx.em, ctx.runtime, 'programs');
    return { ...result, created, updated, unchanged, programUpdated };
  }

  @Mutation(() => WithdrawMeasuresResult, {
    description:
      'Integrator (scope programs:write): withdraw published measures (by sourceId). Each is CANCELLED with closedReason WITHDRAWN and the recipient notified; an order holding one is cancelled by the system (reason WITHDRAWN). Idempotent: an already cancelled measure is reported unchanged. A FULFILLED measure cannot be withdrawn (INVALID_TRANSITION); nothing is written then.',
  })
  async withdrawMeasures(@Arg('input', () => WithdrawMeasuresInput) input: WithdrawMeasuresInput, @Ctx() ctx: Context): Promise<WithdrawMeasuresResult> {
    requireWriter(ctx.identity);
    checkText(input.programNumber, 'programNumber', LIMITS.key);
    if (input.sourceIds.length === 0 || input.sourceIds.length > 50) throw badInput('Withdraw 1..50 measures at a time', 'sourceIds');
    checkList(input.sourceIds, 'sourceIds', 50, (v, field) => checkText(v, field, LIMITS.key));
    if (new Set(input.sourceIds).size !== input.sourceIds.length) throw badInput('sourceId repeated in one request', 'sourceIds');
    const found = await ctx.em.fork().findOne(RehabilitationProgram, { number: input.programNumber });
    if (!found) throw notFound('Program', input.programNumber);
    const now = ctx.runtime.clock.now();
    let withdrawn = 0;
    let unchanged = 0;
    const { program, measures, commandIds } = await serializedPerPerson(ctx, found.personId, async (tx) => {
      withdrawn = unchanged = 0;
      const program = await tx.findOneOrFail(RehabilitationProgram, found.id);
      const rows = await tx.find(Measure, { sourceId: { $in: input.sourceIds } });
      const bySource = new Map(rows.map((m) => [m.sourceId, m]));
      const measures: Measure[] = [];
      const ids: string[] = [];
      for (const [i, sourceId] of input.sourceIds.entries()) {
        const m = bySource.get(sourceId);
        if (!m || m.program.id !== program.id) throw new DomainError(ErrorCode.NOT_FOUND, `Measure ${sourceId} is not a measure of program ${input.programNumber}`, { entity: 'Measure', id: sourceId, field: `sourceIds.${i}` });
        measures.push(m);
        if (m.status === MeasureStatus.CANCELLED) {
          unchanged++;
          continue;
        }
        if (m.status === MeasureStatus.FULFILLED) {
          throw new DomainError(ErrorCode.INVALID_TRANSITION, `Measure ${sourceId} is FULFILLED and cannot be withdrawn`, { from: m.status, to: MeasureStatus.CANCELLED, field: `sourceIds.${i}`, sourceId });
        }
        ids.push(...closeMeasure(tx, m, 'WITHDRAWN', now));
        withdrawn++;
      }
      await tx.flush();
      return { program, measures, commandIds: ids };
    });
    // The orders holding withdrawn measures are cancelled now (the scheduler retries what fails here).
    if (commandIds.length) await deliverCommands(ctx.em, ctx.runtime, 'programs', commandIds);
    return { program, measures, withdrawn, unchanged, ordersCancelled: commandIds.length };
  }

  @Mutation(() => Measure, { description: 'Recipient (or representative): re-activate supplier choice for a blocked measure; the 2-month window starts again' })
  async reactivateMeasure(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    const now = ctx.runtime.clock.now();
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const m = await loadForChange(tx, identity, id, version);
        if (!((identity.role === Role.RECIPIENT || identity.role === Role.REPRESENTATIVE) && actsFor(identity, m.personId))) throw forbidden('Only the recipient or a representative re-activates a measure');
        if (m.status !== MeasureStatus.BLOCKED) throw invalidTransition('Measure', m.status, MeasureStatus.AWAITING_CHOICE);
        if (m.program.validUntil < localDate(now)) throw invalidTransition('Measure', 'BLOCKED (IPR term over)', MeasureStatus.AWAITING_CHOICE);
        setMeasureStatus(tx, m, MeasureStatus.AWAITING_CHOICE);
        openChoiceWindow(m, now);
        notify(tx, m, NotificationKind.CHOOSE_SUPPLIER, now.toISOString(), now);
        await tx.flush();
        return m;
      });
    } catch (e) {
      if (e instanceof OptimisticLockError) throw conflict('Measure was changed meanwhile; reload it');
      throw e;
    }
  }

  @Mutation(() => DeathRegistration, { description: "Integrator (scope programs:write): the recipient's death is registered; open measures are closed and active orders cancelled" })
  async registerDeath(@Arg('personIin', () => String) personIin: string, @Arg('diedOn', () => String) diedOn: string, @Ctx() ctx: Context): Promise<DeathRegistration> {
    requireWriter(ctx.identity);
    checkCalendarDate(diedOn, 'diedOn');
    const person = await personByIin(ctx, personIin);
    const now = ctx.runtime.clock.now();
    let measuresCancelled = 0;
    const { orderCommands, commandIds } = await ctx.em.fork().transactional(async (tx) => {
      const closed = await closeOpenMeasures(tx, person.id, 'DEATH_REGISTERED', now);
      measuresCancelled = closed.measures;
      // people keeps the date (Person.deceased); the command rides in this transaction like the cancellations.
      const death = enqueueCommand(tx, 'people', 'internalRegisterDeath', { personId: person.id, diedOn });
      await tx.flush();
      return { orderCommands: closed.commandIds.length, commandIds: [...closed.commandIds, death.id] };
    });
    await deliverCommands(ctx.em, ctx.runtime, 'programs', commandIds);
    return { personId: person.id, measuresCancelled, ordersCancelled: orderCommands };
  }

  @Mutation(() => DeathRegistration, {
    description:
      "Integrator (scope programs:write), or the employment department of the person's region: the recipient left Kazakhstan. Open measures are closed (closedReason DEPARTED) and orders not yet handed over are cancelled (reason DEPARTED); what was received stays. Idempotent: a second registration closes nothing.",
  })
  async registerDeparture(@Arg('personIin', () => String) personIin: string, @Arg('departedOn', () => String, { description: 'YYYY-MM-DD' }) departedOn: string, @Ctx() ctx: Context): Promise<DeathRegistration> {
    const identity = requireIdentity(ctx.identity);
    checkCalendarDate(departedOn, 'departedOn');
    const now = ctx.runtime.clock.now();
    if (departedOn > localDate(now)) throw badInput('The departure date cannot be in the future', 'departedOn');
    // Who may ask at all before anything is looked up: others learn nothing about which IINs exist.
    if (!(identity.role === Role.ADMIN || hasScope(identity, WRITE_SCOPE) || identity.role === Role.EMPLOYMENT_DEPARTMENT)) {
      throw forbidden(`Scope ${WRITE_SCOPE} or the employment department of the person's region required`);
    }
    const person = await personByIin(ctx, personIin);
    if (identity.role === Role.EMPLOYMENT_DEPARTMENT && !hasScope(identity, WRITE_SCOPE) && identity.regionCode !== person.regionCode) {
      throw forbidden(`Scope ${WRITE_SCOPE} or the employment department of the person's region required`);
    }
    // Seeds 004 ¶28 (wheelchairs), ¶30 (prosthetics), ¶83 (technical aids): when the recipient leaves, what was not yet
    // received is returned: open measures close and their active orders are cancelled.
    const closed = await ctx.em.fork().transactional(async (tx) => {
      const c = await closeOpenMeasures(tx, person.id, DEPARTED, now);
      await tx.flush();
      return c;
    });
    await deliverCommands(ctx.em, ctx.runtime, 'programs', closed.commandIds);
    return { personId: person.id, measuresCancelled: closed.measures, ordersCancelled: closed.commandIds.length };
  }

  @Query(() => FulfilmentConnection, { description: 'Fulfilled measures, oldest first (social-protection system: integrator with programs:read)' })
  fulfilments(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const id = requireIdentity(ctx.identity);
    if (!(id.role === Role.ADMIN || hasScope(id, SCOPE))) throw forbidden(`Scope ${SCOPE} required`);
    return paginate(ctx.em, Fulfilment, {}, page);
  }

  @FieldResolver(() => Fulfilment, { nullable: true })
  async fulfilment(@Root() m: Measure, @Ctx() ctx: Context) {
    if (m.status !== MeasureStatus.FULFILLED) return null;
    return ctx.loaders.fulfilmentByMeasure.load(m.id);
  }

  // ---- internal: commands from the orders subgraph (service identity, idempotent by commandId) ----

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: "Internal (orders): an order now holds this measure; its supplier may see the measure's kind and item from now on" })
  async internalMeasureOrdered(
    @Arg('commandId', () => ID) commandId: string,
    @Arg('measureId', () => ID) measureId: string,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId: string | undefined,
    @Ctx() ctx: Context,
  ) {
    requireService(ctx.identity);
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const m = await tx.findOne(Measure, measureId);
      if (!m) throw notFound('Measure', measureId);
      if (supplierId) await grantSupplierAccess(tx, m.id, supplierId, ctx.runtime.clock.now());
      if (!(CHOOSABLE as readonly string[]).includes(m.status)) throw invalidTransition('Measure', m.status, MeasureStatus.ORDERED);
      m.activeOrderId = orderId;
      setMeasureStatus(tx, m, MeasureStatus.ORDERED);
      return true;
    });
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (orders): the order holding this measure was refused, expired or cancelled; the recipient chooses again' })
  async internalMeasureReleased(@Arg('commandId', () => ID) commandId: string, @Arg('measureId', () => ID) measureId: string, @Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    requireService(ctx.identity);
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const m = await tx.findOne(Measure, measureId);
      if (!m) throw notFound('Measure', measureId);
      // Only the order that holds the measure releases it (a late message about an old order changes nothing).
      if (m.status !== MeasureStatus.ORDERED || (m.activeOrderId && m.activeOrderId !== orderId)) return false;
      m.activeOrderId = null;
      setMeasureStatus(tx, m, MeasureStatus.AWAITING_CHOICE);
      openChoiceWindow(m, now);
      notify(tx, m, NotificationKind.CHOOSE_AGAIN, orderId, now);
      return true;
    });
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (orders): handover confirmed; the measure is fulfilled and a fulfilment record written' })
  async internalMeasureFulfilled(
    @Arg('commandId', () => ID) commandId: string,
    @Arg('measureId', () => ID) measureId: string,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('fulfilledAt', () => Date) fulfilledAt: Date,
    @Ctx() ctx: Context,
  ) {
    requireService(ctx.identity);
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const m = await tx.findOne(Measure, measureId);
      if (!m) throw notFound('Measure', measureId);
      if (m.status !== MeasureStatus.ORDERED || (m.activeOrderId && m.activeOrderId !== orderId)) throw invalidTransition('Measure', m.status, MeasureStatus.FULFILLED);
      m.fulfilledAt = fulfilledAt;
      setMeasureStatus(tx, m, MeasureStatus.FULFILLED);
      tx.persist(tx.create(Fulfilment, { measureId: m.id, sourceId: m.sourceId, orderId, supplierId, personId: m.personId, regionCode: m.regionCode, fulfilledAt }));
      notify(tx, m, NotificationKind.MEASURE_FULFILLED, orderId, now);
      return true;
    });
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: "Internal (orders): the forms of the measure's orders passed retention; the measure (and its fulfilment, and the program once no measure is left) no longer points to the person" })
  async internalForgetMeasurePerson(@Arg('commandId', () => ID) commandId: string, @Arg('measureId', () => ID) measureId: string, @Ctx() ctx: Context) {
    requireService(ctx.identity);
    if (!isUuid(measureId)) throw badInput('Measure id must be a UUID', 'measureId');
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      return forgetMeasurePerson(tx, measureId);
    });
  }
}
