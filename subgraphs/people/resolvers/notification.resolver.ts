import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Role, badInput, checkOptionalText, checkText, forbidden, isUuid, notFound, requireIdentity, requireRole, type Identity } from '@aleumet/core';
import { ConnectionType, PageArgs, byIdLoader, groupLoader, paginate, paginateSorted } from '@aleumet/subgraph-kit';
import { firstTime, requireService } from '@aleumet/events';
import {
  DeliveryStatus, InformMethod, InformedOtherwise, Notification, NotificationAudience, NotificationDelivery, NotificationSettings, NotifyLanguageChoice, Person, StaffUser,
} from '../entities/index.js';
import { EMAIL, checkTemplate, createNotifications, resend, settingsOf } from '../domain/notifications.js';
import { ownWhere } from '../domain/notification-live.js';
import type { Context } from './context.js';

const NotificationConnection = ConnectionType('Notification', Notification);
const DeliveryConnection = ConnectionType('NotificationDelivery', NotificationDelivery);
const UnreachableConnection = ConnectionType('UnreachablePerson', Person);

/** Department of the person's region, or an administrator. */
function requireOfficerFor(identity: Identity | null, regionCode: string): Identity {
  const id = requireIdentity(identity);
  if (id.role === Role.ADMIN || (id.role === Role.EMPLOYMENT_DEPARTMENT && id.regionCode === regionCode)) return id;
  throw forbidden();
}

/** Per-request loaders of this file, kept beside the request's context (dies with it). */
const perRequest = new WeakMap<object, { deliveries: ReturnType<typeof groupLoader<NotificationDelivery>>; notification: ReturnType<typeof byIdLoader<Notification>> }>();
function loaders(ctx: Context) {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = { deliveries: groupLoader(ctx.em, NotificationDelivery, 'notification'), notification: byIdLoader(ctx.em, Notification) }));
  return l;
}

@ObjectType({ description: 'How a supplier’s or a department’s staff member wants its organisation’s notifications: in-app always, by e-mail if it gave an address and wants them' })
export class StaffNotificationSettings {
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => Boolean) emailNotifications!: boolean;
  @Field(() => NotifyLanguageChoice, { description: 'The language of those e-mails' }) language!: NotifyLanguageChoice;
}

const staffSettings = (s: StaffUser): StaffNotificationSettings => ({ email: s.email ?? null, emailNotifications: s.emailNotifications, language: s.language as NotifyLanguageChoice });

/** The signed-in supplier's or department's staff member (its notification settings are its own). */
async function staffOf(ctx: Context): Promise<StaffUser> {
  const identity = requireRole(ctx.identity, Role.SUPPLIER, Role.EMPLOYMENT_DEPARTMENT);
  const staff = isUuid(identity.sub) ? await ctx.em.findOne(StaffUser, identity.sub) : null;
  if (!staff) throw forbidden('Notification settings belong to a staff account');
  return staff;
}

