import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { parse } from 'graphql';
import {
  LIMITS, Role, SCOPES, announceIntegratorChange, badInput, checkOptionalText, checkText, conflict, documentHash, isUuid, newApiKey, notFound, requireRole,
} from '@aleumet/core';
import { ConnectionType, PageArgs, paginate } from '@aleumet/subgraph-kit';
import { ApiKey, AuditEntry, IntegratorClient, IntegratorStatus, PersistedOperation } from '../entities/index.js';
import type { Context } from './context.js';

/**
 * Admin API for government integrators: clients, scopes, API keys (shown once, hashed at rest,
 * revocable, rotatable, expiring), their registered operations, and the audit trail.
 * Every field here is for role ADMIN only.
 */
const IntegratorClientConnection = ConnectionType('IntegratorClient', IntegratorClient);
const AuditEntryConnection = ConnectionType('AuditEntry', AuditEntry);

const DEFAULT_KEY_DAYS = 90;
const MAX_KEY_DAYS = 366;

@InputType()
class IntegratorClientInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => Int, { nullable: true, description: 'Requests per minute; the gateway default when absent' }) rateLimitPerMinute?: number;
}

@InputType()
class IntegratorClientUpdate {
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => [String], { nullable: true }) scopes?: string[];
  @Field(() => IntegratorStatus, { nullable: true }) status?: IntegratorStatus;
  @Field(() => Int, { nullable: true }) rateLimitPerMinute?: number;
}

@ObjectType({ description: 'A new API key: `key` is shown this once and never stored' })
class IssuedApiKey {
  @Field(() => String, { description: 'The secret key; send it as `Authorization: ApiKey <key>`' }) key!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}

function validScopes(scopes: string[]): string[] {
  const unknown = scopes.filter((s) => !SCOPES.includes(s));
  if (unknown.length) throw badInput(`Unknown scopes: ${unknown.join(', ')} (known: ${SCOPES.join(', ')})`, 'scopes');
  return [...new Set(scopes)].sort();
}

function validRate(n: number | undefined | null): number | null {
  if (n == null) return null;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw badInput('rateLimitPerMinute must be 1..100000', 'rateLimitPerMinute');
  return n;
}

async function loadClient(ctx: Context, id: string): Promise<IntegratorClient> {
  if (!isUuid(id)) throw badInput('Client id must be a UUID', 'clientId');
  const client = await ctx.em.findOne(IntegratorClient, { id });
  if (!client) throw notFound('IntegratorClient', id);
  return client;
}

function keyDays(days: number | undefined | null): number {
  const d = days ?? DEFAULT_KEY_DAYS;
  if (!Number.isInteger(d) || d < 1 || d > MAX_KEY_DAYS) throw badInput(`expiresInDays must be 1..${MAX_KEY_DAYS}`, 'expiresInDays');
  return d;
}

async function issueKey(ctx: Context, clientId: string, days: number | undefined, label: string | undefined, now: Date): Promise<IssuedApiKey> {
  const d = keyDays(days);
  const fresh = await newApiKey();
  const apiKey = ctx.em.create(ApiKey, { keyId: fresh.keyId, clientId, hash: fresh.hash, label: label ?? null, expiresAt: new Date(now.getTime() + d * 86_400_000) });
  return { key: fresh.key, apiKey };
}

async function loadKey(ctx: Context, id: string): Promise<ApiKey> {
  if (!isUuid(id) && !/^[0-9a-f]{16}$/.test(id)) throw badInput('A key id is a UUID or the 16 hex digits of the public key id', 'id');
  const key = isUuid(id) ? await ctx.em.findOne(ApiKey, { id }) : await ctx.em.findOne(ApiKey, { keyId: id });
  if (!key) throw notFound('ApiKey', id);
  return key;
}

@Resolver(() => IntegratorClient)
export class IntegratorClientResolver {
  @Query(() => IntegratorClientConnection, { description: 'Admin: integrator clients' })
  async integratorClients(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return paginate(ctx.em, IntegratorClient, {}, page);
  }

