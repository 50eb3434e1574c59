import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Role, badInput, checkInt, checkOptionalText, checkText, isUuid, notFound, requireRole } from '@aleumet/core';
import { ConnectionType, PageArgs, paginate } from '@aleumet/subgraph-kit';
import { FaqEntry, Language, LocalizedText, MaintenanceNotice, NoticeKind, PortalContact, localize } from '../entities/content.js';
import type { Context } from './context.js';

/** Portal content: FAQ, maintenance notices (a banner inside their window), the contact-center phone. Reads are public; writes are for administrators. */

const FaqConnection = ConnectionType('FaqEntry', FaqEntry);
const NoticeConnection = ConnectionType('MaintenanceNotice', MaintenanceNotice);
const CONTACT_KEY = 'contact-center';

@InputType({ description: 'A text in Kazakh, Russian and English; at least one is required' })
export class LocalizedTextInput {
  @Field(() => String, { nullable: true }) kk?: string;
  @Field(() => String, { nullable: true }) ru?: string;
  @Field(() => String, { nullable: true }) en?: string;
}

@InputType()
class FaqEntryInput {
  @Field(() => Int) position!: number;
  @Field(() => LocalizedTextInput) question!: LocalizedTextInput;
  @Field(() => LocalizedTextInput) answer!: LocalizedTextInput;
  @Field(() => Boolean, { defaultValue: true }) published!: boolean;
}

@InputType()
class MaintenanceNoticeInput {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => LocalizedTextInput) text!: LocalizedTextInput;
  @Field(() => NoticeKind, { nullable: true, description: 'Default PLANNED_WORKS; FAILURE: endsAt is the planned fix time (003 ¶14)' }) kind?: NoticeKind;
}

@InputType()
class ContactCenterInput {
  @Field(() => String) phone!: string;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'Working hours, e.g. "Mon–Fri 9:00–18:30"' }) hours?: LocalizedTextInput;
}

export function texts(t: LocalizedTextInput, field: string, max: number) {
  const out = { kk: checkOptionalText(t.kk, `${field}.kk`, max), ru: checkOptionalText(t.ru, `${field}.ru`, max), en: checkOptionalText(t.en, `${field}.en`, max) };
  if (!out.kk && !out.ru && !out.en) throw badInput('Give the text in at least one language', field);
  return out;
}

export async function load<T extends object>(ctx: Context, entity: new () => T, name: string, id: string): Promise<T> {
  if (!isUuid(id)) throw badInput(`${name} id must be a UUID`, 'id');
  const row = await ctx.em.findOne(entity, { id } as never);
  if (!row) throw notFound(name, id);
  return row as T;
}

@Resolver(() => FaqEntry)
export class FaqResolver {
  @Query(() => FaqConnection, { description: 'FAQ entries in display order (admins may include unpublished ones)' })
  faqEntries(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('includeUnpublished', () => Boolean, { defaultValue: false }) includeUnpublished: boolean,
    @Ctx() ctx: Context,
  ) {
    if (includeUnpublished) requireRole(ctx.identity, Role.ADMIN);
    // Ordered by id (creation order) for stable cursors; clients sort a page by `position`.
    return paginate(ctx.em, FaqEntry, includeUnpublished ? {} : { published: true }, page);
  }

  @Mutation(() => FaqEntry, { description: 'Admin: create (no id) or replace an FAQ entry' })
  async saveFaqEntry(@Arg('id', () => ID, { nullable: true }) id: string | undefined, @Arg('input', () => FaqEntryInput) input: FaqEntryInput, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    checkInt(input.position, 'position', 0, LIMITS.maxInt);
    const q = texts(input.question, 'question', LIMITS.faqQuestion);
    const a = texts(input.answer, 'answer', LIMITS.text);
    const data = { position: input.position, published: input.published, questionKk: q.kk, questionRu: q.ru, questionEn: q.en, answerKk: a.kk, answerRu: a.ru, answerEn: a.en };
    const entry = id ? ctx.em.assign(await load(ctx, FaqEntry, 'FaqEntry', id), data) : ctx.em.create(FaqEntry, data);
    await ctx.em.flush();
    return entry;
  }

  @Mutation(() => Boolean, { description: 'Admin: delete an FAQ entry' })
  async deleteFaqEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    ctx.em.remove(await load(ctx, FaqEntry, 'FaqEntry', id));
    await ctx.em.flush();
    return true;
  }

  @FieldResolver(() => LocalizedText)
  question(@Root() e: FaqEntry, @Arg('language', () => Language, { defaultValue: Language.KK }) language: Language) {
    return localize({ kk: e.questionKk, ru: e.questionRu, en: e.questionEn }, language);
  }

  @FieldResolver(() => LocalizedText)
  answer(@Root() e: FaqEntry, @Arg('language', () => Language, { defaultValue: Language.KK }) language: Language) {
    return localize({ kk: e.answerKk, ru: e.answerRu, en: e.answerEn }, language);
  }
}

