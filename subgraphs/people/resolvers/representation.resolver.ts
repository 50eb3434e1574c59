import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import {
  LIMITS, Role, badInput, checkLength, checkOneOf, checkRegionCode, checkText, conflict, decodeUpload, forbidden, invalidTransition, isUuid, isValidIin, notFound, requireIdentity, requireRole,
} from '@aleumet/core';
import { ConnectionType, PageArgs, authorize, paginate } from '@aleumet/subgraph-kit';
import { localDate } from '@aleumet/calendar';
import { Person, Representation, RepresentationBasis, RepresentationFile, RepresentationKind, RepresentationStatus, kindOfBasis } from '../entities/index.js';
import { assertDecider, checkRequest } from '../domain/representations.js';
import { representationFilePolicy, representationPolicy } from '../domain/policies.js';
import type { Context } from './context.js';

const RepresentationPage = ConnectionType('RepresentationPage', Representation);

export enum RepresentationSide { PRINCIPAL = 'PRINCIPAL', REPRESENTATIVE = 'REPRESENTATIVE' }
registerEnumType(RepresentationSide, { name: 'RepresentationSide', description: 'PRINCIPAL: who may act for me; REPRESENTATIVE: for whom I asked to act' });

@InputType({ description: 'A scanned document: PDF, PNG or JPEG, at most 700 KiB, as base64' })
class ScanInput {
  @Field(() => String) fileName!: string;
  @Field(() => String, { description: 'application/pdf, image/png or image/jpeg' }) contentType!: string;
  @Field(() => String) contentBase64!: string;
}

@InputType({ description: 'A request to act for a person, with the document it rests on' })
class RepresentationRequestInput {
  @Field(() => String, { description: 'IIN of the person to act for' }) principalIin!: string;
  @Field(() => RepresentationBasis) basis!: RepresentationBasis;
  @Field(() => String, { description: 'e.g. birth certificate, guardianship decision, notarial power of attorney' }) documentType!: string;
  @Field(() => String) documentNumber!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) documentDate!: string;
  @Field(() => String, { description: 'Who issued it: registry office, guardianship body, court, notary' }) documentIssuer!: string;
  @Field(() => String, { description: 'First day of the term, YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Last day of the term, YYYY-MM-DD (required for a power of attorney)' }) validTo?: string;
  @Field(() => ScanInput) scan!: ScanInput;
}

async function load(ctx: Context, id: string): Promise<Representation> {
  if (!isUuid(id)) throw badInput('Representation id must be a UUID', 'id');
  const r = await ctx.em.findOne(Representation, { id });
  if (!r) throw notFound('Representation', id);
  return r;
}

@Resolver(() => Representation)
export class RepresentationRegistryResolver {
  @Query(() => Representation)
  async representation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Representation> {
    requireIdentity(ctx.identity);
    return authorize(ctx, representationPolicy, await load(ctx, id));
  }

  @Query(() => RepresentationPage, { description: 'The signed-in person: who may act for them (PRINCIPAL) or for whom they asked to act (REPRESENTATIVE), every status, oldest first' })
  myRepresentations(
    @Arg('side', () => RepresentationSide, { defaultValue: RepresentationSide.PRINCIPAL }) side: RepresentationSide,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const id = requireIdentity(ctx.identity);
    if (!id.personId) throw forbidden('Only a person has representations');
    return paginate(ctx.em, Representation, side === RepresentationSide.PRINCIPAL ? { principalId: id.personId } : { representativeId: id.personId }, page);
  }

  @Query(() => RepresentationPage, { description: "Employment department (own region) and admins: representations by status (default PENDING, the requests to verify), oldest first" })
  representationRequests(
    @Arg('status', () => RepresentationStatus, { defaultValue: RepresentationStatus.PENDING }) status: RepresentationStatus,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const id = requireRole(ctx.identity, Role.EMPLOYMENT_DEPARTMENT, Role.ADMIN);
    if (regionCode != null) checkRegionCode(regionCode);
    if (id.role === Role.EMPLOYMENT_DEPARTMENT && regionCode && regionCode !== id.regionCode) throw forbidden('You may list your own region only');
    const region = id.role === Role.EMPLOYMENT_DEPARTMENT ? id.regionCode : regionCode;
    if (id.role === Role.EMPLOYMENT_DEPARTMENT && !region) throw forbidden();
    return paginate(ctx.em, Representation, { status, ...(region ? { regionCode: region } : {}) }, page);
  }

