import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/** What the employee signs for the supplier as: the NCA RK legal-entity roles other than the first head. */
export enum AuthorizedSignerRole { SIGNATORY = 'SIGNATORY', FINANCE_SIGNATORY = 'FINANCE_SIGNATORY', HR_OFFICER = 'HR_OFFICER', EMPLOYEE = 'EMPLOYEE' }
registerEnumType(AuthorizedSignerRole, {
  name: 'AuthorizedSignerRole',
  description: 'SIGNATORY (person with signing authority), FINANCE_SIGNATORY (financial documents), HR_OFFICER, EMPLOYEE — as in the NCA RK certificate',
});

/**
 * An employee the supplier authorized to sign for it with the organization's EDS (a power of attorney
 * or an order of the head), from one date to another (Asia/Almaty, inclusive; open-ended without `validTo`).
 * The first head signs without one. Kept after it ends: a signature made while it was valid stays valid.
 */
@ObjectType({ description: "An employee authorized to sign the supplier's documents with the organization's EDS" })
@Entity({ tableName: 'authorized_signer' })
@Index({ properties: ['supplierId', 'iin'] })
export class AuthorizedSigner extends BaseEntity<'validTo' | 'revokedAt'> {
  @Property({ type: 'uuid' }) supplierId!: string;
  @Field(() => String, { description: "The employee's IIN, as in the certificate" }) @Property({ type: 'string', length: 12 }) iin!: string;
  @Field(() => String) @Property({ type: 'string' }) fullName!: string;
  @Field(() => AuthorizedSignerRole) @Enum({ items: () => AuthorizedSignerRole }) role!: AuthorizedSignerRole;
  @Field(() => String, { description: 'First day the employee may sign, YYYY-MM-DD (Asia/Almaty)' }) @Property({ type: 'date' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; null: until revoked' }) @Property({ type: 'date', nullable: true }) validTo?: string | null;
  /** `sub` of who registered it (the supplier's head or an administrator). */
  @Property({ type: 'string' }) createdBy!: string;
}
