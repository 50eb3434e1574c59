import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

export enum RepresentationKind { LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE', PROXY = 'PROXY' }
registerEnumType(RepresentationKind, { name: 'RepresentationKind' });

/** On what ground the representative acts: the law (parent, guardian, trustee) or a power of attorney. */
export enum RepresentationBasis { PARENT = 'PARENT', GUARDIAN = 'GUARDIAN', TRUSTEE = 'TRUSTEE', POWER_OF_ATTORNEY = 'POWER_OF_ATTORNEY' }
registerEnumType(RepresentationBasis, { name: 'RepresentationBasis', description: 'PARENT, GUARDIAN, TRUSTEE: a legal representative; POWER_OF_ATTORNEY: a proxy' });

export const kindOfBasis = (b: RepresentationBasis): RepresentationKind =>
  b === RepresentationBasis.POWER_OF_ATTORNEY ? RepresentationKind.PROXY : RepresentationKind.LEGAL_REPRESENTATIVE;

/**
 * PENDING: asked for, the employment department has not decided; ACTIVE: verified (acts between
 * validFrom and validTo); REJECTED by the department; REVOKED by the person (a power of attorney);
 * EXPIRED: its term ended.
 */
export enum RepresentationStatus { PENDING = 'PENDING', ACTIVE = 'ACTIVE', REJECTED = 'REJECTED', REVOKED = 'REVOKED', EXPIRED = 'EXPIRED' }
registerEnumType(RepresentationStatus, { name: 'RepresentationStatus' });

/**
 * A representative (legal or by proxy) may act for a principal between validFrom and validTo once
 * the principal's employment department verified the document. Rows seeded before registration
 * existed carry no document.
 */
@ObjectType({ description: 'A legal representative or proxy of a person, with the document it rests on' })
@Entity({ tableName: 'representation' })
@Index({ properties: ['regionCode', 'status'] })
export class Representation extends BaseEntity<
  'validTo' | 'status' | 'basis' | 'representativeName' | 'representativeIin' | 'principalName' | 'regionCode' | 'documentType' | 'documentNumber' | 'documentDate' | 'documentIssuer' | 'documentFileId'
  | 'decidedAt' | 'decidedBy' | 'rejectionReason' | 'endedAt' | 'endedBy' | 'endReason' | 'personId'
> {
  @Property({ type: 'uuid', index: true }) representativeId!: string;
  @Property({ type: 'uuid', index: true }) principalId!: string;
  @Field(() => String, { nullable: true, description: 'Name of the representative as it was when the request was made' })
  @Property({ type: 'string', length: 200, nullable: true })
  representativeName?: string | null;
  @Field(() => String, { nullable: true, description: 'IIN of the representative' }) @Property({ type: 'string', length: 12, nullable: true }) representativeIin?: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the person represented, as it was when the request was made' })
  @Property({ type: 'string', length: 200, nullable: true })
  principalName?: string | null;
  @Field(() => RepresentationKind) @Enum({ items: () => RepresentationKind }) kind!: RepresentationKind;
  @Field(() => RepresentationBasis, { nullable: true, description: 'Null for representations recorded before registration existed' })
  @Enum({ items: () => RepresentationBasis, nullable: true })
  basis?: RepresentationBasis | null;
  @Field(() => RepresentationStatus) @Enum({ items: () => RepresentationStatus, default: RepresentationStatus.ACTIVE })
  status: RepresentationStatus = RepresentationStatus.ACTIVE;
  @Field(() => String, { nullable: true, description: "The principal's region: its employment department verifies" })
  @Property({ type: 'string', length: 8, nullable: true })
  regionCode?: string | null;
  @Field(() => String) @Property({ type: 'date' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Last day it may be used (inclusive); null: no end' }) @Property({ type: 'date', nullable: true }) validTo?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. birth certificate, guardianship decision, notarial power of attorney' })
  @Property({ type: 'string', length: 200, nullable: true })
  documentType?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', length: 200, nullable: true }) documentNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the document, YYYY-MM-DD' }) @Property({ type: 'date', nullable: true }) documentDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Who issued it: court, guardianship body, notary' }) @Property({ type: 'string', length: 200, nullable: true }) documentIssuer?: string | null;
  @Property({ type: 'uuid', nullable: true }) documentFileId?: string | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) decidedAt?: Date | null;
  /** Who verified or rejected it (staff account id). */
  @Property({ type: 'string', length: 200, nullable: true }) decidedBy?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) rejectionReason?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was revoked or expired' }) @Property({ type: 'datetime', nullable: true }) endedAt?: Date | null;
  /** Who ended it: the principal's person id (revocation) or `system` (term over). */
  @Property({ type: 'string', length: 200, nullable: true }) endedBy?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) endReason?: string | null;

  /** The person the record is about (the audit reads `personId` from every loaded entity). */
  get personId(): string {
    return this.principalId;
  }
}

/** The scanned document of a representation (PDF, JPEG or PNG), kept in the database. */
@ObjectType({ description: 'The scanned document of a representation' })
@Entity({ tableName: 'representation_file' })
export class RepresentationFile extends BaseEntity<'personId'> {
  @Property({ type: 'uuid', index: true }) representationId!: string;
  /** Denormalized for the policy: the principal and its region. */
  @Property({ type: 'uuid' }) principalId!: string;
  @Property({ type: 'uuid' }) representativeId!: string;
  @Property({ type: 'string', length: 8, nullable: true }) regionCode!: string | null;
  @Field(() => String) @Property({ type: 'string', length: 255 }) fileName!: string;
  @Field(() => String) @Property({ type: 'string', length: 100 }) contentType!: string;
  @Field(() => Int, { description: 'Bytes' }) @Property({ type: 'integer' }) size!: number;
  @Field(() => String, { description: 'SHA-256 of the content, hex' }) @Property({ type: 'string', length: 64 }) sha256!: string;
  @Property({ type: 'blob', lazy: true }) content!: Buffer;

  get personId(): string {
    return this.principalId;
  }
}
