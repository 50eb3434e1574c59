import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DomainError, PUBLIC_ERROR_CODES, Role, forbidden, hasScope, type ErrorCode, type Identity } from '@aleumet/core';
import { ServiceCallError, callSubgraph, serviceIdentity } from '@aleumet/runtime';
import { INTERNAL_SCOPE } from '@aleumet/events';
import type { Context } from './context.js';

/**
 * The person of an IPR publication, as people defines `PersonRecordInput` (the same input type in
 * both subgraphs, merged by composition): programs only checks the scope and hands it to people,
 * which validates and records it (`internalRecordPerson`).
 */
export enum Sex { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum RecipientCategory { DISABLED = 'DISABLED', ELDERLY = 'ELDERLY', NONE = 'NONE' }
registerEnumType(Sex, { name: 'Sex' });
registerEnumType(RecipientCategory, { name: 'RecipientCategory', description: 'Why the person receives services (NONE: representatives only)' });

@InputType()
class IdDocumentInput {
  @Field(() => String) type!: string;
  @Field(() => String) number!: string;
  @Field(() => String) issuer!: string;
  @Field(() => String) issuedOn!: string;
  @Field(() => String, { nullable: true }) validUntil?: string | null;
}

@InputType()
class NeedsInput {
  @Field(() => Boolean) vision!: boolean;
  @Field(() => Boolean) hearing!: boolean;
  @Field(() => Boolean) mobility!: boolean;
}

@InputType()
export class PersonRecordInput {
  @Field(() => String) iin!: string;
  @Field(() => Int) sourceVersion!: number;
  @Field(() => String) lastName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field(() => String) birthDate!: string;
  @Field(() => Sex) sex!: Sex;
  @Field(() => String) regionCode!: string;
  @Field(() => String) permanentAddress!: string;
  @Field(() => String, { nullable: true }) temporaryAddress?: string | null;
  @Field(() => IdDocumentInput, { nullable: true }) idDocument?: IdDocumentInput | null;
  @Field(() => RecipientCategory) category!: RecipientCategory;
  @Field(() => Int, { nullable: true }) disabilityGroup?: number | null;
  @Field(() => [String], { nullable: true }) disabilityReasons?: string[] | null;
  @Field(() => NeedsInput, { nullable: true }) needs?: NeedsInput | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

export const PEOPLE_WRITE = 'people:write';

const RECORD = `mutation($actorSub: String!, $input: PersonRecordInput!, $gsp: Boolean!) { internalRecordPerson(actorSub: $actorSub, input: $input, gsp: $gsp) { outcome } }`;

/**
 * people records (creates or updates) the person before the measures (or GSP entitlements, `gsp`) are written;
 * its refusals come back as they are, under `person.`.
 */
export async function recordPublishedPerson(ctx: Context, identity: Identity, person: PersonRecordInput, gsp = false): Promise<void> {
  if (identity.role !== Role.ADMIN && !hasScope(identity, PEOPLE_WRITE)) throw forbidden(`Scope ${PEOPLE_WRITE} required to send the person`);
  try {
    await callSubgraph(ctx.runtime.peers.url('people'), serviceIdentity('programs', [INTERNAL_SCOPE]), RECORD, { actorSub: identity.clientId ?? identity.sub, input: { ...person }, gsp });
  } catch (e) {
    if (e instanceof ServiceCallError && e.code && PUBLIC_ERROR_CODES.has(e.code) && e.code !== 'INTERNAL_SERVER_ERROR') {
      const ext = ((e.errors[0] as { extensions?: Record<string, unknown> } | undefined)?.extensions ?? {});
      const { code: _code, ...details } = ext;
      throw new DomainError(e.code as ErrorCode, e.message, details);
    }
    throw e;
  }
}
