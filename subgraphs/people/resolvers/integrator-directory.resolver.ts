import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, isUuid } from '@aleumet/core';
import { requireService } from '@aleumet/events';
import { ApiKey, AuditEntry, IntegratorClient, IntegratorStatus, PersistedOperation } from '../entities/index.js';
import type { Context } from './context.js';

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
class AuditEntryInput {
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

/**
 * The rows of one call in one statement of constant text (the rows as one JSON parameter): the gateway
 * writes a batch before every audited answer leaves, so this is on the path of nearly every request.
 */
const AUDIT_COLUMNS = 'id, at, actor_sub, actor_role, client_id, on_behalf_of, person_ids, operation_type, operation_name, document_hash, entity_ids, outcome, error_codes, request_id';
const AUDIT_INSERT = `insert into "people"."audit_entry" (${AUDIT_COLUMNS}) select ${AUDIT_COLUMNS} from json_populate_recordset(null::"people"."audit_entry", ?::json) on conflict ("id") do nothing`;

/** Most audit rows in one call (the gateway's batches are at most 100 by default). */
const MAX_AUDIT_ROWS = 1000;

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

  /**
   * Internal (gateway): appends audit rows in one statement. A row already there (a retried call whose
   * first attempt landed) is skipped. When the database refuses a row's data the call fails with
   * BAD_USER_INPUT and `extensions.sqlState`, so the gateway can write the rows one by one.
   */
  @Directive('@inaccessible')
  @Mutation(() => Int, { description: 'Internal (gateway): append rows to the audit trail' })
  async internalRecordAudit(@Arg('entries', () => [AuditEntryInput]) entries: AuditEntryInput[], @Ctx() ctx: Context): Promise<number> {
    requireService(ctx.identity);
    if (entries.length > MAX_AUDIT_ROWS) throw badInput(`At most ${MAX_AUDIT_ROWS} audit rows per call`, 'entries');
    if (!entries.length) return 0;
    if (entries.some((e) => !isUuid(e.id))) throw badInput('Audit row ids are UUIDs', 'entries');
    const rows = entries.map((e) => ({
      id: e.id, at: e.at.toISOString(), actor_sub: e.actorSub, actor_role: e.actorRole, client_id: e.clientId ?? null, on_behalf_of: e.onBehalfOf,
      person_ids: e.personIds, operation_type: e.operationType, operation_name: e.operationName ?? null, document_hash: e.documentHash ?? null,
      entity_ids: e.entityIds, outcome: e.outcome, error_codes: e.errorCodes, request_id: e.requestId ?? null,
    }));
    try {
      await ctx.em.getConnection().execute(AUDIT_INSERT, [JSON.stringify(rows)], 'run');
    } catch (e) {
      const sqlState = String((e as { code?: unknown }).code ?? '');
      if (!/^2[23]/.test(sqlState)) throw e;
      const refused = badInput(`The audit trail refused a row: ${(e as Error).message.split('\n')[0]}`, 'entries');
      Object.assign(refused.extensions, { sqlState });
      throw refused;
    }
    return rows.length;
  }
}
