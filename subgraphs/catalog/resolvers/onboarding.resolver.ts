import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  LIMITS, Role, badInput, checkList, checkOneOf, checkOptionalText, checkRegionCode, checkText, conflict, forbidden, invalidTransition, isUuid, isValidBin, isValidIin, notFound, requireIdentity, requireRole, type Identity,
} from '@aleumet/core';
import { ConnectionType, PageArgs, RetentionReport, ServiceKind, paginate } from '@aleumet/subgraph-kit';
import { deliverCommands, enqueueCommand } from '@aleumet/events';
import {
  BankDetails, DIRECTION_RULES, DirectionKind, DocumentKind, LegalForm, Offering, RegistryCheckResult, RegistryDifference, Supplier, SupplierDirection, SupplierDocument,
  SupplierKind, SupplierStatus, PersonnelMember,
} from '../entities/index.js';
import { RegistryCheck, developmentRegistry, registryAdapter } from '../domain/registry.js';
import { MAY_REGISTER, readLegalEntity, requireLegalEntity } from '../domain/legal-entities.js';
import { cardChecks, compareWithRegistry, registryFields } from '../domain/registry-card.js';
import { decodeDocument } from '../domain/documents.js';
import { applyCatalogRetention } from '../domain/retention.js';
import type { Context } from './context.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('catalog');

const SupplierConnection = ConnectionType('SupplierRegistration', Supplier);

// ---------- who may do what ----------

/** The owner of a registration: the identity that started it, or the supplier's own staff. */
export function isOwner(identity: Identity, s: Supplier): boolean {
  if (identity.role === Role.INTEGRATOR || identity.role === Role.EMPLOYMENT_DEPARTMENT) return false;
  return (identity.role === Role.SUPPLIER && identity.supplierId === s.id) || (s.ownerSub != null && identity.sub === s.ownerSub);
}
export const canSeeRegistration = (identity: Identity | null, s: Supplier) =>
  identity != null && (identity.role === Role.ADMIN || isOwner(identity, s));

/** The owner, or an administrator helping it (support); nobody else. */
function assertOwner(identity: Identity | null, s: Supplier): Identity {
  const id = requireIdentity(identity);
  if (id.role !== Role.ADMIN && !isOwner(id, s)) throw forbidden('Only the organization that registered this supplier may change its registration');
  return id;
}

const EDITABLE = [SupplierStatus.DRAFT, SupplierStatus.REJECTED];
function assertEditable(s: Supplier) {
  if (!EDITABLE.includes(s.status)) throw invalidTransition('Supplier', s.status, 'edited registration');
}

async function loadSupplier(ctx: Context, id: string): Promise<Supplier> {
  if (!isUuid(id)) throw badInput('Supplier id must be a UUID', 'id');
  const s = await ctx.loaders.supplier.load(id);
  if (!s) throw notFound('Supplier', id);
  return s;
}

// ---------- inputs ----------

@InputType()
class BankDetailsInput {
  @Field(() => String) bankName!: string;
  @Field(() => String) bik!: string;
  @Field(() => String) iban!: string;
}

@InputType({ description: 'The organization card (or the personal assistant card) of a registration' })
class SupplierRegistrationInput {
  @Field(() => SupplierKind) kind!: SupplierKind;
  @Field(() => String, { nullable: true, description: 'Organizations: BIN' }) bin?: string;
  @Field(() => String, { nullable: true, description: 'Personal assistants: IIN' }) iin?: string;
  @Field(() => String, { description: 'Organization name, or the full name of a personal assistant' }) name!: string;
  @Field(() => LegalForm, { nullable: true, description: 'Organizations only' }) legalForm?: LegalForm;
  @Field(() => String) legalAddress!: string;
  @Field(() => String) actualAddress!: string;
  @Field(() => String, { description: 'Head of the organization (a personal assistant: own name)' }) headName!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Organizations: IIN of the head (or of the person the head appoints), who gets the supplier staff account when the registration is verified; required to submit. A personal assistant signs in with own IIN.',
  })
  headIin?: string;
  @Field(() => String) phone!: string;
  @Field(() => String) email!: string;
  @Field(() => [String], { description: 'OKED activity codes, e.g. 47.74' }) okedCodes!: string[];
  @Field(() => [String]) regionCodes!: string[];
  @Field(() => [String], { nullable: true }) founders?: string[];
  @Field(() => String, { nullable: true }) premises?: string;
  @Field(() => BankDetailsInput) bankDetails!: BankDetailsInput;
}

