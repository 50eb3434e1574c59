import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { JSONObjectResolver, SafeIntResolver } from 'graphql-scalars';
import {
  LIMITS, Role, badInput, checkInt, checkList, checkRegionCode, checkText, checkTiyn, conflict, forbidden, isUuid, isValidBin, notFound, requireIdentity, requireRole,
} from '@aleumet/core';
import { ConnectionType, PageArgs, ServiceKind, paginate, paginateLoaded, paginateSorted, type SortSpec } from '@aleumet/subgraph-kit';
import { AID_KINDS, DIRECTION_RULES, DeliveryMode, DocumentKind, ItemType, LegalForm, Offering, Region, Supplier, SupplierStatus } from '../entities/index.js';
import { OKED, canSeeRegistration, checkCardContacts, isOwner } from './onboarding.resolver.js';
import type { Context } from './context.js';

/** Statuses anyone may look up by id (a suspended supplier still shows on its open orders). */
const PUBLIC_STATUSES = [SupplierStatus.VERIFIED, SupplierStatus.SUSPENDED];

const RegionConnection = ConnectionType('Region', Region);
const ItemTypeConnection = ConnectionType('ItemType', ItemType);
const SupplierConnection = ConnectionType('Supplier', Supplier);
const OfferingConnection = ConnectionType('Offering', Offering);

@InputType()
class OfferingFilter {
  @Field(() => ServiceKind, { nullable: true }) kind?: ServiceKind;
  @Field(() => String, { nullable: true }) itemTypeCode?: string;
  @Field(() => String, { nullable: true, description: 'Only offerings available in this region' }) regionCode?: string;
  @Field(() => DeliveryMode, { nullable: true, description: 'DELIVERY or PICKUP also match BOTH' }) deliveryMode?: DeliveryMode;
  @Field(() => SafeIntResolver, { nullable: true, description: 'Highest price, in tiyn' }) maxPrice?: number;
  @Field(() => Int, { nullable: true }) maxLeadTimeDays?: number;
  @Field(() => ID, { nullable: true }) supplierId?: string;
}

/** How a list of offerings is ordered; ties by creation order, so pages are stable. */
export enum OfferingSort { PRICE_ASC = 'PRICE_ASC', PRICE_DESC = 'PRICE_DESC', LEAD_TIME_ASC = 'LEAD_TIME_ASC', OLDEST_FIRST = 'OLDEST_FIRST' }
registerEnumType(OfferingSort, { name: 'OfferingSort', description: 'PRICE_ASC, PRICE_DESC, LEAD_TIME_ASC (shortest first) or OLDEST_FIRST (default); ties in creation order' });
const SORTS: Record<OfferingSort, SortSpec<Offering>> = {
  PRICE_ASC: { field: 'price', direction: 'asc' },
  PRICE_DESC: { field: 'price', direction: 'desc' },
  LEAD_TIME_ASC: { field: 'leadTimeDays', direction: 'asc' },
  OLDEST_FIRST: { direction: 'asc' },
};

@ObjectType({ description: "A document of the offering's supplier shown on the offering (licence, certificate): its record, not its content" })
class OfferingDocument {
  @Field(() => ID) id!: string;
  @Field(() => DocumentKind) kind!: DocumentKind;
  @Field(() => String) title!: string;
  @Field(() => Date) uploadedAt!: Date;
}

@InputType()
class RegisterSupplierInput {
  @Field(() => String) bin!: string;
  @Field(() => String) name!: string;
  @Field(() => LegalForm) legalForm!: LegalForm;
  @Field(() => String) legalAddress!: string;
  @Field(() => String) actualAddress!: string;
  @Field(() => String) headName!: string;
  @Field(() => String) phone!: string;
  @Field(() => String) email!: string;
  @Field(() => [String]) okedCodes!: string[];
  @Field(() => [ServiceKind]) directions!: ServiceKind[];
  @Field(() => [String]) regionCodes!: string[];
}