  @Query(() => RepresentationFile, { description: "The scanned document of a representation with its content: the person, the representative, the person's region's department, admins" })
  async representationDocument(@Arg('representationId', () => ID) representationId: string, @Ctx() ctx: Context): Promise<RepresentationFile> {
    requireIdentity(ctx.identity);
    const r = await authorize(ctx, representationPolicy, await load(ctx, representationId));
    const file = r.documentFileId ? await ctx.em.findOne(RepresentationFile, { id: r.documentFileId }, { populate: ['content'] }) : null;
    if (!file) throw notFound('Document of Representation', representationId);
    return authorize(ctx, representationFilePolicy, file);
  }

  @Mutation(() => Representation, {
    description: 'A parent, guardian, trustee or holder of a power of attorney asks to act for a person, with the document (type, number, date, issuer, term, scan). PENDING until the employment department of the person\'s region verifies it. CONFLICT when a request or representation for the same person is already pending or active.',
  })
  async requestRepresentation(@Arg('input', () => RepresentationRequestInput) input: RepresentationRequestInput, @Ctx() ctx: Context): Promise<Representation> {
    const id = requireRole(ctx.identity, Role.RECIPIENT, Role.REPRESENTATIVE);
    if (!id.personId) throw forbidden('Only a person signed in with the electronic signature asks to represent');
    if (!isValidIin(input.principalIin)) throw badInput('IIN must be 12 digits with a valid check digit and birth date', 'principalIin');
    checkOneOf(input.basis, Object.values(RepresentationBasis), 'basis');
    const now = ctx.runtime.clock.now();
    const fields = checkRequest(input, localDate(now));
    const fileName = checkText(input.scan.fileName, 'scan.fileName', LIMITS.title);
    checkLength(input.scan.contentType, 'scan.contentType', LIMITS.code);
    const { bytes, sha256 } = decodeUpload(input.scan.contentType, input.scan.contentBase64, 'A scan');
    return ctx.em.fork().transactional(async (tx) => {
      const [me, principal] = await Promise.all([tx.findOne(Person, { id: id.personId! }), tx.findOne(Person, { iin: input.principalIin })]);
      if (!me) throw forbidden();
      // The person must be known to the portal (its programme comes from Е-Собес): otherwise there is nobody to verify for.
      if (!principal) throw notFound('Person with IIN', input.principalIin);
      if (principal.id === me.id) throw badInput('You cannot represent yourself', 'principalIin');
      if (principal.deceasedOn) throw badInput('The person is recorded as deceased', 'principalIin');
      const open = await tx.count(Representation, { principalId: principal.id, representativeId: me.id, status: { $in: [RepresentationStatus.PENDING, RepresentationStatus.ACTIVE] } });
      if (open) throw conflict('You already have a pending or active representation of this person', { reason: 'REPRESENTATION_EXISTS' });
      const r = tx.create(Representation, {
        representativeId: me.id, principalId: principal.id, kind: kindOfBasis(fields.basis), status: RepresentationStatus.PENDING,
        regionCode: principal.regionCode, representativeName: me.fullName, representativeIin: me.iin, principalName: principal.fullName,
        ...fields, createdAt: now, updatedAt: now,
      });
      const file = tx.create(RepresentationFile, {
        representationId: r.id, principalId: principal.id, representativeId: me.id, regionCode: principal.regionCode,
        fileName, contentType: input.scan.contentType, size: bytes.length, sha256, content: bytes, createdAt: now, updatedAt: now,
      });
      r.documentFileId = file.id;
      tx.persist([r, file]);
      return r;
    });
  }