@Resolver(() => NotificationDelivery)
export class NotificationDeliveryResolver {
  @FieldResolver(() => Notification, { description: 'What was sent' })
  async notification(@Root() d: NotificationDelivery, @Ctx() ctx: Context) {
    const n = await loaders(ctx).notification.load(d.notification.id);
    if (!n) throw notFound('Notification', d.notification.id);
    return n;
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'The caller’s notification centre, newest first: a recipient’s (own and represented persons’), a supplier’s, a department’s' })
  notifications(@Args(() => PageArgs) page: PageArgs, @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean, @Ctx() ctx: Context) {
    const where = { ...ownWhere(requireIdentity(ctx.identity)), ...(unreadOnly ? { readAt: null } : {}) };
    return paginateSorted(ctx.em, Notification, where, page, { direction: 'desc' });
  }

  @Query(() => Int, { description: 'How many of the caller’s notifications are unread (the bell in the header)' })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.em.count(Notification, { ...ownWhere(requireIdentity(ctx.identity)), readAt: null });
  }

  @Mutation(() => Int, { description: 'Marks the caller’s notifications read (the given ones, or all); returns how many changed' })
  async markNotificationsRead(@Arg('ids', () => [ID], { nullable: true }) ids: string[] | undefined, @Ctx() ctx: Context): Promise<number> {
    const where = ownWhere(requireIdentity(ctx.identity));
    if (ids) {
      if (ids.length > LIMITS.listItems) throw badInput(`At most ${LIMITS.listItems} ids`, 'ids');
      if (!ids.every(isUuid)) throw badInput('Notification ids must be UUIDs', 'ids');
    }
    return ctx.em.nativeUpdate(Notification, { ...where, readAt: null, ...(ids ? { id: { $in: ids } } : {}) }, { readAt: ctx.runtime.clock.now() });
  }

  @Query(() => NotificationConnection, { description: 'Whether and how the person was notified about a measure (the person’s department, administrators, the person)' })
  async measureNotifications(@Arg('measureId', () => ID) measureId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    if (!isUuid(measureId)) throw badInput('Measure id must be a UUID', 'measureId');
    const scope: Record<string, unknown> =
      identity.role === Role.ADMIN ? {}
      : identity.role === Role.EMPLOYMENT_DEPARTMENT && identity.regionCode ? { regionCode: identity.regionCode }
      : identity.role === Role.RECIPIENT || identity.role === Role.REPRESENTATIVE ? { audience: NotificationAudience.PERSON, personId: { $in: [identity.personId, ...identity.represents].filter(Boolean) } }
      : (() => { throw forbidden(); })();
    return paginate(ctx.em, Notification, { measureId, ...scope }, page);
  }

  @FieldResolver(() => [NotificationDelivery], { description: 'What was sent by SMS and e-mail, and when' })
  deliveries(@Root() n: Notification, @Ctx() ctx: Context) {
    return loaders(ctx).deliveries.load(n.id);
  }

  @Query(() => NotificationSettings, { description: 'The signed-in person’s notification settings' })
  async myNotificationSettings(@Ctx() ctx: Context): Promise<NotificationSettings> {
    const identity = requireIdentity(ctx.identity);
    if (!identity.personId) throw forbidden('Settings belong to a person');
    const s = await settingsOf(ctx.em, identity.personId);
    return Object.assign(new NotificationSettings(), { personId: identity.personId, language: s.language as NotifyLanguageChoice, sms: s.sms, email: s.email });
  }

  @Mutation(() => NotificationSettings, { description: 'The signed-in person chooses the language of notifications and whether SMS and e-mail are sent (in-app always)' })
  async setNotificationSettings(
    @Arg('language', () => NotifyLanguageChoice) language: NotifyLanguageChoice,
    @Arg('sms', () => Boolean) sms: boolean,
    @Arg('email', () => Boolean) email: boolean,
    @Ctx() ctx: Context,
  ): Promise<NotificationSettings> {
    const identity = requireIdentity(ctx.identity);
    if (!identity.personId) throw forbidden('Settings belong to a person');
    const s = (await ctx.em.findOne(NotificationSettings, { personId: identity.personId })) ?? ctx.em.create(NotificationSettings, { personId: identity.personId, language, sms, email, updatedAt: ctx.runtime.clock.now() });
    Object.assign(s, { language, sms, email, updatedAt: ctx.runtime.clock.now() });
    await ctx.em.flush();
    return s;
  }

  @Query(() => StaffNotificationSettings, { description: 'A supplier’s or a department’s staff member: its e-mail for notifications' })
  async myStaffNotificationSettings(@Ctx() ctx: Context): Promise<StaffNotificationSettings> {
    return staffSettings(await staffOf(ctx));
  }

  @Mutation(() => StaffNotificationSettings, { description: 'A supplier’s or a department’s staff member: the address its organisation’s notifications are e-mailed to (none: in-app only), whether they are, and in which language (unchanged when not given)' })
  async setStaffNotificationSettings(
    @Arg('email', () => String, { nullable: true }) email: string | undefined,
    @Arg('emailNotifications', () => Boolean) emailNotifications: boolean,
    @Arg('language', () => NotifyLanguageChoice, { nullable: true }) language: NotifyLanguageChoice | undefined,
    @Ctx() ctx: Context,
  ): Promise<StaffNotificationSettings> {
    const s = await staffOf(ctx);
    const address = email == null || email.trim() === '' ? null : checkText(email, 'email', LIMITS.name).trim();
    if (address !== null && !EMAIL.test(address)) throw badInput('email must be an e-mail address', 'email');
    Object.assign(s, { email: address, emailNotifications, ...(language ? { language } : {}) });
    await ctx.em.flush();
    return staffSettings(s);
  }

  @Query(() => DeliveryConnection, { description: 'Administrator: deliveries given up after retries (the dead-letter list)' })
  notificationDeadLetters(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return paginate(ctx.em, NotificationDelivery, { status: DeliveryStatus.DEAD }, page);
  }

  @Mutation(() => NotificationDelivery, { description: 'Administrator: send a dead delivery again (same idempotency key)' })
  async resendNotification(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    if (!isUuid(deliveryId)) throw badInput('Delivery id must be a UUID', 'deliveryId');
    const d = await ctx.em.findOne(NotificationDelivery, deliveryId);
    if (!d) throw notFound('NotificationDelivery', deliveryId);
    if (d.status !== DeliveryStatus.DEAD) throw badInput('Only a dead delivery is resent', 'deliveryId');
    resend(d, ctx.runtime.clock.now());
    await ctx.em.flush();
    return d;
  }

  @Query(() => UnreachableConnection, { description: 'Department: people of its region without a verified phone, to be informed by other means (003 ¶9)' })
  unreachablePersons(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const identity = requireRole(ctx.identity, Role.EMPLOYMENT_DEPARTMENT, Role.ADMIN);
    const region = identity.role === Role.ADMIN ? {} : { regionCode: identity.regionCode };
    return paginate(ctx.em, Person, { ...region, phoneVerified: false, deceasedOn: null }, page);
  }

  @Mutation(() => InformedOtherwise, { description: 'Department: record that it informed a person without a verified phone by other means: how, when (003 ¶9)' })
  async recordInformedOtherwise(
    @Arg('personId', () => ID) personId: string,
    @Arg('method', () => InformMethod) method: InformMethod,
    @Arg('measureId', () => ID, { nullable: true }) measureId: string | undefined,
    @Arg('note', () => String, { nullable: true }) note: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<InformedOtherwise> {
    if (!isUuid(personId)) throw badInput('personId must be a UUID', 'personId');
    if (measureId !== undefined && measureId !== null && !isUuid(measureId)) throw badInput('measureId must be a UUID', 'measureId');
    checkOptionalText(note, 'note', LIMITS.reason);
    const person = await ctx.loaders.person.load(personId);
    if (!person) throw notFound('Person', personId);
    const officer = requireOfficerFor(ctx.identity, person.regionCode);
    const row = ctx.em.create(InformedOtherwise, {
      personId, regionCode: person.regionCode, measureId: measureId ?? null, method, informedAt: ctx.runtime.clock.now(), informedBy: officer.sub, note: note?.trim() || null,
    });
    await ctx.em.flush();
    return row;
  }

  /** Internal (programs, orders, finance): one change becomes notifications, once per command. */
  @Directive('@inaccessible')
  @Mutation(() => Int, { description: 'Internal: notify the people concerned by a change; returns how many notifications were created' })
  async internalNotify(
    @Arg('commandId', () => ID) commandId: string,
    @Arg('source', () => String) source: string,
    @Arg('template', () => String) template: string,
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('params', () => String, { description: 'JSON: item, deadline (ISO), number, amount (tiyn), step' }) params: string,
    @Arg('personId', () => ID, { nullable: true }) personId: string | undefined,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId: string | undefined,
    @Arg('measureId', () => ID, { nullable: true }) measureId: string | undefined,
    @Arg('orderId', () => ID, { nullable: true }) orderId: string | undefined,
    @Arg('urgent', () => Boolean, { nullable: true }) urgent: boolean | undefined,
    @Ctx() ctx: Context,
  ): Promise<number> {
    requireService(ctx.identity);
    if (!isUuid(commandId)) throw badInput('commandId must be a UUID', 'commandId');
    for (const [name, id] of Object.entries({ personId, supplierId, measureId, orderId })) if (id != null && !isUuid(id)) throw badInput(`${name} must be a UUID`, name);
    checkText(source, 'source', LIMITS.key);
    checkText(regionCode, 'regionCode', LIMITS.code);
    checkText(params, 'params', LIMITS.reason);
    const parsed = parseParams(params);
    const t = checkTemplate(template);
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return 0;
      const made = await createNotifications(tx, { source, template: t, regionCode, personId, supplierId, measureId, orderId, params: parsed, urgent: urgent ?? false }, ctx.runtime.clock.now());
      return made.notifications.length;
    });
  }
}

function parseParams(json: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw badInput('params must be JSON', 'params');
  }
  if (!raw || typeof raw !== 'object') throw badInput('params must be a JSON object', 'params');
  const p = raw as Record<string, unknown>;
  const text = (k: string) => (typeof p[k] === 'string' ? checkText(p[k] as string, k, LIMITS.name, 0) : undefined);
  const amount = p.amount === undefined ? undefined : Number(p.amount);
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount < 0 || amount > LIMITS.maxTiyn)) throw badInput('amount must be tiyn', 'amount');
  const deadline = text('deadline');
  if (deadline !== undefined && Number.isNaN(Date.parse(deadline))) throw badInput('deadline must be an ISO instant', 'deadline');
  return { item: text('item'), number: text('number'), step: text('step'), deadline, amount };
}