  @Query(() => IntegratorClient, { description: 'Admin: one integrator client' })
  async integratorClient(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return loadClient(ctx, id);
  }

  @Query(() => AuditEntryConnection, { description: 'Admin: the audit trail, by person and/or by client (oldest first)' })
  async auditEntries(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('personId', () => ID, { nullable: true }) personId: string | undefined,
    @Arg('clientId', () => ID, { nullable: true }) clientId: string | undefined,
    @Arg('actorSub', () => String, { nullable: true }) actorSub: string | undefined,
    @Ctx() ctx: Context,
  ) {
    requireRole(ctx.identity, Role.ADMIN);
    if (personId && !isUuid(personId)) throw badInput('personId must be a UUID', 'personId');
    if (clientId && !isUuid(clientId)) throw badInput('clientId must be a UUID', 'clientId');
    checkOptionalText(actorSub, 'actorSub', LIMITS.key);
    const where: Record<string, unknown> = {};
    if (personId) where.personIds = { $contains: [personId] };
    if (clientId) where.clientId = clientId;
    if (actorSub) where.actorSub = actorSub;
    return paginate(ctx.em, AuditEntry, where, page);
  }

  @Mutation(() => IntegratorClient, { description: 'Admin: register a government system' })
  async createIntegratorClient(@Arg('input', () => IntegratorClientInput) input: IntegratorClientInput, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const name = input.name.trim();
    if (name.length < 3 || name.length > 100) throw badInput('Name must be 3 to 100 characters', 'name');
    const description = checkOptionalText(input.description, 'description', LIMITS.reason);
    if (await ctx.em.count(IntegratorClient, { name })) throw conflict(`A client named ${name} exists`);
    const client = ctx.em.create(IntegratorClient, {
      name, description, scopes: validScopes(input.scopes), rateLimitPerMinute: validRate(input.rateLimitPerMinute),
    });
    await ctx.em.flush();
    return client;
  }

  @Mutation(() => IntegratorClient, { description: 'Admin: change scopes, status (DISABLED stops every key) or rate limit' })
  async updateIntegratorClient(@Arg('id', () => ID) id: string, @Arg('input', () => IntegratorClientUpdate) input: IntegratorClientUpdate, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const description = checkOptionalText(input.description, 'description', LIMITS.reason);
    const scopes = input.scopes ? validScopes(input.scopes) : undefined;
    const rate = input.rateLimitPerMinute !== undefined ? validRate(input.rateLimitPerMinute) : undefined;
    const client = await loadClient(ctx, id);
    if (input.description !== undefined) client.description = description;
    if (scopes) client.scopes = scopes;
    if (input.status) client.status = input.status;
    if (rate !== undefined) client.rateLimitPerMinute = rate;
    await ctx.em.flush();
    announceIntegratorChange();
    return client;
  }

  @Mutation(() => IssuedApiKey, { description: 'Admin: a new API key for a client (shown once)' })
  async issueApiKey(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('expiresInDays', () => Int, { nullable: true }) expiresInDays: number | undefined,
    @Arg('label', () => String, { nullable: true }) label: string | undefined,
    @Ctx() ctx: Context,
  ) {
    requireRole(ctx.identity, Role.ADMIN);
    const keyLabel = checkOptionalText(label, 'label', LIMITS.name) ?? undefined;
    keyDays(expiresInDays);
    const client = await loadClient(ctx, clientId);
    const issued = await issueKey(ctx, client.id, expiresInDays, keyLabel, ctx.runtime.clock.now());
    await ctx.em.flush();
    return issued;
  }

