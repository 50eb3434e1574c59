import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/**
 * Which step of an order a signature stands for: the recipient's order with the application for
 * reimbursement (seeds 004 ¶26), the supplier's acceptance or refusal (004 ¶28, ¶30, ¶83), the
 * supplier's monthly act (004 ¶42), the department's approval or return of that act.
 */
export enum SignedDocumentKind {
  ORDER_APPLICATION = 'ORDER_APPLICATION',
  ORDER_ACCEPTANCE = 'ORDER_ACCEPTANCE',
  ORDER_REFUSAL = 'ORDER_REFUSAL',
  ACT_SUBMISSION = 'ACT_SUBMISSION',
  ACT_APPROVAL = 'ACT_APPROVAL',
  ACT_RETURN = 'ACT_RETURN',
}
registerEnumType(SignedDocumentKind, { name: 'SignedDocumentKind', description: "The step a signature stands for: the recipient's order, the supplier's answer or act, the department's decision on the act" });

/**
 * One signed document as it was signed: the canonical JSON, the signature (CMS of the national EDS,
 * or the development signer's), the signer's certificate, who signed and when, and the revocation
 * evidence (the OCSP answer) gathered at signing, so it can be downloaded and verified again later.
 */
@ObjectType({ description: 'A document signed with an EDS on an order or act, kept with its signature for download and later verification' })
@Entity({ tableName: 'signed_document' })
@Index({ properties: ['orderId', 'createdAt'] })
@Index({ properties: ['actId'] })
export class SignedDocument extends BaseEntity<'actId' | 'signerBin' | 'evidence' | 'certificateSerial'> {
  @Field(() => SignedDocumentKind) @Enum({ items: () => SignedDocumentKind }) kind!: SignedDocumentKind;
  @Field(() => ID) @Property({ type: 'uuid' }) orderId!: string;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) actId?: string | null;
  @Property({ type: 'uuid' }) personId!: string;
  @Property({ type: 'uuid' }) supplierId!: string;
  @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => String, { description: 'The canonical JSON that was signed' }) @Property({ type: 'text' }) document!: string;
  @Field(() => String, { description: 'The signature: base64 CMS SignedData (national EDS) or the development signer’s base64 signature' })
  @Property({ type: 'text' })
  signature!: string;
  @Field(() => String, { description: "PEM of the signer's certificate" }) @Property({ type: 'text' }) certificate!: string;
  @Field(() => String, { description: "Serial number of the signer's certificate (hex)" }) @Property({ type: 'string', length: 80, nullable: true }) certificateSerial?: string | null;
  @Field(() => String) @Property({ type: 'string', length: 12 }) signerIin!: string;
  @Field(() => String, { nullable: true, description: 'BIN of an organization’s certificate' }) @Property({ type: 'string', length: 12, nullable: true }) signerBin?: string | null;
  @Field(() => [String], { description: 'NCA RK roles of the holder (INDIVIDUAL, LEGAL_ENTITY, FIRST_HEAD, SIGNATORY, …)' }) @Property({ type: 'text[]' }) signerRoles: string[] = [];
  @Field(() => Date, { description: 'The signing time the certificate was judged at' }) @Property({ type: 'datetime' }) signedAt!: Date;
  @Field(() => String, { description: 'Where the signing time came from: TIMESTAMP (a time-stamp token), SIGNED_ATTRIBUTE (the signature’s signingTime), VERIFIER (the server clock)' })
  @Property({ type: 'string', length: 20 })
  signingTimeSource!: string;
  /** JSON: how revocation was checked at signing (source, base64 DER OCSP answer, time; the intermediates' in `chain`). */
  @Property({ type: 'text', nullable: true }) evidence?: string | null;
}
