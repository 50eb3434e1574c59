import { Entity, Enum, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, ServiceKind } from '@aleumet/subgraph-kit';

export enum LegalForm { LLP = 'LLP', JSC = 'JSC', IE = 'IE' }
/**
 * DRAFT → SUBMITTED → VERIFIED (admin, after the registry checks) or REJECTED (admin, with a reason;
 * the owner may correct and submit again); VERIFIED ⇄ SUSPENDED (admin). Only VERIFIED suppliers
 * are listed and orderable; a SUSPENDED supplier's open orders still complete.
 */
export enum SupplierStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', VERIFIED = 'VERIFIED', REJECTED = 'REJECTED', SUSPENDED = 'SUSPENDED' }
export enum SupplierKind { ORGANIZATION = 'ORGANIZATION', PERSONAL_ASSISTANT = 'PERSONAL_ASSISTANT' }
registerEnumType(LegalForm, { name: 'LegalForm', description: 'LLP (ТОО), JSC (АО), IE (ИП, individual entrepreneur)' });
registerEnumType(SupplierStatus, {
  name: 'SupplierStatus',
  description: 'DRAFT → SUBMITTED → VERIFIED or REJECTED; VERIFIED ⇄ SUSPENDED. Only VERIFIED suppliers are listed and can receive new orders',
});
registerEnumType(SupplierKind, { name: 'SupplierKind', description: 'An organization (by BIN) or an individual registered as a personal assistant (by IIN)' });

@ObjectType({ description: 'Bank details for reimbursement payments' })
export class BankDetails {
  @Field(() => String) bankName!: string;
  @Field(() => String, { description: 'Bank identification code (8–11 characters)' }) bik!: string;
  @Field(() => String, { description: 'IBAN: KZ + 18 characters' }) iban!: string;
}

@ObjectType({ description: 'One answer of a state registry during verification' })
export class RegistryCheckResult {
  @Field(() => String, {
    description: 'BUSINESS_REGISTERED, NO_PSYCHIATRIC_REGISTRATION, NO_CRIMINAL_RECORD; organizations also NOT_LIQUIDATED, HEAD_UNCHANGED, OKED_REGISTERED (the legal-entity registry)',
  })
  check!: string;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => Date) checkedAt!: Date;
}

@ObjectType({ description: "A field where an organization's card differed from the legal-entity registry at the last verification" })
export class RegistryDifference {
  @Field(() => String, { description: 'name, legalForm, headName, headIin, founders, legalAddress, actualAddress or okedCodes' }) field!: string;
  @Field(() => String, { description: 'What the card said (lists joined with "; ")' }) card!: string;
  @Field(() => String, { description: 'What the registry holds' }) registry!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An organization or entrepreneur that sells aids or renders services' })
@Entity({ tableName: 'supplier' })
export class Supplier extends BaseEntity<
  | 'status' | 'kind' | 'bin' | 'iin' | 'headIin' | 'legalForm' | 'founders' | 'premises' | 'bankDetails' | 'ownerSub' | 'submittedAt' | 'decidedAt'
  | 'decidedBy' | 'rejectionReason' | 'suspendedAt' | 'suspensionReason' | 'registryChecks' | 'registryDifferences' | 'orderable'
> {
  @Field(() => SupplierKind) @Enum({ items: () => SupplierKind, default: SupplierKind.ORGANIZATION }) kind: SupplierKind = SupplierKind.ORGANIZATION;
  @Field(() => String, { nullable: true, description: 'Business identification number, 12 digits (organizations)' })
  @Property({ type: 'string', length: 12, unique: true, nullable: true })
  bin?: string | null;
  /** IIN of a personal assistant: personal data, shown only to the owner and admins (SupplierResolver.iin). */
  @Property({ type: 'string', length: 12, unique: true, nullable: true }) iin?: string | null;
  @Field(() => String) @Property({ type: 'string' }) name!: string;
  @Field(() => LegalForm, { nullable: true, description: 'Empty for a personal assistant' }) @Enum({ items: () => LegalForm, nullable: true }) legalForm?: LegalForm | null;
  @Field(() => String) @Property({ type: 'text' }) legalAddress!: string;
  @Field(() => String) @Property({ type: 'text' }) actualAddress!: string;
  @Field(() => String) @Property({ type: 'string' }) headName!: string;
  /** IIN of the head of an organization, who gets the supplier staff account on verification: personal data (SupplierResolver.headIin). */
  @Property({ type: 'string', length: 12, nullable: true }) headIin?: string | null;
  @Field(() => String) @Property({ type: 'string' }) phone!: string;
  @Field(() => String) @Property({ type: 'string' }) email!: string;
  @Field(() => [String], { description: 'OKED activity codes' }) @Property({ type: 'text[]' }) okedCodes!: string[];
  @Field(() => [ServiceKind]) @Enum({ items: () => ServiceKind, array: true }) directions!: ServiceKind[];
  @Field(() => [String], { description: 'Codes of the regions served' }) @Property({ type: 'text[]' }) regionCodes!: string[];
  @Field(() => SupplierStatus) @Enum({ items: () => SupplierStatus }) status: SupplierStatus = SupplierStatus.VERIFIED;
  @Field(() => [String], { description: 'Founders (names of persons or organizations)' }) @Property({ type: 'text[]', default: '{}' }) founders: string[] = [];
  @Field(() => String, { nullable: true, description: 'Premises: address, area, ownership or lease' }) @Property({ type: 'text', nullable: true }) premises?: string | null;
  /** Private (owner and admins): SupplierResolver.bankDetails. */
  @Property({ type: 'json', nullable: true }) bankDetails?: BankDetails | null;
  /** `sub` of the identity that registered the supplier: it may edit the registration. */
  @Property({ type: 'string', nullable: true, index: true }) ownerSub?: string | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) submittedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When an administrator verified or rejected the registration' }) @Property({ type: 'datetime', nullable: true }) decidedAt?: Date | null;
  @Property({ type: 'string', nullable: true }) decidedBy?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) rejectionReason?: string | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) suspendedAt?: Date | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) suspensionReason?: string | null;
  /** Answers of the state registries at the last verification attempt (owner and admins). */
  @Property({ type: 'json', nullable: true }) registryChecks?: RegistryCheckResult[] | null;
  /** Where the card differed from the legal-entity registry at the last verification attempt (owner and admins). */
  @Property({ type: 'json', nullable: true }) registryDifferences?: RegistryDifference[] | null;

  /** Listed in the catalog and able to receive new orders. */
  get orderable(): boolean {
    return this.status === SupplierStatus.VERIFIED;
  }
}