@InputType()
class OfferingInput {
  @Field(() => String) itemTypeCode!: string;
  // Kazakh and Russian are required (the state language and the one most read); English is optional.
  @Field(() => String, { description: 'Title in Russian' }) title!: string;
  @Field(() => String, { description: 'Title in Kazakh' }) titleKk!: string;
  @Field(() => String, { nullable: true, description: 'Title in English (optional)' }) titleEn?: string | null;
  @Field(() => String, { description: 'Description in Russian' }) description!: string;
  @Field(() => String, { description: 'Description in Kazakh' }) descriptionKk!: string;
  @Field(() => String, { nullable: true, description: 'Description in English (optional)' }) descriptionEn?: string | null;
  @Field(() => SafeIntResolver, { description: 'Price in tiyn' }) price!: number;
  @Field(() => DeliveryMode, { nullable: true, description: 'Aids: required. Services (S1–S3): not given' }) deliveryMode?: DeliveryMode | null;
  @Field(() => Int) leadTimeDays!: number;
  @Field(() => Int, { nullable: true, description: 'Aids: required. Services (S1–S3): not given' }) stock?: number | null;
  @Field(() => [String], { description: 'Regions where offered; a subset of the supplier regions' }) regionCodes!: string[];
  @Field(() => JSONObjectResolver, { nullable: true, description: 'Characteristics: name → value (text), at most 30' }) characteristics?: Record<string, unknown>;
}

@InputType()
class OfferingUpdate {
  @Field(() => SafeIntResolver, { nullable: true }) price?: number;
  @Field(() => Int, { nullable: true }) stock?: number;
  @Field(() => Int, { nullable: true }) leadTimeDays?: number;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
  @Field(() => String, { nullable: true, description: 'Title in Russian' }) title?: string;
  @Field(() => String, { nullable: true, description: 'Title in Kazakh' }) titleKk?: string;
  @Field(() => String, { nullable: true, description: 'Title in English; an empty text removes it' }) titleEn?: string;
  @Field(() => String, { nullable: true, description: 'Description in Russian' }) description?: string;
  @Field(() => String, { nullable: true, description: 'Description in Kazakh' }) descriptionKk?: string;
  @Field(() => String, { nullable: true, description: 'Description in English; an empty text removes it' }) descriptionEn?: string;
  @Field(() => JSONObjectResolver, { nullable: true, description: 'Replaces every characteristic: name → value (text), at most 30' }) characteristics?: Record<string, unknown>;
}

/** Characteristics as stored: names and values of text (numbers become text), bounded by LIMITS. */
function checkCharacteristics(input: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (input == null) return undefined;
  const entries = Object.entries(input);
  if (entries.length > LIMITS.characteristics) throw badInput(`At most ${LIMITS.characteristics} characteristics`, 'characteristics');
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    const key = name.trim();
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
    if (!key || name.length > LIMITS.characteristicName || text == null || !text || text.length > LIMITS.characteristicValue) {
      throw badInput(`Characteristic "${name.slice(0, LIMITS.characteristicName)}" needs a name (≤ ${LIMITS.characteristicName} characters) and a text value (≤ ${LIMITS.characteristicValue} characters)`, 'characteristics');
    }
    out[key] = text;
  }
  return out;
}

/** Every bound of an offering's fields (create: all present; update: those given). */
type Texts = { title?: string | null; titleKk?: string | null; titleEn?: string | null; description?: string | null; descriptionKk?: string | null; descriptionEn?: string | null };

function checkOffering(o: Texts & { itemTypeCode?: string; price?: number | null; stock?: number | null; leadTimeDays?: number | null; regionCodes?: string[] }) {
  if (o.itemTypeCode !== undefined) checkText(o.itemTypeCode, 'itemTypeCode', LIMITS.code);
  if (o.price != null) checkTiyn(o.price, 'price', 1);
  if (o.stock != null) checkInt(o.stock, 'stock', 0, LIMITS.maxStock);
  if (o.leadTimeDays != null) checkInt(o.leadTimeDays, 'leadTimeDays', 0, LIMITS.maxLeadTimeDays);
  for (const f of ['title', 'titleKk'] as const) if (o[f] != null) checkText(o[f], f, LIMITS.title, 3);
  if (o.titleEn) checkText(o.titleEn, 'titleEn', LIMITS.title, 3);
  for (const f of ['description', 'descriptionKk'] as const) if (o[f] != null) checkText(o[f], f, LIMITS.text);
  // English is optional: an empty text removes it.
  if (o.descriptionEn) checkText(o.descriptionEn, 'descriptionEn', LIMITS.text);
  if (o.regionCodes !== undefined) checkList(o.regionCodes, 'regionCodes', LIMITS.listItems, (r) => checkRegionCode(r, 'regionCodes'));
}

