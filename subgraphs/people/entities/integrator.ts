import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

export enum IntegratorStatus { ACTIVE = 'ACTIVE', DISABLED = 'DISABLED' }
registerEnumType(IntegratorStatus, { name: 'IntegratorStatus' });

/** A government system calling the API: its scopes, rate limit and registered operations. */
@ObjectType({ description: 'A government system allowed to call the API (admin only)' })
@Entity({ tableName: 'integrator_client' })
export class IntegratorClient extends BaseEntity<'description' | 'status' | 'rateLimitPerMinute'> {
  @Field(() => String) @Property({ type: 'string', unique: true }) name!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) description?: string | null;
  @Field(() => [String], { description: 'e.g. programs:write, orders:read, finance:read, people:read' })
  @Property({ type: 'text[]' })
  scopes!: string[];
  @Field(() => IntegratorStatus) @Enum({ items: () => IntegratorStatus }) status: IntegratorStatus = IntegratorStatus.ACTIVE;
  @Field(() => Int, { nullable: true, description: 'Requests per minute (token bucket refill); the gateway default when null' })
  @Property({ type: 'integer', nullable: true })
  rateLimitPerMinute?: number | null;
}

/** An API key of a client. Only a salted scrypt hash of the secret is stored; the key is shown once. */
@ObjectType({ description: 'An API key (the secret itself is never shown again after creation)' })
@Entity({ tableName: 'api_key' })
export class ApiKey extends BaseEntity<'revokedAt' | 'lastUsedAt' | 'label'> {
  @Field(() => String, { description: 'Public part of the key (alk_<keyId>_…)' }) @Property({ type: 'string', length: 16, unique: true }) keyId!: string;
  @Property({ type: 'uuid', index: true }) clientId!: string;
  @Property({ type: 'text', hidden: true }) hash!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', nullable: true }) label?: string | null;
  @Field(() => Date) @Property({ type: 'datetime' }) expiresAt!: Date;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) revokedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) lastUsedAt?: Date | null;
}

/** A document an integrator may run (trusted document), identified by the sha256 of its text. */
@ObjectType({ description: 'An operation registered for a client (persisted operation / trusted document)' })
@Entity({ tableName: 'persisted_operation' })
@Unique({ properties: ['clientId', 'hash'] })
export class PersistedOperation extends BaseEntity {
  @Property({ type: 'uuid' }) clientId!: string;
  @Field(() => String, { description: 'sha256 (hex) of the document' }) @Property({ type: 'string', length: 64 }) hash!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', nullable: true }) operationName?: string | null;
  @Field(() => String) @Property({ type: 'text' }) document!: string;
}

/**
 * Append-only audit trail: every read of a person's data and every state change through the
 * gateway (a trigger refuses UPDATE and DELETE). Written by the gateway; read by admins here.
 */
@ObjectType({ description: 'One audited operation (admin only)' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['clientId', 'at'] })
export class AuditEntry {
  @Field(() => String) @Property({ type: 'uuid', primary: true }) id!: string;
  @Field(() => Date) @Property({ type: 'datetime', index: true }) at!: Date;
  @Field(() => String, { description: 'Subject of the caller (person, staff user or integrator client)' }) @Property({ type: 'string' }) actorSub!: string;
  @Field(() => String) @Property({ type: 'string' }) actorRole!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', nullable: true }) clientId?: string | null;
  @Field(() => [String], { description: 'Persons the caller acted for (a representative: the principals concerned)' }) @Property({ type: 'text[]' }) onBehalfOf!: string[];
  @Field(() => [String], { description: 'Persons whose data was read or changed' }) @Property({ type: 'text[]' }) personIds!: string[];
  @Field(() => String) @Property({ type: 'string' }) operationType!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', nullable: true }) operationName?: string | null;
  @Field(() => String, { nullable: true, description: 'sha256 of the document' }) @Property({ type: 'string', nullable: true }) documentHash?: string | null;
  @Field(() => [String], { description: 'Entity ids in arguments and in the result, as Type:id' }) @Property({ type: 'text[]' }) entityIds!: string[];
  @Field(() => String, { description: 'OK, PARTIAL or ERROR' }) @Property({ type: 'string' }) outcome!: string;
  @Field(() => [String]) @Property({ type: 'text[]' }) errorCodes!: string[];
  @Field(() => String, { nullable: true }) @Property({ type: 'string', nullable: true }) requestId?: string | null;
}