@InputType()
class PersonnelInput {
  @Field(() => String) fullName!: string;
  @Field(() => String) position!: string;
  @Field(() => String, { nullable: true }) qualification?: string;
}

@InputType()
class DirectionInput {
  @Field(() => DirectionKind) kind!: DirectionKind;
  @Field(() => String, { description: "One of the supplier's OKED codes that fits the direction" }) okedCode!: string;
  @Field(() => [PersonnelInput]) personnel!: PersonnelInput[];
}

@InputType({ description: 'A document upload: PDF, PNG or JPEG, at most 5 MiB, as base64' })
class DocumentUploadInput {
  @Field(() => ID) supplierId!: string;
  @Field(() => ID, { nullable: true, description: 'The direction the document is for (licence of that activity)' }) directionId?: string;
  @Field(() => DocumentKind) kind!: DocumentKind;
  @Field(() => String) title!: string;
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String) contentBase64!: string;
}

@ObjectType()
class LegalEntityHead {
  @Field(() => String, { nullable: true }) iin!: string | null;
  @Field(() => String) fullName!: string;
}

@ObjectType()
class LegalEntityFounder {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'A person founder' }) iin!: string | null;
  @Field(() => String, { nullable: true, description: 'An organization founder' }) bin!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' }) citizenship!: string | null;
}

@ObjectType({ description: "An organization as the legal-entity registry holds it: fills a supplier's card (the supplier completes contacts, regions and bank details)" })
class LegalEntityCard {
  @Field(() => String) bin!: string;
  @Field(() => String, { description: 'Full registered name' }) name!: string;
  @Field(() => String) shortName!: string;
  @Field(() => String, { description: "The registry's ownership form" }) ownershipForm!: string;
  @Field(() => LegalForm, { nullable: true, description: 'The ownership form as a legal form of the card, when it is one' }) legalForm!: LegalForm | null;
  @Field(() => LegalEntityHead) head!: LegalEntityHead;
  @Field(() => [LegalEntityFounder]) founders!: LegalEntityFounder[];
  @Field(() => String) legalAddress!: string;
  @Field(() => String, { nullable: true }) actualAddress!: string | null;
  @Field(() => [String]) okedCodes!: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) registeredOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the organization was liquidated (it cannot be verified as a supplier)' }) liquidatedOn?: string | null;
}

@ObjectType()
class DocumentContent {
  @Field(() => ID) id!: string;
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String) sha256!: string;
  @Field(() => String) contentBase64!: string;
}

export const OKED = /^\d{2}(\.\d{1,3})?$/;
export const PHONE = /^\+7\d{10}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IBAN = /^KZ[0-9A-Z]{18}$/;
const BIK = /^[A-Z0-9]{8,11}$/;

/** The contact part of a supplier's card, the same whoever types it (the organization, or an admin registering it). */
export function checkCardContacts(input: { name: string; legalAddress: string; actualAddress: string; headName: string; phone: string; email: string; regionCodes: string[] }) {
  checkText(input.name, 'name', LIMITS.name);
  checkText(input.legalAddress, 'legalAddress', LIMITS.address);
  checkText(input.actualAddress, 'actualAddress', LIMITS.address);
  checkText(input.headName, 'headName', LIMITS.name);
  if (!PHONE.test(input.phone)) throw badInput('Phone must be +7 followed by 10 digits', 'phone');
  if (input.email.length > LIMITS.name || !EMAIL.test(input.email)) throw badInput('E-mail address is not valid', 'email');
  if (input.regionCodes.length === 0) throw badInput('At least one region is required', 'regionCodes');
  checkList(input.regionCodes, 'regionCodes', LIMITS.listItems, (r) => checkRegionCode(r, 'regionCodes'));
}

