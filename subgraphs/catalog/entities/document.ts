import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';
import { Supplier } from './supplier.js';
import { SupplierDirection } from './direction.js';

export enum DocumentKind { LICENCE = 'LICENCE', CERTIFICATE = 'CERTIFICATE', PREMISES = 'PREMISES', REGISTRATION = 'REGISTRATION', OTHER = 'OTHER' }
registerEnumType(DocumentKind, { name: 'DocumentKind' });

/**
 * An uploaded document (licence, certificate…) of a supplier, optionally for one direction.
 * The bytes live in the database (lazy column, never loaded by lists) with their SHA-256.
 */
@ObjectType({ description: "A supplier's uploaded document: licence, certificate, premises" })
@Entity({ tableName: 'supplier_document' })
export class SupplierDocument extends BaseEntity<'direction' | 'content' | 'purgedAt'> {
  @ManyToOne(() => Supplier, { index: true }) supplier!: Supplier;
  @ManyToOne(() => SupplierDirection, { nullable: true, index: true, deleteRule: 'set null' }) direction?: SupplierDirection | null;
  @Field(() => DocumentKind) @Enum({ items: () => DocumentKind }) kind!: DocumentKind;
  @Field(() => String) @Property({ type: 'string' }) title!: string;
  @Field(() => String) @Property({ type: 'string' }) fileName!: string;
  @Field(() => String, { description: 'application/pdf, image/png or image/jpeg' }) @Property({ type: 'string' }) contentType!: string;
  @Field(() => Int, { description: 'Size in bytes' }) @Property({ type: 'integer' }) size!: number;
  @Field(() => String, { description: 'SHA-256 of the content, hex' }) @Property({ type: 'string', length: 64 }) sha256!: string;
  @Property({ type: 'blob', lazy: true, nullable: true }) content?: Buffer | null;
  @Property({ type: 'string' }) uploadedBy!: string;
  @Field(() => Date, { nullable: true, description: 'When retention removed the content (the record and checksum stay)' })
  @Property({ type: 'datetime', nullable: true })
  purgedAt?: Date | null;
}
