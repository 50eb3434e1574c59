import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { enqueueCommand } from '@aleumet/events';
import {
  GSP_TRANSITIONS, LIMITS, badInput, checkCalendarDate, checkInt, checkOptionalText, checkText, conflict, forbidden, gspKindByCode, invalidTransition, isUuid,
  listScope, notFound, requireIdentity, scopeWhere, uuidv7,
} from '@aleumet/core';
import { ConnectionType, PageArgs, authorize, paginate, paginateLoaded } from '@aleumet/subgraph-kit';
import { GspEntitlement, GspKind, GspStatus, GspUnit, PersonRef } from '../entities/index.js';
import { SCOPE, gspEntitlementPolicy } from '../domain/policies.js';
import { personByIin, requireWriter, serializedPerPerson } from './lifecycle.resolver.js';
import { PersonRecordInput, recordPublishedPerson } from './published-person.js';
import type { Context } from './context.js';

const GspEntitlementConnection = ConnectionType('GspEntitlement', GspEntitlement);

@InputType()
class PublishedGspEntitlementInput {
  @Field(() => String, { description: 'Id of the entitlement in Е-Собес (idempotency key)' }) sourceId!: string;
  @Field(() => Int, { description: "Version of Е-Собес's record of the entitlement (grows with each change): a higher one updates, the same one again changes nothing, a lower one is stale" }) sourceVersion!: number;
  @Field(() => GspKind) kind!: GspKind;
  @Field(() => Int, { description: 'The volume, 1..10000, counted in unit' }) quantity!: number;
  @Field(() => GspUnit, { description: "The kind's unit: SETS_PER_MONTH for FOOD_SET and HYGIENE_SET, MEALS_PER_SCHOOL_DAY for SCHOOL_MEALS, SETS for SCHOOL_UNIFORM and SCHOOL_SUPPLIES, MONTHS for PUBLIC_TRANSPORT" }) unit!: GspUnit;
  @Field(() => String, { description: 'First day of the period, YYYY-MM-DD' }) startsOn!: string;
  @Field(() => String, { description: 'Last day of the period, YYYY-MM-DD' }) endsOn!: string;
}

@InputType()
class PublishGspEntitlementsInput {
  @Field(() => String, { description: 'IIN of the GSP recipient' }) personIin!: string;
  @Field(() => [PublishedGspEntitlementInput], { description: '1..50 entitlements' }) entitlements!: PublishedGspEntitlementInput[];
  @Field(() => PersonRecordInput, {
    nullable: true,
    description: "Scope people:write: the person's data from Е-Собес (its iin is personIin), recorded as with publishMeasures; category NONE is allowed here (a GSP recipient neither disabled nor elderly: the category held stays)",
  })
  person?: PersonRecordInput | null;
}

@ObjectType()
class PublishGspEntitlementsResult {
  @Field(() => ID) personId!: string;
  @Field(() => [GspEntitlement], { description: 'The entitlements as they are now, in the order sent' }) entitlements!: GspEntitlement[];
  @Field(() => Int, { description: 'Entitlements new to the portal (ASSIGNED)' }) created!: number;
  @Field(() => Int, { description: 'Entitlements whose kind, volume or period a higher sourceVersion changed' }) updated!: number;
  @Field(() => Int, { description: 'Entitlements exactly as published before' }) unchanged!: number;
  @Field(() => Int, { description: 'Entitlements sent with a sourceVersion lower than the one applied: nothing changed' }) stale!: number;
}

@InputType()
class SetGspStatusInput {
  @Field(() => String, { description: 'The entitlement, by its id in Е-Собес' }) sourceId!: string;
  @Field(() => GspStatus) status!: GspStatus;
  @Field(() => String, { nullable: true, description: 'Why (e.g. why it was stopped), at most 1000 characters' }) reason?: string | null;
}

@ObjectType()
class SetGspStatusResult {
  @Field(() => GspEntitlement) entitlement!: GspEntitlement;
  @Field(() => Boolean, { description: 'false: it already had this status (a retry), nothing changed' }) changed!: boolean;
}

function checkEntitlement(e: PublishedGspEntitlementInput, i: number): void {
  const at = (f: string) => `entitlements.${i}.${f}`;
  checkText(e.sourceId, at('sourceId'), LIMITS.key);
  checkInt(e.sourceVersion, at('sourceVersion'), 1, LIMITS.maxInt);
  const kind = gspKindByCode.get(e.kind);
  if (!kind) throw badInput(`Unknown GSP kind ${e.kind}`, at('kind'));
  checkInt(e.quantity, at('quantity'), 1, LIMITS.maxQuantity);
  if (kind.unit !== e.unit) throw badInput(`${e.kind} is counted in ${kind.unit}, not ${e.unit}`, at('unit'));
  checkCalendarDate(e.startsOn, at('startsOn'));
  checkCalendarDate(e.endsOn, at('endsOn'));
  if (e.endsOn < e.startsOn) throw badInput('endsOn must not be before startsOn', at('endsOn'));
}

