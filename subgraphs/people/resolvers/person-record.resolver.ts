import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { LIMITS, Role, checkText, forbidden, hasScope, requireIdentity } from '@aleumet/core';
import { ConnectionType, PageArgs, paginateLoaded } from '@aleumet/subgraph-kit';
import { requireService } from '@aleumet/events';
import { Person, PersonSourceRecord, PhoneSource, RecipientCategory, Sex } from '../entities/index.js';
import { RecordOutcome, recordFromSource } from '../domain/source-record.js';
import { actorOf } from '../domain/registry-reads.js';
import type { Context } from './context.js';

export const PEOPLE_WRITE = 'people:write';
const SourceRecordConnection = ConnectionType('PersonSourceRecord', PersonSourceRecord);

registerEnumType(RecordOutcome, {
  name: 'PersonRecordOutcome',
  description: 'CREATED: new to the portal; UPDATED: fields changed; UNCHANGED: this version again, or nothing differs; STALE: older than the version applied last, nothing changed',
});

@InputType({ description: "The person's identity document as Е-Собес holds it" })
export class IdDocumentInput {
  @Field(() => String, { description: 'ID_CARD, PASSPORT, BIRTH_CERTIFICATE, RESIDENCE_PERMIT or STATELESS_CERTIFICATE' }) type!: string;
  @Field(() => String) number!: string;
  @Field(() => String) issuer!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) issuedOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; none for a birth certificate' }) validUntil?: string | null;
}

@InputType()
export class NeedsInput {
  @Field(() => Boolean) vision!: boolean;
  @Field(() => Boolean) hearing!: boolean;
  @Field(() => Boolean) mobility!: boolean;
}

@InputType({ description: 'A person as Е-Собес sends it with the IPR: created on the portal if new, else updated where it differs' })
export class PersonRecordInput {
  @Field(() => String, { description: 'IIN (12 digits, valid check digit); birthDate and sex must agree with it' }) iin!: string;
  @Field(() => Int, { description: "Version of Е-Собес's record of the person (grows with every change): the idempotency key with the IIN" }) sourceVersion!: number;
  @Field(() => String) lastName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field(() => String, { description: 'YYYY-MM-DD' }) birthDate!: string;
  @Field(() => Sex) sex!: Sex;
  @Field(() => String, { description: 'ISO 3166-2:KZ region of the permanent address (its employment department serves the person)' }) regionCode!: string;
  @Field(() => String) permanentAddress!: string;
  @Field(() => String, { nullable: true }) temporaryAddress?: string | null;
  @Field(() => IdDocumentInput, { nullable: true }) idDocument?: IdDocumentInput | null;
  @Field(() => RecipientCategory, { description: 'DISABLED or ELDERLY; with a GSP publication also NONE (a GSP recipient only: the category held stays)' }) category!: RecipientCategory;
  @Field(() => Int, { nullable: true, description: '1..3, required for DISABLED' }) disabilityGroup?: number | null;
  @Field(() => [String], { nullable: true, description: 'Causes of the disability as codes, e.g. GENERAL_DISEASE, CHILDHOOD, OCCUPATIONAL' }) disabilityReasons?: string[] | null;
  @Field(() => NeedsInput, { nullable: true }) needs?: NeedsInput | null;
  @Field(() => String, { nullable: true, description: "+7 and 10 digits, if Е-Собес knows one (БМГ's verified number wins)" }) phone?: string | null;
}

@ObjectType()
class PersonRecordResult {
  @Field(() => ID, { description: "The person's id on the portal (people:write alone does not read the person: that is people:read)" }) personId!: string;
  @Field(() => Person, { description: 'The person as recorded (people:read)' }) person!: Person;
  @Field(() => RecordOutcome) outcome!: RecordOutcome;
  @Field(() => [String], { description: 'Fields this version set or changed' }) changedFields!: string[];
}

@ObjectType({ description: 'The identity document from the registries' })
class IdentityDocument {
  @Field(() => String) type!: string;
  @Field(() => String) number!: string;
  @Field(() => String) issuer!: string;
  @Field(() => String) issuedOn!: string;
  @Field(() => String, { nullable: true }) validUntil!: string | null;
}

@Resolver(() => Person)
export class PersonRecordResolver {
  @Mutation(() => PersonRecordResult, {
    description: 'Integrator (scope people:write, Е-Собес): a person with the data of its IPR. Idempotent by IIN and sourceVersion; each accepted version is kept in Person.sourceHistory',
  })
  async recordPerson(@Arg('input', () => PersonRecordInput) input: PersonRecordInput, @Ctx() ctx: Context): Promise<PersonRecordResult> {
    const identity = requireIdentity(ctx.identity);
    if (identity.role !== Role.ADMIN && !(identity.role === Role.INTEGRATOR && hasScope(identity, PEOPLE_WRITE))) throw forbidden(`Scope ${PEOPLE_WRITE} required`);
    const r = await recordFromSource(ctx.em, actorOf(identity), input, ctx.runtime.clock.now(), 'input');
    return { ...r, personId: r.person.id };
  }

  /** Internal (programs, `publishMeasures` or `publishGspEntitlements` with `person`): the integrator's client is the actor, its scope checked there. */
  @Directive('@inaccessible')
  @Mutation(() => PersonRecordResult, { description: 'Internal (programs): the person of an IPR or GSP publication' })
  async internalRecordPerson(
    @Arg('actorSub', () => String) actorSub: string,
    @Arg('input', () => PersonRecordInput) input: PersonRecordInput,
    @Arg('gsp', () => Boolean, { defaultValue: false, description: 'The person comes with a guaranteed social package: category NONE allowed (the category held stays)' }) gsp: boolean,
    @Ctx() ctx: Context,
  ): Promise<PersonRecordResult> {
    requireService(ctx.identity);
    checkText(actorSub, 'actorSub', LIMITS.key);
    const r = await recordFromSource(ctx.em, { sub: actorSub, role: Role.INTEGRATOR, clientId: actorSub }, input, ctx.runtime.clock.now(), 'person', gsp);
    return { ...r, personId: r.person.id };
  }

  // Guarded with every other field of Person by the person policy (full view only).
  @FieldResolver(() => String, { nullable: true }) temporaryAddress(@Root() p: Person) { return p.temporaryAddress ?? null; }
  @FieldResolver(() => IdentityDocument, { nullable: true }) idDocument(@Root() p: Person): IdentityDocument | null {
    if (!p.idDocumentType || !p.idDocumentNumber) return null;
    return { type: p.idDocumentType, number: p.idDocumentNumber, issuer: p.idDocumentIssuer ?? '', issuedOn: p.idDocumentIssuedOn ?? '', validUntil: p.idDocumentValidUntil ?? null };
  }
  @FieldResolver(() => [String], { description: 'Causes of the disability (codes from the assessment)' }) disabilityReasons(@Root() p: Person) { return p.disabilityReasons ?? []; }
  @FieldResolver(() => Boolean, { description: 'The phone is the number the mobile-citizens base (БМГ) holds as verified' }) phoneVerified(@Root() p: Person) { return p.phoneVerified; }
  @FieldResolver(() => PhoneSource, { nullable: true }) phoneSource(@Root() p: Person) { return p.phoneSource ?? null; }

  @FieldResolver(() => SourceRecordConnection, { description: 'What each source (Е-Собес, the registries, the person) said about this person and when, oldest first' })
  async sourceHistory(@Root() p: Person, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded(await ctx.loaders.sourceHistoryByPerson.load(p.id), page);
  }
}