function checkCard(input: SupplierRegistrationInput) {
  if (input.kind === SupplierKind.ORGANIZATION) {
    if (!input.bin || !isValidBin(input.bin)) throw badInput('BIN must be 12 digits with a valid check digit', 'bin');
    if (!input.legalForm) throw badInput('Legal form is required for an organization', 'legalForm');
    if (input.iin) throw badInput('An organization registers by BIN', 'iin');
  } else {
    if (!input.iin || !isValidIin(input.iin)) throw badInput('IIN must be 12 digits with a valid check digit and birth date', 'iin');
    if (input.bin || input.legalForm) throw badInput('A personal assistant registers by IIN, without BIN or legal form', 'bin');
    if (input.headIin && input.headIin !== input.iin) throw badInput('A personal assistant signs in with own IIN: leave headIin empty', 'headIin');
  }
  if (input.headIin && !isValidIin(input.headIin)) throw badInput("The head's IIN must be 12 digits with a valid check digit and birth date", 'headIin');
  checkCardContacts(input);
  if (input.okedCodes.length === 0 || input.okedCodes.length > LIMITS.listItems || !input.okedCodes.every((c) => OKED.test(c))) throw badInput('OKED codes look like 47.74', 'okedCodes');
  checkList(input.founders ?? [], 'founders', LIMITS.listItems, (v, f) => checkText(v, f, LIMITS.name));
  checkOptionalText(input.premises, 'premises', LIMITS.address);
  checkText(input.bankDetails.bankName, 'bankDetails.bankName', LIMITS.name);
  if (!BIK.test(input.bankDetails.bik)) throw badInput('BIK must be 8–11 letters or digits', 'bankDetails.bik');
  if (!IBAN.test(input.bankDetails.iban)) throw badInput('IBAN must be KZ followed by 18 letters or digits', 'bankDetails.iban');
}

function card(input: SupplierRegistrationInput) {
  return {
    kind: input.kind,
    bin: input.kind === SupplierKind.ORGANIZATION ? input.bin! : null,
    iin: input.kind === SupplierKind.PERSONAL_ASSISTANT ? input.iin! : null,
    name: input.name.trim(),
    legalForm: input.legalForm ?? null,
    legalAddress: input.legalAddress.trim(),
    actualAddress: input.actualAddress.trim(),
    headName: input.headName.trim(),
    headIin: input.kind === SupplierKind.ORGANIZATION ? input.headIin ?? null : null,
    phone: input.phone,
    email: input.email,
    okedCodes: [...new Set(input.okedCodes)],
    regionCodes: [...new Set(input.regionCodes)],
    founders: (input.founders ?? []).map((f) => f.trim()).filter(Boolean),
    premises: input.premises?.trim() || null,
    bankDetails: { bankName: input.bankDetails.bankName.trim(), bik: input.bankDetails.bik, iban: input.bankDetails.iban },
  };
}

async function assertUnique(ctx: Context, input: SupplierRegistrationInput, exceptId?: string) {
  const where = input.kind === SupplierKind.ORGANIZATION ? { bin: input.bin } : { iin: input.iin };
  const other = await ctx.em.findOne(Supplier, where);
  if (other && other.id !== exceptId) throw conflict('A supplier with this identification number is already registered', { field: input.kind === SupplierKind.ORGANIZATION ? 'bin' : 'iin' });
}

/** The measure kinds the supplier may offer follow from its directions. */
function syncServiceKinds(s: Supplier, directions: SupplierDirection[]) {
  const kinds = new Set<ServiceKind>(directions.flatMap((d) => DIRECTION_RULES[d.kind].kinds));
  s.directions = [...kinds].sort();
}

/**
 * Who signs in for a verified supplier: the head of an organization (headIin), or the personal
 * assistant (own IIN). People creates the supplier staff account (`internalCreateSupplierStaff`,
 * idempotent per command id) so they can sign in with their EDS and receive orders.
 */