  @Mutation(() => Representation, { description: "The employment department of the person's region (or an admin) verifies a pending request: the representative may act from validFrom to validTo" })
  async verifyRepresentation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Representation> {
    const identity = requireRole(ctx.identity, Role.EMPLOYMENT_DEPARTMENT, Role.ADMIN);
    if (!isUuid(id)) throw badInput('Representation id must be a UUID', 'id');
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      const r = await tx.findOne(Representation, { id });
      if (!r) throw notFound('Representation', id);
      assertDecider(identity, r);
      if (r.status !== RepresentationStatus.PENDING) throw invalidTransition('Representation', r.status, RepresentationStatus.ACTIVE);
      if (r.validTo && r.validTo < localDate(now)) throw invalidTransition('Representation', `${r.status} (term over)`, RepresentationStatus.ACTIVE);
      Object.assign(r, { status: RepresentationStatus.ACTIVE, decidedAt: now, decidedBy: identity.sub });
      return r;
    });
  }

  @Mutation(() => Representation, {
    description: "The employment department of the person's region (or an admin) rejects a pending request, or withdraws a verified one (e.g. the guardianship body ended it, the document proved invalid), with the reason the requester sees. A withdrawn representation stops at once.",
  })
  async rejectRepresentation(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<Representation> {
    const identity = requireRole(ctx.identity, Role.EMPLOYMENT_DEPARTMENT, Role.ADMIN);
    if (!isUuid(id)) throw badInput('Representation id must be a UUID', 'id');
    const text = checkText(reason, 'reason', LIMITS.reason, 3);
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      const r = await tx.findOne(Representation, { id });
      if (!r) throw notFound('Representation', id);
      assertDecider(identity, r);
      if (r.status !== RepresentationStatus.PENDING && r.status !== RepresentationStatus.ACTIVE) throw invalidTransition('Representation', r.status, RepresentationStatus.REJECTED);
      // Withdrawing a verified one also ends it (the gateway then stops the representative at once).
      const ending = r.status === RepresentationStatus.ACTIVE ? { endedAt: now, endedBy: identity.sub, endReason: 'WITHDRAWN_BY_DEPARTMENT' } : {};
      Object.assign(r, { status: RepresentationStatus.REJECTED, decidedAt: now, decidedBy: identity.sub, rejectionReason: text, ...ending });
      return r;
    });
  }

  @Mutation(() => Representation, {
    description: 'The person revokes a power of attorney (pending or active) at once. A legal representation (parent, guardian, trustee) is not revoked by the person: FORBIDDEN.',
  })
  async revokeRepresentation(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null | undefined, @Ctx() ctx: Context): Promise<Representation> {
    const identity = requireRole(ctx.identity, Role.RECIPIENT, Role.REPRESENTATIVE);
    if (!isUuid(id)) throw badInput('Representation id must be a UUID', 'id');
    const text = reason == null ? null : checkText(reason, 'reason', LIMITS.reason);
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      const r = await tx.findOne(Representation, { id });
      if (!r) throw notFound('Representation', id);
      if (!identity.personId || identity.personId !== r.principalId) throw forbidden('Only the person represented revokes a power of attorney');
      if (r.kind !== RepresentationKind.PROXY) throw forbidden('A legal representation ends by a decision of the guardianship body, not by revocation');
      if (r.status !== RepresentationStatus.PENDING && r.status !== RepresentationStatus.ACTIVE) throw invalidTransition('Representation', r.status, RepresentationStatus.REVOKED);
      Object.assign(r, { status: RepresentationStatus.REVOKED, endedAt: now, endedBy: identity.personId, endReason: text ?? 'REVOKED_BY_PERSON' });
      return r;
    });
  }

  @FieldResolver(() => RepresentationFile, { nullable: true, description: 'The scanned document (its content through representationDocument)' })
  document(@Root() r: Representation, @Ctx() ctx: Context) {
    return r.documentFileId ? ctx.loaders.representationFile.load(r.documentFileId) : null;
  }
}

@Resolver(() => RepresentationFile)
export class RepresentationFileResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Base64 content: only from representationDocument (null in lists)' })
  contentBase64(@Root() f: RepresentationFile): string | null {
    const content = f.content as unknown;
    return Buffer.isBuffer(content) ? content.toString('base64') : null;
  }
}
