import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Role, badInput, checkCalendarDate, checkRegionCode, hasScope, notFound, forbidden, isUuid, isValidIin, policyRefusal, requireIdentity } from '@aleumet/core';
import { ConnectionType, PageArgs, authorize, grantSupplierAccess, paginate, paginateLoaded, viewOf } from '@aleumet/subgraph-kit';
import { firstTime, requireService } from '@aleumet/events';
import { PEOPLE_SCOPE, personPolicy } from '../domain/policies.js';
import { Person, PersonSource, PhoneSource, Representation, Sex, RecipientCategory } from '../entities/index.js';
import { applyFields, recordSource } from '../domain/person-record.js';
import { listableRegion } from '../domain/access.js';
import { isActing } from '../domain/representations.js';
import { localDate } from '@aleumet/calendar';
import type { Context } from './context.js';

const PersonConnection = ConnectionType('Person', Person);
const RepresentationConnection = ConnectionType('Representation', Representation);

@ObjectType({ description: 'What the person needs help with (from the disability assessment)' })
class Needs {
  @Field(() => Boolean) vision!: boolean;
  @Field(() => Boolean) hearing!: boolean;
  @Field(() => Boolean) mobility!: boolean;
}

@InputType()
class ContactsInput {
  @Field(() => String, { nullable: true, description: 'Mobile phone, +7 and 10 digits' }) phone?: string;
  @Field(() => String, { nullable: true, description: 'E-mail address; empty string removes it' }) email?: string;
}