/** The texts given, trimmed; an empty English text is none. */
function trimmedTexts(o: Texts): Texts {
  const out: Texts = {};
  for (const f of ['title', 'titleKk', 'description', 'descriptionKk'] as const) if (o[f] != null) out[f] = o[f].trim();
  for (const f of ['titleEn', 'descriptionEn'] as const) if (o[f] != null) out[f] = o[f].trim() || null;
  return out;
}

@Resolver(() => Supplier)
export class SupplierResolver {
  @Query(() => RegionConnection)
  regions(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginate(ctx.em, Region, {}, page, 'code');
  }

  @Query(() => ItemTypeConnection)
  itemTypes(@Args(() => PageArgs) page: PageArgs, @Arg('kind', () => ServiceKind, { nullable: true }) kind: ServiceKind | undefined, @Ctx() ctx: Context) {
    return paginate(ctx.em, ItemType, kind ? { kind } : {}, page, 'code');
  }

  @Query(() => SupplierConnection, { description: 'Verified suppliers (public)' })
  suppliers(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | undefined,
    @Arg('direction', () => ServiceKind, { nullable: true }) direction: ServiceKind | undefined,
    @Ctx() ctx: Context,
  ) {
    if (regionCode != null) checkRegionCode(regionCode);
    return paginate(ctx.em, Supplier, {
      status: SupplierStatus.VERIFIED,
      ...(regionCode ? { regionCodes: { $contains: [regionCode] } } : {}),
      ...(direction ? { directions: { $contains: [direction] } } : {}),
    }, page);
  }

  @Query(() => Supplier, { description: 'A verified or suspended supplier; a registration in progress only for its owner and admins' })
  async supplier(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    if (!isUuid(id)) throw badInput('Supplier id must be a UUID', 'id');
    const supplier = await ctx.loaders.supplier.load(id);
    if (!supplier || (!PUBLIC_STATUSES.includes(supplier.status) && !canSeeRegistration(ctx.identity, supplier))) throw notFound('Supplier', id);
    return supplier;
  }

  @Query(() => Supplier, { nullable: true })
  async supplierByBin(@Arg('bin', () => String) bin: string, @Ctx() ctx: Context) {
    if (!isValidBin(bin)) throw badInput('BIN must be 12 digits with a valid check digit', 'bin');
    const supplier = await ctx.em.findOne(Supplier, { bin });
    return supplier && (PUBLIC_STATUSES.includes(supplier.status) || canSeeRegistration(ctx.identity, supplier)) ? supplier : null;
  }

  @Mutation(() => Supplier, { description: 'Admin: add a verified supplier to the catalog' })
  async registerSupplier(@Arg('input', () => RegisterSupplierInput) input: RegisterSupplierInput, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    if (!isValidBin(input.bin)) throw badInput('BIN must be 12 digits with a valid check digit', 'bin');
    checkCardContacts(input);
    if (input.okedCodes.length > LIMITS.listItems || !input.okedCodes.every((c) => OKED.test(c))) throw badInput('OKED codes look like 47.74', 'okedCodes');
    if (input.directions.length === 0) throw badInput('At least one direction is required', 'directions');
    if (await ctx.em.count(Supplier, { bin: input.bin })) throw conflict(`A supplier with BIN ${input.bin} is already registered`, { field: 'bin' });
    const supplier = ctx.em.create(Supplier, { ...input, name: input.name.trim() });
    await ctx.em.flush();
    return supplier;
  }

  @FieldResolver(() => OfferingConnection)
  async offerings(@Root() s: Supplier, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded(await ctx.loaders.offeringsBySupplier.load(s.id), page);
  }
}

