import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Role, badInput, checkText, forbidden, hasScope, isUuid, notFound, requireIdentity, requireRole, type Identity } from '@aleumet/core';
import { ConnectionType, PageArgs, authorize, paginate, paginateLoaded } from '@aleumet/subgraph-kit';
import { newWebhookSecret } from '@aleumet/webhooks';
import { WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../entities/index.js';
import { SCOPE, webhookEndpointPolicy } from '../domain/policies.js';
import type { Context } from './context.js';

const WebhookEndpointConnection = ConnectionType('WebhookEndpoint', WebhookEndpoint);
const WebhookDeliveryConnection = ConnectionType('WebhookDelivery', WebhookDelivery);
const WebhookAttemptConnection = ConnectionType('WebhookAttempt', WebhookAttempt);

@ObjectType({ description: 'An endpoint and its signing secret: the secret is shown here only, once' })
class WebhookRegistration {
  @Field(() => WebhookEndpoint) endpoint!: WebhookEndpoint;
  @Field(() => String, { description: 'HMAC-SHA256 key of the X-Aleumet-Signature header; keep it secret' }) secret!: string;
}

/** Integrators with programs:read register their own endpoint; admins any client's. */
function clientOf(identity: Identity, clientId: string | null | undefined): string {
  if (identity.role === Role.ADMIN) {
    if (!clientId) throw badInput('Whose endpoint? Give clientId', 'clientId');
    return checkText(clientId, 'clientId', LIMITS.key);
  }
  if (identity.role !== Role.INTEGRATOR || !identity.clientId) throw forbidden('Integrators and administrators register webhook endpoints');
  if (!hasScope(identity, SCOPE)) throw forbidden(`Scope ${SCOPE} required`);
  if (clientId && clientId !== identity.clientId) throw forbidden('An integrator registers its own endpoint');
  return identity.clientId;
}

/** An absolute http(s) URL; plain http only outside production (a local receiver in development). */
function checkEndpointUrl(value: string): string {
  const text = checkText(value, 'url', LIMITS.notice);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('The endpoint must be an absolute URL', 'url');
  }
  const allowed = process.env.NODE_ENV === 'production' ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol)) throw badInput(`The endpoint must use ${allowed.join(' or ')}`, 'url');
  if (url.username || url.password) throw badInput('Credentials do not belong in the URL: deliveries are signed', 'url');
  return url.toString();
}

async function ownEndpoint(ctx: Context, id: string): Promise<WebhookEndpoint> {
  if (!isUuid(id)) throw badInput('Endpoint id must be a UUID', 'endpointId');
  const endpoint = await ctx.em.findOne(WebhookEndpoint, { id });
  if (!endpoint) throw notFound('WebhookEndpoint', id);
  return authorize(ctx, webhookEndpointPolicy, endpoint);
}

/** Admins see every client's; an integrator its own. */
const clientFilter = (identity: Identity) => (identity.role === Role.ADMIN ? {} : { clientId: identity.clientId ?? '' });

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Mutation(() => WebhookRegistration, {
    description: 'Registers (or moves) the webhook endpoint of an integrator client for measure execution: fulfilled, cancelled, blocked, re-activated. A new secret is issued each time. Integrators with programs:read for themselves; admins for any client (clientId).',
  })
  async registerWebhookEndpoint(
    @Arg('url', () => String) url: string,
    @Arg('clientId', () => String, { nullable: true }) clientId: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<WebhookRegistration> {
    const identity = requireRole(ctx.identity, Role.INTEGRATOR, Role.ADMIN);
    const client = clientOf(identity, clientId);
    const checked = checkEndpointUrl(url);
    const now = ctx.runtime.clock.now();
    const secret = newWebhookSecret();
    const endpoint = await ctx.em.fork().transactional(async (tx) => {
      const found = await tx.findOne(WebhookEndpoint, { clientId: client });
      if (found) {
        Object.assign(found, { url: checked, secret, active: true, registeredBy: identity.sub, secretRotatedAt: now });
        return found;
      }
      const created = tx.create(WebhookEndpoint, { clientId: client, url: checked, secret, active: true, registeredBy: identity.sub, createdAt: now, updatedAt: now });
      tx.persist(created);
      return created;
    });
    return { endpoint, secret };
  }

  @Mutation(() => WebhookEndpoint, { description: 'Stops (active: false) or resumes deliveries to an endpoint; pending deliveries wait meanwhile' })
  async setWebhookEndpointActive(@Arg('endpointId', () => ID) endpointId: string, @Arg('active', () => Boolean) active: boolean, @Ctx() ctx: Context): Promise<WebhookEndpoint> {
    requireRole(ctx.identity, Role.INTEGRATOR, Role.ADMIN);
    const endpoint = await ownEndpoint(ctx, endpointId);
    endpoint.active = active;
    await ctx.em.flush();
    return endpoint;
  }

  @Query(() => WebhookEndpointConnection, { description: "Admins: every integrator's webhook endpoint; an integrator: its own" })
  webhookEndpoints(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const identity = requireRole(ctx.identity, Role.INTEGRATOR, Role.ADMIN);
    return paginate(ctx.em, WebhookEndpoint, clientFilter(identity), page);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'The delivery log, oldest event first: admins every endpoint, an integrator its own; filter by endpoint, status or measure' })
  webhookDeliveries(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('endpointId', () => ID, { nullable: true }) endpointId: string | null | undefined,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status: WebhookDeliveryStatus | null | undefined,
    @Arg('measureId', () => ID, { nullable: true }) measureId: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    const identity = requireRole(ctx.identity, Role.INTEGRATOR, Role.ADMIN);
    if (endpointId != null && !isUuid(endpointId)) throw badInput('Endpoint id must be a UUID', 'endpointId');
    if (measureId != null && !isUuid(measureId)) throw badInput('Measure id must be a UUID', 'measureId');
    return paginate(ctx.em, WebhookDelivery, {
      ...clientFilter(identity),
      ...(endpointId ? { endpointId } : {}),
      ...(status ? { status } : {}),
      ...(measureId ? { entityId: measureId } : {}),
    }, page);
  }

  @Mutation(() => WebhookDelivery, {
    description: 'Admin: sends a delivery again (same event id and body) at the next run, e.g. after the integrator lost it; a later event of the same measure still pending waits for it',
  })
  async replayWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    requireRole(ctx.identity, Role.ADMIN);
    if (!isUuid(id)) throw badInput('Delivery id must be a UUID', 'id');
    const d = await ctx.em.findOne(WebhookDelivery, { id });
    if (!d) throw notFound('WebhookDelivery', id);
    Object.assign(d, { status: WebhookDeliveryStatus.PENDING, nextAttemptAt: null, leaseUntil: null, replays: d.replays + 1 });
    await ctx.em.flush();
    return d;
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => WebhookAttemptConnection, { description: 'Every attempt, oldest first' })
  async log(@Root() d: WebhookDelivery, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    return paginateLoaded(await ctx.loaders.attemptsByDelivery.load(d.id), page);
  }

  @FieldResolver(() => WebhookEndpoint, { nullable: true })
  endpoint(@Root() d: WebhookDelivery, @Ctx() ctx: Context) {
    return ctx.loaders.webhookEndpoint.load(d.endpointId);
  }
}