const sameContent = (a: GspEntitlement, e: PublishedGspEntitlementInput) =>
  a.kind === e.kind && a.quantity === e.quantity && a.unit === e.unit && a.startsOn === e.startsOn && a.endsOn === e.endsOn;

/**
 * The guaranteed social package (GSP) of a person: Е-Собес publishes its kinds, volumes and periods and sets
 * their implementation statuses; the recipient (and representatives) see them in the cabinet, the region's
 * department sees its recipients (seeds 002 ¶1: the Rules' ¶2 subparagraph 10) and ¶7).
 */
type GspNotice = 'GSP_ASSIGNED' | 'GSP_BEING_PROVIDED' | 'GSP_PROVIDED' | 'GSP_STOPPED';

/**
 * Tells the person (or their representative's cabinet) of a GSP entitlement assigned or of its status, as
 * measures are told (the cabinet shows GSP statuses, 002 ¶7): in the same unit of work, once per change.
 */
function notifyGsp(tx: EntityManager, e: GspEntitlement, template: GspNotice): void {
  enqueueCommand(tx, 'people', 'internalNotify', {
    source: `programs:${template}:${e.id}`,
    template,
    personId: e.personId,
    regionCode: e.regionCode,
    params: JSON.stringify({ item: e.kind, ...(e.statusReason ? { step: e.statusReason.slice(0, 200) } : {}) }),
  });
}

@Resolver(() => GspEntitlement)
export class GspResolver {
  @Mutation(() => PublishGspEntitlementsResult, {
    description:
      "Integrator (scope programs:write, Е-Собес): publish a person's GSP entitlements (kind, volume, period). Idempotent by sourceId and sourceVersion: the same version again changes nothing, a higher one updates kind, volume and period, a lower one is stale. A new entitlement is ASSIGNED; a publication never changes a status (setGspStatus does). Nothing is written when any part is refused.",
  })
  async publishGspEntitlements(@Arg('input', () => PublishGspEntitlementsInput) input: PublishGspEntitlementsInput, @Ctx() ctx: Context): Promise<PublishGspEntitlementsResult> {
    const identity = requireWriter(ctx.identity);
    if (input.entitlements.length === 0 || input.entitlements.length > LIMITS.listItems) throw badInput(`Publish 1..${LIMITS.listItems} entitlements at a time`, 'entitlements');
    input.entitlements.forEach(checkEntitlement);
    if (new Set(input.entitlements.map((e) => e.sourceId)).size !== input.entitlements.length) throw badInput('sourceId repeated in one request', 'entitlements');
    if (input.person) {
      if (input.person.iin !== input.personIin) throw badInput('person.iin must be personIin', 'person.iin');
      // The same path as publishMeasures: people creates an unknown person from the data sent, or updates a known one.
      await recordPublishedPerson(ctx, identity, input.person, true);
    }
    // Read from people before the transaction (never hold a transaction across an HTTP call).
    const person = await personByIin(ctx, input.personIin);
    const now = ctx.runtime.clock.now();
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let stale = 0;
    const entitlements = await serializedPerPerson(ctx, person.id, async (tx) => {
      created = updated = unchanged = stale = 0;
      const existing = await tx.find(GspEntitlement, { sourceId: { $in: input.entitlements.map((e) => e.sourceId) } });
      const bySource = new Map(existing.map((e) => [e.sourceId, e]));
      const out: GspEntitlement[] = [];
      for (const [i, e] of input.entitlements.entries()) {
        const old = bySource.get(e.sourceId);
        if (!old) {
          const row = tx.create(GspEntitlement, {
            // Ids in the order sent (one millisecond apart): lists, oldest first, show a publication as Е-Собес listed it.
            id: uuidv7(now.getTime() + i),
            personId: person.id, regionCode: person.regionCode, kind: e.kind, quantity: e.quantity, unit: e.unit, startsOn: e.startsOn, endsOn: e.endsOn,
            sourceId: e.sourceId, sourceVersion: e.sourceVersion, status: GspStatus.ASSIGNED, publishedAt: now, statusChangedAt: now,
          });
          tx.persist(row);
          notifyGsp(tx, row, 'GSP_ASSIGNED');
          out.push(row);
          created++;
          continue;
        }
        if (old.personId !== person.id) throw conflict(`GSP entitlement ${e.sourceId} belongs to another person`, { field: `entitlements.${i}.sourceId`, sourceId: e.sourceId });
        out.push(old);
        if (e.sourceVersion < old.sourceVersion) {
          stale++;
          continue;
        }
        const same = sameContent(old, e);
        if (e.sourceVersion === old.sourceVersion) {
          if (!same) {
            throw conflict(`GSP entitlement ${e.sourceId} version ${e.sourceVersion} was published with other content; send a higher sourceVersion`, {
              field: `entitlements.${i}.sourceVersion`, sourceId: e.sourceId, currentVersion: old.sourceVersion,
            });
          }
          unchanged++;
          continue;
        }
        Object.assign(old, { kind: e.kind, quantity: e.quantity, unit: e.unit, startsOn: e.startsOn, endsOn: e.endsOn, sourceVersion: e.sourceVersion, regionCode: person.regionCode });
        if (same) unchanged++;
        else updated++;
      }
      await tx.flush();
      return out;
    });
    return { personId: person.id, entitlements, created, updated, unchanged, stale };
  }