@Resolver(() => Offering)
export class OfferingResolver {
  @Query(() => OfferingConnection, { description: 'Active offerings of verified suppliers (public): browse and compare' })
  async offerings(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OfferingFilter, { nullable: true }) f: OfferingFilter | undefined,
    @Arg('sort', () => OfferingSort, { nullable: true, defaultValue: OfferingSort.OLDEST_FIRST }) sort: OfferingSort,
    @Ctx() ctx: Context,
  ) {
    if (f?.regionCode != null) checkRegionCode(f.regionCode);
    if (f?.supplierId != null && !isUuid(f.supplierId)) throw badInput('Supplier id must be a UUID', 'supplierId');
    if (f?.itemTypeCode != null) checkText(f.itemTypeCode, 'itemTypeCode', LIMITS.code);
    if (f?.maxPrice != null) checkTiyn(f.maxPrice, 'maxPrice');
    if (f?.maxLeadTimeDays != null) checkInt(f.maxLeadTimeDays, 'maxLeadTimeDays', 0, LIMITS.maxLeadTimeDays);
    return paginateSorted(ctx.em, Offering, {
      active: true,
      supplier: { status: SupplierStatus.VERIFIED, ...(f?.supplierId ? { id: f.supplierId } : {}) },
      ...(f?.kind ? { kind: f.kind } : {}),
      ...(f?.itemTypeCode ? { itemTypeCode: f.itemTypeCode } : {}),
      ...(f?.regionCode ? { regionCodes: { $contains: [f.regionCode] } } : {}),
      ...(f?.deliveryMode ? { deliveryMode: { $in: [f.deliveryMode, DeliveryMode.BOTH] } } : {}),
      ...(f?.maxPrice != null ? { price: { $lte: f.maxPrice } } : {}),
      ...(f?.maxLeadTimeDays != null ? { leadTimeDays: { $lte: f.maxLeadTimeDays } } : {}),
    }, page, SORTS[sort ?? OfferingSort.OLDEST_FIRST]);
  }

  @Query(() => Offering)
  async offering(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    if (!isUuid(id)) throw badInput('Offering id must be a UUID', 'id');
    const offering = await ctx.loaders.offering.load(id);
    if (!offering) throw notFound('Offering', id);
    return offering;
  }

  @Mutation(() => Offering, {
    description: "Supplier: publish a new offering (listed once the supplier is VERIFIED). supplierId: the owner of a registration in progress names it; a supplier's staff may omit it",
  })
  async createOffering(
    @Arg('input', () => OfferingInput) input: OfferingInput,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId: string | undefined,
    @Ctx() ctx: Context,
  ) {
    let supplier: Supplier | null;
    if (supplierId) {
      const identity = requireIdentity(ctx.identity);
      if (!isUuid(supplierId)) throw badInput('Supplier id must be a UUID', 'supplierId');
      supplier = await ctx.loaders.supplier.load(supplierId);
      if (!supplier || !isOwner(identity, supplier)) throw forbidden('You may publish offerings of your own organization only');
    } else {
      const identity = requireRole(ctx.identity, Role.SUPPLIER);
      supplier = identity.supplierId ? await ctx.loaders.supplier.load(identity.supplierId) : null;
    }
    if (!supplier) throw forbidden('Your account is not linked to a supplier');
    checkOffering(input);
    const type = await ctx.loaders.itemType.load(input.itemTypeCode);
    if (!type) throw badInput(`Unknown item type ${input.itemTypeCode}`, 'itemTypeCode');
    const aid = AID_KINDS.includes(type.kind);
    if (aid && (input.deliveryMode == null || input.stock == null)) throw badInput('An aid needs delivery mode and stock', input.deliveryMode == null ? 'deliveryMode' : 'stock');
    if (!aid && (input.deliveryMode != null || input.stock != null)) throw badInput('A service has no delivery mode or stock', input.deliveryMode != null ? 'deliveryMode' : 'stock');
    if (!supplier.directions.includes(type.kind)) throw badInput(`Your organization has no ${type.kind} direction`, 'itemTypeCode');
    if (input.regionCodes.length === 0 || !input.regionCodes.every((r) => supplier.regionCodes.includes(r))) {
      throw badInput('Offer only in regions your organization serves', 'regionCodes');
    }
    const characteristics = checkCharacteristics(input.characteristics) ?? {};
    // Services keep neutral values in the columns; GraphQL shows them as null (OfferingResolver.stock, .deliveryMode).
    const offering = ctx.em.create(Offering, {
      ...input, ...(trimmedTexts(input) as Pick<OfferingInput, 'title' | 'titleKk' | 'description' | 'descriptionKk'>), supplier, kind: type.kind, characteristics, deliveryMode: input.deliveryMode ?? DeliveryMode.DELIVERY, stock: input.stock ?? 0,
    });
    await ctx.em.flush();
    return offering;
  }

  @Mutation(() => Offering, { description: 'Supplier: change price, stock, lead time, title, description, characteristics, or withdraw an offering' })
  async updateOffering(@Arg('id', () => ID) id: string, @Arg('input', () => OfferingUpdate) input: OfferingUpdate, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    const offering = await this.offering(id, ctx);
    const owner = await ctx.loaders.supplier.load(offering.supplier.id);
    if (!owner || !isOwner(identity, owner)) throw forbidden('This offering belongs to another supplier');
    checkOffering(input);
    if (input.stock != null && !offering.isAid) throw badInput('A service has no stock', 'stock');
    const characteristics = checkCharacteristics(input.characteristics);
    for (const key of ['price', 'stock', 'leadTimeDays', 'active'] as const) {
      if (input[key] != null) (offering as unknown as Record<string, unknown>)[key] = input[key];
    }
    Object.assign(offering, trimmedTexts(input));
    if (characteristics) offering.characteristics = characteristics;
    await ctx.em.flush();
    return offering;
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() o: Offering, @Ctx() ctx: Context) {
    return ctx.loaders.supplier.load(o.supplier.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Can a new order be placed now: the offering is active and its supplier VERIFIED (not suspended, not a registration in progress)',
  })
  async orderable(@Root() o: Offering, @Ctx() ctx: Context): Promise<boolean> {
    if (!o.active) return false;
    const supplier = await ctx.loaders.supplier.load(o.supplier.id);
    return supplier?.orderable ?? false;
  }

  @FieldResolver(() => DeliveryMode, { nullable: true, description: 'Aids: delivery, pickup or both; null for services (S1–S3), which are rendered' })
  deliveryMode(@Root() o: Offering): DeliveryMode | null {
    return o.isAid ? o.deliveryMode : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Aids: pieces in stock; null for services (S1–S3)' })
  stock(@Root() o: Offering): number | null {
    return o.isAid ? o.stock : null;
  }

  @FieldResolver(() => [OfferingDocument], {
    description: "The supplier's documents for this offering (its direction's and the organization's own, e.g. licences): title and kind; the content stays with the supplier and administrators",
  })
  async documents(@Root() o: Offering, @Ctx() ctx: Context): Promise<OfferingDocument[]> {
    const [supplier, directions, documents] = await Promise.all([
      ctx.loaders.supplier.load(o.supplier.id),
      ctx.loaders.directionsBySupplier.load(o.supplier.id),
      ctx.loaders.documentsBySupplier.load(o.supplier.id),
    ]);
    if (!supplier || !(PUBLIC_STATUSES.includes(supplier.status) || canSeeRegistration(ctx.identity, supplier))) return [];
    const mine = new Set(directions.filter((d) => DIRECTION_RULES[d.kind].kinds.includes(o.kind)).map((d) => d.id));
    return documents
      .filter((d) => !d.purgedAt && (!d.direction || mine.has(d.direction.id)))
      .map((d) => ({ id: d.id, kind: d.kind, title: d.title, uploadedAt: d.createdAt }));
  }

  @FieldResolver(() => ItemType)
  itemType(@Root() o: Offering, @Ctx() ctx: Context) {
    return ctx.loaders.itemType.load(o.itemTypeCode);
  }
}