@Resolver(() => MaintenanceNotice)
export class MaintenanceResolver {
  @Query(() => NoticeConnection, { description: 'The banner: notices (scheduled works, failures under repair) whose window contains the current time (public)' })
  activeMaintenanceNotices(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('kind', () => NoticeKind, { nullable: true, description: 'Only scheduled works or only failures' }) kind: NoticeKind | undefined,
    @Ctx() ctx: Context,
  ) {
    const now = ctx.runtime.clock.now();
    return paginate(ctx.em, MaintenanceNotice, { startsAt: { $lte: now }, endsAt: { $gt: now }, ...(kind ? { kind } : {}) }, page);
  }

  @Query(() => NoticeConnection, { description: 'Admin: every maintenance notice, past and planned' })
  maintenanceNotices(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return paginate(ctx.em, MaintenanceNotice, {}, page);
  }

  @Mutation(() => MaintenanceNotice, { description: 'Admin: publish (no id) or change a maintenance notice with its window' })
  async saveMaintenanceNotice(@Arg('id', () => ID, { nullable: true }) id: string | undefined, @Arg('input', () => MaintenanceNoticeInput) input: MaintenanceNoticeInput, @Ctx() ctx: Context) {
    const admin = requireRole(ctx.identity, Role.ADMIN);
    if (!(input.endsAt > input.startsAt)) throw badInput('The window must end after it starts', 'endsAt');
    const t = texts(input.text, 'text', LIMITS.notice);
    const data = { startsAt: input.startsAt, endsAt: input.endsAt, textKk: t.kk, textRu: t.ru, textEn: t.en, kind: input.kind ?? NoticeKind.PLANNED_WORKS };
    const notice = id ? ctx.em.assign(await load(ctx, MaintenanceNotice, 'MaintenanceNotice', id), data) : ctx.em.create(MaintenanceNotice, { ...data, createdBy: admin.sub });
    await ctx.em.flush();
    return notice;
  }

  @Mutation(() => Boolean, { description: 'Admin: withdraw a maintenance notice' })
  async deleteMaintenanceNotice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    ctx.em.remove(await load(ctx, MaintenanceNotice, 'MaintenanceNotice', id));
    await ctx.em.flush();
    return true;
  }

  @FieldResolver(() => LocalizedText)
  text(@Root() n: MaintenanceNotice, @Arg('language', () => Language, { defaultValue: Language.KK }) language: Language) {
    return localize({ kk: n.textKk, ru: n.textRu, en: n.textEn }, language);
  }
}

@Resolver(() => PortalContact)
export class ContactCenterResolver {
  @Query(() => PortalContact, { nullable: true, description: 'The contact-center phone and hours (public)' })
  contactCenter(@Ctx() ctx: Context) {
    return ctx.em.findOne(PortalContact, { key: CONTACT_KEY });
  }

  @Mutation(() => PortalContact, { description: 'Admin: set the contact-center phone and hours' })
  async setContactCenter(@Arg('input', () => ContactCenterInput) input: ContactCenterInput, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const phone = checkText(input.phone, 'phone', LIMITS.code);
    if (!/^\+?[\d\s()-]{3,20}$/.test(phone)) throw badInput('Phone must be digits (3–20), spaces, +, - or brackets', 'phone');
    const hours = input.hours ? texts(input.hours, 'hours', LIMITS.name) : { kk: null, ru: null, en: null };
    const data = { phone, hoursKk: hours.kk, hoursRu: hours.ru, hoursEn: hours.en, updatedAt: ctx.runtime.clock.now() };
    const existing = await ctx.em.findOne(PortalContact, { key: CONTACT_KEY });
    const contact = existing ? ctx.em.assign(existing, data) : ctx.em.create(PortalContact, { key: CONTACT_KEY, ...data });
    await ctx.em.flush();
    return contact;
  }

  @FieldResolver(() => LocalizedText, { nullable: true })
  hours(@Root() c: PortalContact, @Arg('language', () => Language, { defaultValue: Language.KK }) language: Language) {
    if (!c.hoursKk && !c.hoursRu && !c.hoursEn) return null;
    return localize({ kk: c.hoursKk, ru: c.hoursRu, en: c.hoursEn }, language);
  }
}