  @Mutation(() => IssuedApiKey, {
    description: 'Admin: replace a key with a new one; the old key keeps working for `overlapHours` (default 24, 0 = stop now)',
  })
  async rotateApiKey(
    @Arg('id', () => ID, { description: 'Key id (UUID) or public key id' }) id: string,
    @Arg('overlapHours', () => Int, { nullable: true }) overlapHours: number | undefined,
    @Arg('expiresInDays', () => Int, { nullable: true }) expiresInDays: number | undefined,
    @Ctx() ctx: Context,
  ) {
    requireRole(ctx.identity, Role.ADMIN);
    const overlap = overlapHours ?? 24;
    if (!Number.isInteger(overlap) || overlap < 0 || overlap > 24 * 30) throw badInput('overlapHours must be 0..720', 'overlapHours');
    keyDays(expiresInDays);
    const old = await loadKey(ctx, id);
    if (old.revokedAt) throw conflict('This key is revoked; issue a new one instead');
    const now = ctx.runtime.clock.now();
    const until = new Date(now.getTime() + overlap * 3_600_000);
    if (overlap === 0) old.revokedAt = now;
    else if (old.expiresAt > until) old.expiresAt = until;
    const issued = await issueKey(ctx, old.clientId, expiresInDays, old.label ?? undefined, now);
    await ctx.em.flush();
    announceIntegratorChange();
    return issued;
  }

  @Mutation(() => ApiKey, { description: 'Admin: revoke a key (refused by the gateway from the next request on; open subscriptions are closed)' })
  async revokeApiKey(@Arg('id', () => ID, { description: 'Key id (UUID) or public key id' }) id: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const key = await loadKey(ctx, id);
    key.revokedAt ??= ctx.runtime.clock.now();
    await ctx.em.flush();
    announceIntegratorChange();
    return key;
  }

  @Mutation(() => PersistedOperation, { description: 'Admin: allow a client to run this document (identified by its sha256)' })
  async registerOperation(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('document', () => String) document: string,
    @Ctx() ctx: Context,
  ) {
    requireRole(ctx.identity, Role.ADMIN);
    checkText(document, 'document', LIMITS.document);
    const client = await loadClient(ctx, clientId);
    let operationName: string | null = null;
    try {
      const ast = parse(document);
      const ops = ast.definitions.filter((d) => d.kind === 'OperationDefinition');
      if (ops.length !== 1) throw badInput('Register exactly one operation per document', 'document');
      operationName = ops[0]!.kind === 'OperationDefinition' ? ops[0]!.name?.value ?? null : null;
    } catch (e) {
      if (e instanceof Error && 'extensions' in e && (e as { extensions: { code?: string } }).extensions.code === 'BAD_USER_INPUT') throw e;
      throw badInput('The document is not valid GraphQL', 'document');
    }
    const hash = documentHash(document);
    const existing = await ctx.em.findOne(PersistedOperation, { clientId: client.id, hash });
    if (existing) return existing;
    const op = ctx.em.create(PersistedOperation, { clientId: client.id, hash, document, operationName });
    await ctx.em.flush();
    announceIntegratorChange();
    return op;
  }

  @Mutation(() => Boolean, { description: 'Admin: withdraw a registered operation' })
  async removeOperation(@Arg('clientId', () => ID) clientId: string, @Arg('hash', () => String) hash: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    if (!/^[0-9a-f]{64}$/.test(hash)) throw badInput('hash is the sha256 of the document, 64 hex digits', 'hash');
    const client = await loadClient(ctx, clientId);
    const n = await ctx.em.nativeDelete(PersistedOperation, { clientId: client.id, hash });
    announceIntegratorChange();
    return n > 0;
  }

  @FieldResolver(() => [ApiKey], { description: 'Keys of the client, newest first (hashes are never exposed)' })
  async apiKeys(@Root() client: IntegratorClient, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return [...(await ctx.loaders.apiKeysByClient.load(client.id))].reverse();
  }

  @FieldResolver(() => [PersistedOperation], { description: 'Registered operations of the client' })
  async operations(@Root() client: IntegratorClient, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return ctx.loaders.operationsByClient.load(client.id);
  }
}
