import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, isUuid } from '@aleumet/core';
import { requireService } from '@aleumet/events';
import { ApiKey, IntegratorClient, IntegratorStatus, PersistedOperation } from '../entities/index.js';
import type { Context } from './context.js';
import { appendAudit, type AuditEntryData } from '../domain/audit-trail.js';

/**
 * The integrator directory the gateway reads (internal, signed, service identities only): API keys,
 * clients with their registered operations, and the audit trail it writes. This subgraph owns the
 * tables; the gateway never reads them itself. Each answer names the change-channel tags whose
 * notification makes the gateway forget it (revocation at once; change-feed changes.ts).
 */
const KEY_ID = /^[0-9a-f]{16}$/;

@Directive('@inaccessible')
@ObjectType({ description: 'Internal (gateway): a registered operation' })
class DirectoryOperation {
  @Field(() => String) hash!: string;
  @Field(() => String) document!: string;
}

@Directive('@inaccessible')
@ObjectType({ description: 'Internal (gateway): an integrator client as the gateway checks it' })
class DirectoryClient {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => Boolean) active!: boolean;
  @Field(() => Int, { nullable: true }) rateLimitPerMinute!: number | null;
  @Field(() => [DirectoryOperation]) operations!: DirectoryOperation[];
  @Field(() => [String], { description: 'Change-channel tags that make this answer stale' }) changeTags!: string[];
}

@Directive('@inaccessible')
@ObjectType({ description: 'Internal (gateway): an API key as the gateway checks it' })
class DirectoryApiKey {
  @Field(() => String) keyId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => String, { description: 'Salted scrypt hash of the secret' }) hash!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => [String], { description: 'Change-channel tags that make this answer stale' }) changeTags!: string[];
  @Field(() => DirectoryClient, { nullable: true, description: 'The client of the key (one call for both)' }) client!: DirectoryClient | null;
}

@Directive('@inaccessible')
@InputType({ description: 'Internal (gateway): one audited operation' })
class AuditEntryInput implements AuditEntryData {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String) actorSub!: string;
  @Field(() => String) actorRole!: string;
  @Field(() => String, { nullable: true }) clientId?: string | null;
  @Field(() => [String]) onBehalfOf!: string[];
  @Field(() => [String]) personIds!: string[];
  @Field(() => String) operationType!: string;
  @Field(() => String, { nullable: true }) operationName?: string | null;
  @Field(() => String, { nullable: true }) documentHash?: string | null;
  @Field(() => [String]) entityIds!: string[];
  @Field(() => String) outcome!: string;
  @Field(() => [String]) errorCodes!: string[];
  @Field(() => String, { nullable: true }) requestId?: string | null;
}

async function directoryClient(ctx: Context, id: string): Promise<DirectoryClient | null> {
  const client = await ctx.em.findOne(IntegratorClient, { id });
  if (!client) return null;
  const operations = await ctx.em.find(PersistedOperation, { clientId: id }, { fields: ['hash', 'document'] });
  return {
    id: client.id, name: client.name, scopes: client.scopes ?? [], active: client.status === IntegratorStatus.ACTIVE,
    rateLimitPerMinute: client.rateLimitPerMinute ?? null,
    operations: operations.map((o) => ({ hash: o.hash, document: o.document })),
    changeTags: [`people.integrator_client:id=${id}`, `people.persisted_operation:client_id=${id}`],
  };
}

@Resolver()
export class IntegratorDirectoryResolver {
  @Directive('@inaccessible')
  @Query(() => DirectoryApiKey, { nullable: true, description: 'Internal (gateway): an API key by its public key id' })
  async internalApiKey(@Arg('keyId', () => String) keyId: string, @Ctx() ctx: Context): Promise<DirectoryApiKey | null> {
    requireService(ctx.identity);
    if (!KEY_ID.test(keyId)) return null;
    const key = await ctx.em.findOne(ApiKey, { keyId });
    if (!key) return null;
    return {
      keyId: key.keyId, clientId: key.clientId, hash: key.hash, expiresAt: key.expiresAt, revokedAt: key.revokedAt ?? null,
      changeTags: [`people.api_key:key_id=${key.keyId}`],
      client: await directoryClient(ctx, key.clientId),
    };
  }

  @Directive('@inaccessible')
  @Query(() => DirectoryClient, { nullable: true, description: 'Internal (gateway): an integrator client and its registered operations' })
  async internalIntegratorClient(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DirectoryClient | null> {
    requireService(ctx.identity);
    return isUuid(id) ? directoryClient(ctx, id) : null;
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (gateway): when an API key was last used' })
  async internalTouchApiKey(@Arg('keyId', () => String) keyId: string, @Arg('at', () => Date) at: Date, @Ctx() ctx: Context): Promise<boolean> {
    requireService(ctx.identity);
    if (!KEY_ID.test(keyId)) throw badInput('keyId is 16 hex digits', 'keyId');
    return (await ctx.em.nativeUpdate(ApiKey, { keyId }, { lastUsedAt: at })) > 0;
  }

  /** Internal (gateway, other subgraphs): appends audit rows (audit-trail.ts; the gateway uses the plain route AUDIT_APPEND_PATH). */
  @Directive('@inaccessible')
  @Mutation(() => Int, { description: 'Internal (gateway): append rows to the audit trail' })
  async internalRecordAudit(@Arg('entries', () => [AuditEntryInput]) entries: AuditEntryInput[], @Ctx() ctx: Context): Promise<number> {
    requireService(ctx.identity);
    return appendAudit(ctx.em, entries);
  }
}