  @Mutation(() => SetGspStatusResult, {
    description:
      'Integrator (scope programs:write, Е-Собес): the implementation status of a GSP entitlement. ASSIGNED → BEING_PROVIDED → PROVIDED, or STOPPED from ASSIGNED or BEING_PROVIDED; PROVIDED and STOPPED are final (INVALID_TRANSITION with from). The status it already has again changes nothing (changed: false).',
  })
  async setGspStatus(@Arg('input', () => SetGspStatusInput) input: SetGspStatusInput, @Ctx() ctx: Context): Promise<SetGspStatusResult> {
    requireWriter(ctx.identity);
    checkText(input.sourceId, 'sourceId', LIMITS.key);
    const reason = checkOptionalText(input.reason, 'reason', LIMITS.reason);
    if (!Object.values(GspStatus).includes(input.status)) throw badInput(`Unknown status ${input.status}`, 'status');
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      // Locked: concurrent retries of one change apply it once, and the others answer changed: false.
      const row = await tx.findOne(GspEntitlement, { sourceId: input.sourceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row) throw notFound('GspEntitlement', input.sourceId);
      if (row.status === input.status) return { entitlement: row, changed: false };
      if (!GSP_TRANSITIONS[row.status].includes(input.status)) throw invalidTransition('GspEntitlement', row.status, input.status);
      row.status = input.status;
      row.statusChangedAt = now;
      row.statusReason = reason;
      notifyGsp(tx, row, `GSP_${input.status}` as GspNotice);
      await tx.flush();
      return { entitlement: row, changed: true };
    });
  }

  @Query(() => GspEntitlement)
  async gspEntitlement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('GSP entitlement id must be a UUID', 'id');
    const row = await ctx.loaders.gspEntitlement.load(id);
    if (!row) throw notFound('GspEntitlement', id);
    return authorize(ctx, gspEntitlementPolicy, row);
  }

  @Query(() => GspEntitlementConnection, {
    description: "GSP entitlements visible to the caller, oldest first: own and represented persons' (recipient), the region's recipients (department), all (admin, integrator with programs:read)",
  })
  async gspEntitlements(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => GspStatus, { nullable: true }) status: GspStatus | undefined,
    @Arg('kind', () => GspKind, { nullable: true }) kind: GspKind | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = listScope(ctx.identity, SCOPE);
    if ('supplierId' in scope) throw forbidden('The guaranteed social package is not ordered through suppliers');
    return paginate(ctx.em, GspEntitlement, { ...scopeWhere(scope), ...(status ? { status } : {}), ...(kind ? { kind } : {}) }, page);
  }

  @FieldResolver(() => PersonRef)
  person(@Root() e: GspEntitlement): PersonRef {
    return { id: e.personId };
  }
}

/** Programs extends Person (owned by people) with the person's guaranteed social package. */
@Resolver(() => PersonRef)
export class PersonGspResolver {
  @FieldResolver(() => GspEntitlementConnection, { description: 'The guaranteed social package: its kinds, volumes and implementation statuses (002 ¶1, the Rules ¶7), oldest first' })
  async gspEntitlements(@Root() person: PersonRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.gspByPerson.load(String(person.id));
    for (const r of rows) await authorize(ctx, gspEntitlementPolicy, r);
    return paginateLoaded(rows, page);
  }
}