function staffAccountOf(s: Supplier): { iin: string; fullName: string } | null {
  if (s.kind === SupplierKind.PERSONAL_ASSISTANT) return s.iin ? { iin: s.iin, fullName: s.name } : null;
  return s.headIin ? { iin: s.headIin, fullName: s.headName } : null;
}

const CHECKS: Record<SupplierKind, RegistryCheck[]> = {
  ORGANIZATION: [RegistryCheck.BUSINESS_REGISTERED],
  PERSONAL_ASSISTANT: [RegistryCheck.NO_PSYCHIATRIC_REGISTRATION, RegistryCheck.NO_CRIMINAL_RECORD],
};

@Resolver(() => Supplier)
export class OnboardingResolver {
  // ---------- reads ----------

  @Query(() => SupplierConnection, { description: 'Admin: registrations and suppliers in any status (default: submitted, awaiting a decision)' })
  supplierRegistrations(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => SupplierStatus, { nullable: true, defaultValue: SupplierStatus.SUBMITTED }) status: SupplierStatus,
    @Ctx() ctx: Context,
  ) {
    requireRole(ctx.identity, Role.ADMIN);
    return paginate(ctx.em, Supplier, { status }, page);
  }

  @Query(() => SupplierConnection, { description: 'The registrations the signed-in user started (any status)' })
  mySupplierRegistrations(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const id = requireIdentity(ctx.identity);
    const or: Record<string, unknown>[] = [{ ownerSub: id.sub }];
    if (id.role === Role.SUPPLIER && id.supplierId) or.push({ id: id.supplierId });
    return paginate(ctx.em, Supplier, { $or: or }, page);
  }

  @Query(() => DocumentContent, { description: 'The content of an uploaded document (owner and admins)' })
  async supplierDocumentContent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DocumentContent> {
    const identity = requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Document id must be a UUID', 'id');
    const doc = await ctx.em.findOne(SupplierDocument, { id }, { populate: ['content'] });
    if (!doc) throw notFound('SupplierDocument', id);
    const supplier = await loadSupplier(ctx, doc.supplier.id);
    if (!canSeeRegistration(identity, supplier)) throw forbidden();
    if (!doc.content) throw notFound('Content of SupplierDocument', id);
    return { id: doc.id, fileName: doc.fileName, contentType: doc.contentType, sha256: doc.sha256, contentBase64: doc.content.toString('base64') };
  }

  // ---------- the applicant ----------

  @Query(() => LegalEntityCard, {
    description: "Whoever may register a supplier: the organization's card from the legal-entity registry by BIN, to fill the registration (NOT_IN_REGISTRY when it holds none)",
  })
  async legalEntityCard(@Arg('bin', () => String) bin: string, @Ctx() ctx: Context): Promise<LegalEntityCard> {
    const id = requireRole(ctx.identity, ...MAY_REGISTER);
    if (!isValidBin(bin)) throw badInput('BIN must be 12 digits with a valid check digit', 'bin');
    const card = await requireLegalEntity(ctx.runtime, id, bin);
    const legalForm = (Object.values(LegalForm) as string[]).includes(card.ownershipForm) ? (card.ownershipForm as LegalForm) : null;
    return { ...card, legalForm };
  }

  @Mutation(() => Supplier, { description: 'Start a supplier registration (a draft until submitted); the caller becomes its owner' })
  async startSupplierRegistration(@Arg('input', () => SupplierRegistrationInput) input: SupplierRegistrationInput, @Ctx() ctx: Context) {
    const id = requireRole(ctx.identity, Role.SUPPLIER, Role.RECIPIENT, Role.REPRESENTATIVE, Role.ADMIN);
    checkCard(input);
    await assertUnique(ctx, input);
    const supplier = ctx.em.create(Supplier, { ...card(input), directions: [], status: SupplierStatus.DRAFT, ownerSub: id.sub });
    await ctx.em.flush();
    return supplier;
  }

  @Mutation(() => Supplier, { description: 'Owner: change the card of a draft or rejected registration' })
  async updateSupplierRegistration(@Arg('id', () => ID) id: string, @Arg('input', () => SupplierRegistrationInput) input: SupplierRegistrationInput, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    const s = await loadSupplier(ctx, id);
    assertOwner(ctx.identity, s);
    // The input first, then the state: a malformed card is BAD_USER_INPUT whatever the registration's status.
    if (input.kind !== s.kind) throw badInput('The kind of a registration cannot change', 'kind');
    checkCard(input);
    assertEditable(s);
    await assertUnique(ctx, input, s.id);
    ctx.em.assign(s, card(input));
    await ctx.em.flush();
    return s;
  }

  @Mutation(() => SupplierDirection, { description: 'Owner: add a direction (by OKED) with its personnel to a draft or rejected registration' })
  async addSupplierDirection(@Arg('supplierId', () => ID) supplierId: string, @Arg('input', () => DirectionInput) input: DirectionInput, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    const s = await loadSupplier(ctx, supplierId);
    assertOwner(ctx.identity, s);
    if (!OKED.test(input.okedCode)) throw badInput('OKED codes look like 47.74', 'okedCode');
    checkList(input.personnel, 'personnel', LIMITS.listItems, (p, f) => {
      checkText(p.fullName, `${f}.fullName`, LIMITS.name);
      checkText(p.position, `${f}.position`, LIMITS.name);
      checkOptionalText(p.qualification, `${f}.qualification`, LIMITS.name);
    });
    assertEditable(s);
    if (!s.okedCodes.includes(input.okedCode)) throw badInput("The direction's OKED code must be one of the organization's codes", 'okedCode');
    const rule = DIRECTION_RULES[input.kind];
    if (!rule.oked.some((p) => input.okedCode === p || input.okedCode.startsWith(`${p}.`) || input.okedCode.startsWith(p))) {
      throw badInput(`OKED ${input.okedCode} does not fit ${input.kind} (expected ${rule.oked.join(', ')})`, 'okedCode');
    }
    if (s.kind === SupplierKind.PERSONAL_ASSISTANT && input.kind !== DirectionKind.PERSONAL_ASSISTANT) throw badInput('A personal assistant has the PERSONAL_ASSISTANT direction only', 'kind');
    const existing = await ctx.loaders.directionsBySupplier.load(s.id);
    if (existing.some((d) => d.kind === input.kind)) throw conflict(`The registration already has the ${input.kind} direction`, { field: 'kind' });
    const personnel: PersonnelMember[] = input.personnel.map((p) => ({ fullName: p.fullName.trim(), position: p.position.trim(), qualification: p.qualification?.trim() || null }));
    const direction = ctx.em.create(SupplierDirection, { supplier: s, kind: input.kind, okedCode: input.okedCode, personnel });
    syncServiceKinds(s, [...existing, direction]);
    await ctx.em.flush();
    return direction;
  }

  @Mutation(() => Boolean, { description: 'Owner: remove a direction of a draft or rejected registration (its documents stay, unassigned)' })
  async removeSupplierDirection(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Direction id must be a UUID', 'id');
    const direction = await ctx.em.findOne(SupplierDirection, { id });
    if (!direction) throw notFound('SupplierDirection', id);
    const s = await loadSupplier(ctx, direction.supplier.id);
    assertOwner(ctx.identity, s);
    assertEditable(s);
    const rest = (await ctx.loaders.directionsBySupplier.load(s.id)).filter((d) => d.id !== id);
    await ctx.em.nativeUpdate(SupplierDocument, { direction: id }, { direction: null });
    ctx.em.remove(direction);
    syncServiceKinds(s, rest);
    await ctx.em.flush();
    return true;
  }

  @Mutation(() => SupplierDocument, { description: 'Owner: upload a document (PDF, PNG or JPEG, at most 5 MiB); stored with its SHA-256' })
  async uploadSupplierDocument(@Arg('input', () => DocumentUploadInput) input: DocumentUploadInput, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    const s = await loadSupplier(ctx, input.supplierId);
    const id = assertOwner(ctx.identity, s);
    checkText(input.title, 'title', LIMITS.title);
    if (!input.fileName.trim() || input.fileName.length > 200 || /[\\/]/.test(input.fileName)) throw badInput('File name must be 1–200 characters without slashes', 'fileName');
    if (input.directionId != null && !isUuid(input.directionId)) throw badInput('Direction id must be a UUID', 'directionId');
    let direction: SupplierDirection | null = null;
    if (input.directionId) {
      direction = (await ctx.loaders.directionsBySupplier.load(s.id)).find((d) => d.id === input.directionId) ?? null;
      if (!direction) throw badInput('The direction is not one of this supplier', 'directionId');
    }
    const { bytes, sha256 } = decodeDocument(input.contentType, input.contentBase64);
    const doc = ctx.em.create(SupplierDocument, {
      supplier: s, direction, kind: input.kind, title: input.title.trim(), fileName: input.fileName.trim(), contentType: input.contentType,
      size: bytes.length, sha256, content: bytes, uploadedBy: id.sub,
    });
    await ctx.em.flush();
    return doc;
  }

  @Mutation(() => Supplier, { description: 'Owner: submit a draft (or corrected rejected) registration for verification' })
  async submitSupplierRegistration(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    const s = await loadSupplier(ctx, id);
    assertOwner(ctx.identity, s);
    if (!EDITABLE.includes(s.status)) throw invalidTransition('Supplier', s.status, SupplierStatus.SUBMITTED);
    const [directions, documents] = await Promise.all([ctx.loaders.directionsBySupplier.load(s.id), ctx.loaders.documentsBySupplier.load(s.id)]);
    if (directions.length === 0) throw badInput('Add at least one direction before submitting', 'directions');
    const missing = directions.filter((d) => !documents.some((doc) => doc.direction?.id === d.id));
    if (missing.length) throw badInput(`Upload a licence or certificate for: ${missing.map((d) => d.kind).join(', ')}`, 'documents');
    if (!s.bankDetails) throw badInput('Bank details are required', 'bankDetails');
    if (!staffAccountOf(s)) throw badInput("The head's IIN is required: the head gets the supplier portal account", 'headIin');
    s.status = SupplierStatus.SUBMITTED;
    s.submittedAt = ctx.runtime.clock.now();
    await ctx.em.flush();
    return s;
  }

  // ---------- the administrator ----------

  @Mutation(() => Supplier, {
    description:
      'Admin: verify a submitted registration. The state registries are asked first; a negative answer blocks it (CONFLICT, reason REGISTRY_CHECK_FAILED, `checks` naming the failed ones; the registration stays SUBMITTED). ' +
      'An organization is compared in full with the legal-entity registry: absent (BUSINESS_REGISTERED), liquidated (NOT_LIQUIDATED), another head (HEAD_UNCHANGED) or directions on OKED codes it no longer lists (OKED_REGISTERED) block it; ' +
      'the differences are kept in registryDifferences, and on verification the fields that come from the registry are updated to what it holds',
  })
  async verifySupplier(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const admin = requireRole(ctx.identity, Role.ADMIN);
    const s = await loadSupplier(ctx, id);
    if (s.status !== SupplierStatus.SUBMITTED) throw invalidTransition('Supplier', s.status, SupplierStatus.VERIFIED);
    const account = staffAccountOf(s);
    if (!account) throw badInput("The head's IIN is required: the head gets the supplier portal account", 'headIin');
    const now = ctx.runtime.clock.now();
    const identifier = s.kind === SupplierKind.ORGANIZATION ? s.bin! : s.iin!;
    // The organization is looked up in the legal-entity registry again (it may have been closed since it registered).
    const card = s.kind === SupplierKind.ORGANIZATION ? await readLegalEntity(ctx.runtime, admin, s.bin!, s.id) : null;
    const results: RegistryCheckResult[] = [];
    for (const check of CHECKS[s.kind]) {
      const answer = await registryAdapter().ask(check, identifier);
      const unregistered = check === RegistryCheck.BUSINESS_REGISTERED && answer.passed && !card;
      const passed = answer.passed && !unregistered;
      const reason = unregistered ? 'The legal-entity registry holds no organization with this BIN' : answer.passed ? null : answer.reason ?? null;
      results.push({ check, passed, reason, checkedAt: now });
    }
    if (card) {
      s.registryDifferences = compareWithRegistry(s, card);
      const directions = await ctx.loaders.directionsBySupplier.load(s.id);
      results.push(...cardChecks(s, card, directions.map((d) => d.okedCode)).map((c) => ({ ...c, checkedAt: now })));
    }
    s.registryChecks = results;
    const failed = results.filter((r) => !r.passed);
    if (failed.length) {
      await ctx.em.flush();
      throw conflict(`Verification blocked by the state registries: ${failed.map((f) => f.reason).join('; ')}`, {
        reason: 'REGISTRY_CHECK_FAILED',
        checks: failed.map((f) => f.check),
      });
    }
    // What came from the registry is brought up to date (the head is the same: HEAD_UNCHANGED passed).
    if (card) ctx.em.assign(s, registryFields(s, card));
    Object.assign(s, { status: SupplierStatus.VERIFIED, decidedAt: now, decidedBy: admin.sub, rejectionReason: null });
    // The supplier's staff account (people), queued in the same transaction as the verification.
    const command = enqueueCommand(ctx.em, 'people', 'internalCreateSupplierStaff', { supplierId: s.id, ...account });
    await ctx.em.flush();
    await deliverCommands(ctx.em, ctx.runtime, 'catalog', [command.id]).catch((e) => logger.warn({ err: e }, 'staff account deferred to the scheduler'));
    return s;
  }

  @Mutation(() => Supplier, { description: 'Admin: reject a submitted registration with a reason (the owner may correct and submit again)' })
  async rejectSupplier(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    const admin = requireRole(ctx.identity, Role.ADMIN);
    const why = checkText(reason, 'reason', LIMITS.reason);
    const s = await loadSupplier(ctx, id);
    if (s.status !== SupplierStatus.SUBMITTED) throw invalidTransition('Supplier', s.status, SupplierStatus.REJECTED);
    Object.assign(s, { status: SupplierStatus.REJECTED, decidedAt: ctx.runtime.clock.now(), decidedBy: admin.sub, rejectionReason: why });
    await ctx.em.flush();
    return s;
  }

  @Mutation(() => Supplier, { description: 'Admin: suspend a verified supplier: its offerings disappear and new orders are refused; open orders still complete' })
  async suspendSupplier(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const why = checkText(reason, 'reason', LIMITS.reason);
    const s = await loadSupplier(ctx, id);
    if (s.status !== SupplierStatus.VERIFIED) throw invalidTransition('Supplier', s.status, SupplierStatus.SUSPENDED);
    Object.assign(s, { status: SupplierStatus.SUSPENDED, suspendedAt: ctx.runtime.clock.now(), suspensionReason: why });
    await ctx.em.flush();
    return s;
  }

  @Mutation(() => Supplier, { description: 'Admin: lift a suspension' })
  async reinstateSupplier(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const s = await loadSupplier(ctx, id);
    if (s.status !== SupplierStatus.SUSPENDED) throw invalidTransition('Supplier', s.status, SupplierStatus.VERIFIED);
    Object.assign(s, { status: SupplierStatus.VERIFIED, suspendedAt: null, suspensionReason: null });
    await ctx.em.flush();
    return s;
  }

  @Mutation(() => Boolean, { description: 'DEVELOPMENT ONLY (refused in production): tell the registry stub how to answer one check for a BIN or IIN' })
  setDevelopmentRegistryAnswer(
    @Arg('check', () => String, { description: 'BUSINESS_REGISTERED, NO_PSYCHIATRIC_REGISTRATION or NO_CRIMINAL_RECORD' }) check: string,
    @Arg('identifier', () => String) identifier: string,
    @Arg('passed', () => Boolean) passed: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | undefined,
    @Ctx() ctx: Context,
  ) {
    requireRole(ctx.identity, Role.ADMIN);
    if (process.env.NODE_ENV === 'production') throw forbidden('The registry stub is not available in production');
    checkOneOf(check, Object.values(RegistryCheck), 'check');
    if (!/^\d{12}$/.test(identifier)) throw badInput('Identifier must be a BIN or IIN', 'identifier');
    developmentRegistry.tell(check as RegistryCheck, identifier, { passed, reason: checkOptionalText(reason, 'reason', LIMITS.reason) ?? undefined });
    return true;
  }

  @Mutation(() => RetentionReport, { description: 'Admin: apply the catalog retention rules now (the scheduler does this hourly)' })
  async applyCatalogRetention(@Ctx() ctx: Context): Promise<RetentionReport> {
    requireRole(ctx.identity, Role.ADMIN);
    return applyCatalogRetention(ctx.em, ctx.runtime.clock.now());
  }

  // ---------- fields ----------

  @FieldResolver(() => Boolean, { description: 'Listed in the catalog and able to receive new orders (status VERIFIED)' })
  orderable(@Root() s: Supplier): boolean {
    return s.orderable;
  }

  @FieldResolver(() => String, { nullable: true, description: 'IIN of a personal assistant (owner and admins)' })
  iin(@Root() s: Supplier, @Ctx() ctx: Context): string | null {
    return canSeeRegistration(ctx.identity, s) ? s.iin ?? null : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "IIN of the organization's head, who gets the staff account (owner and admins)" })
  headIin(@Root() s: Supplier, @Ctx() ctx: Context): string | null {
    return canSeeRegistration(ctx.identity, s) ? s.headIin ?? null : null;
  }

  @FieldResolver(() => BankDetails, { nullable: true, description: 'Owner and admins' })
  bankDetails(@Root() s: Supplier, @Ctx() ctx: Context): BankDetails | null {
    return canSeeRegistration(ctx.identity, s) ? s.bankDetails ?? null : null;
  }

  @FieldResolver(() => [RegistryCheckResult], { description: 'Answers of the state registries at the last verification (owner and admins)' })
  registryChecks(@Root() s: Supplier, @Ctx() ctx: Context): RegistryCheckResult[] {
    if (!canSeeRegistration(ctx.identity, s)) return [];
    return (s.registryChecks ?? []).map((r) => ({ ...r, checkedAt: new Date(r.checkedAt) }));
  }

  @FieldResolver(() => [RegistryDifference], {
    description: "Where an organization's card differed from the legal-entity registry at the last verification (owner and admins); on verification the card takes the registry's values",
  })
  registryDifferences(@Root() s: Supplier, @Ctx() ctx: Context): RegistryDifference[] {
    return canSeeRegistration(ctx.identity, s) ? s.registryDifferences ?? [] : [];
  }

  @FieldResolver(() => [SupplierDirection], { description: 'Directions of activity (by OKED) with personnel' })
  directionCards(@Root() s: Supplier, @Ctx() ctx: Context) {
    return ctx.loaders.directionsBySupplier.load(s.id);
  }

  @FieldResolver(() => [SupplierDocument], { description: 'Uploaded documents (owner and admins)' })
  async documents(@Root() s: Supplier, @Ctx() ctx: Context) {
    if (!canSeeRegistration(ctx.identity, s)) throw forbidden('Documents are visible to the supplier and administrators');
    return ctx.loaders.documentsBySupplier.load(s.id);
  }
}

@Resolver(() => SupplierDirection)
export class DirectionResolver {
  @FieldResolver(() => [SupplierDocument], { description: 'Documents of this direction (owner and admins)' })
  async documents(@Root() d: SupplierDirection, @Ctx() ctx: Context) {
    const s = await ctx.loaders.supplier.load(d.supplier.id);
    if (!s || !canSeeRegistration(ctx.identity, s)) throw forbidden('Documents are visible to the supplier and administrators');
    return (await ctx.loaders.documentsBySupplier.load(s.id)).filter((doc) => doc.direction?.id === d.id);
  }

  @FieldResolver(() => [Offering], { description: "The supplier's offerings of this direction's measure kinds" })
  async offerings(@Root() d: SupplierDirection, @Ctx() ctx: Context) {
    const kinds = DIRECTION_RULES[d.kind].kinds;
    return (await ctx.loaders.offeringsBySupplier.load(d.supplier.id)).filter((o) => kinds.includes(o.kind));
  }
}