const PHONE = /^\+7\d{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function loadPerson(ctx: Context, id: string): Promise<Person> {
  if (!isUuid(id)) throw badInput('Person id must be a UUID', 'id');
  const person = await ctx.loaders.person.load(id);
  if (!person) throw notFound('Person', id);
  return person;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'The signed-in recipient or representative' })
  async me(@Ctx() ctx: Context): Promise<Person | null> {
    const id = requireIdentity(ctx.identity);
    return id.personId ? ctx.loaders.person.load(id.personId) : null;
  }

  @Query(() => Person)
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Person> {
    requireIdentity(ctx.identity);
    return authorize(ctx, personPolicy, await loadPerson(ctx, id));
  }

  @Query(() => Person, {
    nullable: true,
    description: 'Find a person by IIN (12 digits with a valid check digit): admins, departments (own region), integrators with people:read, and the person or a representative. Null only for the staff roles; anyone else gets FORBIDDEN whether or not the IIN is registered.',
  })
  async personByIin(@Arg('iin', () => String) iin: string, @Ctx() ctx: Context): Promise<Person | null> {
    const identity = requireIdentity(ctx.identity);
    if (!isValidIin(iin)) throw badInput('IIN must be 12 digits with a valid check digit and birth date', 'iin');
    const person = await ctx.em.findOne(Person, { iin });
    // A search by a personal identifier: the full view only, and no answer that tells others whether
    // an IIN belongs to a recipient of disability services.
    const staff = identity.role === Role.ADMIN || identity.role === Role.EMPLOYMENT_DEPARTMENT || hasScope(identity, PEOPLE_SCOPE);
    if (!person) {
      if (staff) return null;
      throw policyRefusal(personPolicy, identity);
    }
    if ((await viewOf(ctx, personPolicy, person)) !== 'full') throw policyRefusal(personPolicy, identity);
    return person;
  }

  @Query(() => PersonConnection, { description: 'Persons of a region (employment department: its own region)' })
  async persons(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | undefined,
    @Ctx() ctx: Context,
  ) {
    if (regionCode != null) checkRegionCode(regionCode);
    const region = listableRegion(ctx.identity, regionCode);
    return paginate(ctx.em, Person, region ? { regionCode: region } : {}, page);
  }

  @Mutation(() => Person, { description: 'The recipient edits the contacts the registries do not own' })
  async updateMyContacts(@Arg('input', () => ContactsInput) input: ContactsInput, @Ctx() ctx: Context): Promise<Person> {
    const id = requireIdentity(ctx.identity);
    if (!id.personId) throw forbidden('Only a recipient or representative has contacts here');
    if (input.phone !== undefined && !PHONE.test(input.phone)) throw badInput('Phone must be +7 followed by 10 digits', 'phone');
    if (input.email != null && input.email !== '' && (input.email.length > LIMITS.name || !EMAIL.test(input.email))) throw badInput('E-mail address is not valid', 'email');
    const person = await loadPerson(ctx, id.personId);
    // 003 ¶6: the person corrects the number from БМГ here; a typed number is not a verified one (unless it is БМГ's own).
    if (input.phone !== undefined && input.phone !== person.phone) {
      const changes = applyFields(person, { phone: input.phone, phoneVerified: false, phoneSource: PhoneSource.CABINET }, false);
      recordSource(ctx.em, person, PersonSource.CABINET, id.sub, changes, ctx.runtime.clock.now());
    }
    if (input.email !== undefined) person.email = input.email || null;
    await ctx.em.flush();
    return person;
  }

  // Personal fields: the person policy (domain/policies.ts) guards every field of Person, so a supplier who
  // reaches a person through an order reads the name only.
  @FieldResolver(() => String) iin(@Root() p: Person) { return p.iin; }
  @FieldResolver(() => String, { description: 'YYYY-MM-DD' }) birthDate(@Root() p: Person) { return p.birthDate; }
  @FieldResolver(() => Sex) sex(@Root() p: Person) { return p.sex; }
  @FieldResolver(() => String) address(@Root() p: Person) { return p.address; }
  @FieldResolver(() => String, { description: 'Mobile number, +7 and 10 digits; empty when no source knows one (see phoneVerified, phoneSource)' }) phone(@Root() p: Person) { return p.phone; }
  @FieldResolver(() => String, { nullable: true }) email(@Root() p: Person) { return p.email ?? null; }
  @FieldResolver(() => RecipientCategory) category(@Root() p: Person) { return p.category; }
  @FieldResolver(() => Int, { nullable: true, description: 'Disability group 1..3' }) disabilityGroup(@Root() p: Person) { return p.disabilityGroup ?? null; }
  @FieldResolver(() => Needs) needs(@Root() p: Person): Needs { return { vision: p.vision, hearing: p.hearing, mobility: p.mobility }; }
  @FieldResolver(() => Boolean) deceased(@Root() p: Person) { return p.deceasedOn != null; }

  @FieldResolver(() => RepresentationConnection, { description: 'Persons this person may act for today (verified, within the term); every request: myRepresentations' })
  async principals(@Root() p: Person, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const today = localDate(ctx.runtime.clock.now());
    return paginateLoaded((await ctx.loaders.representationsByRepresentative.load(p.id)).filter((r) => isActing(r, today)), page);
  }

  @FieldResolver(() => RepresentationConnection, { description: 'Legal representatives and proxies who may act for this person today (verified, within the term)' })
  async representatives(@Root() p: Person, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const today = localDate(ctx.runtime.clock.now());
    return paginateLoaded((await ctx.loaders.representationsByPrincipal.load(p.id)).filter((r) => isActing(r, today)), page);
  }

  /** Internal (programs, after `registerDeath`): the person's date of death, once per command; a later date never replaces an earlier one. */
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: "Internal (programs): the registered death of a person" })
  async internalRegisterDeath(
    @Arg('commandId', () => ID) commandId: string,
    @Arg('personId', () => ID) personId: string,
    @Arg('diedOn', () => String) diedOn: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    requireService(ctx.identity);
    if (!isUuid(commandId) || !isUuid(personId)) throw badInput('commandId and personId must be UUIDs');
    checkCalendarDate(diedOn, 'diedOn');
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const person = await tx.findOne(Person, personId);
      if (!person) throw notFound('Person', personId);
      if (person.deceasedOn && person.deceasedOn <= diedOn) return false;
      person.deceasedOn = diedOn;
      return true;
    });
  }
}

/** Internal (orders, when an order is placed): the order's supplier may see the recipient's name from now on. */
@Resolver(() => Person)
export class SupplierAccessResolver {
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (orders): a supplier received an order from this person' })
  async internalSupplierServesPerson(
    @Arg('commandId', () => ID) commandId: string,
    @Arg('personId', () => ID) personId: string,
    @Arg('supplierId', () => ID) supplierId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    requireService(ctx.identity);
    if (!isUuid(commandId) || !isUuid(personId) || !isUuid(supplierId)) throw badInput('commandId, personId and supplierId must be UUIDs');
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      await grantSupplierAccess(tx, personId, supplierId, ctx.runtime.clock.now());
      return true;
    });
  }
}

@Resolver(() => Representation)
export class RepresentationResolver {
  @FieldResolver(() => Person)
  async representative(@Root() r: Representation, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(r.representativeId);
  }
  @FieldResolver(() => Person)
  async principal(@Root() r: Representation, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(r.principalId);
  }
}
