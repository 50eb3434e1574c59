import { Entity, Enum, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, ServiceKind } from '@aleumet/server-kit';

export enum LegalForm { LLP = 'LLP', JSC = 'JSC', IE = 'IE' }
export enum SupplierStatus { VERIFIED = 'VERIFIED', SUSPENDED = 'SUSPENDED' }
registerEnumType(LegalForm, { name: 'LegalForm', description: 'LLP (ТОО), JSC (АО), IE (ИП, individual entrepreneur)' });
registerEnumType(SupplierStatus, { name: 'SupplierStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An organization or entrepreneur that sells aids or renders services' })
@Entity({ tableName: 'supplier' })
export class Supplier extends BaseEntity<'status'> {
  @Field(() => String, { description: 'Business identification number, 12 digits' }) @Property({ type: 'string', length: 12, unique: true }) bin!: string;
  @Field(() => String) @Property({ type: 'string' }) name!: string;
  @Field(() => LegalForm) @Enum({ items: () => LegalForm }) legalForm!: LegalForm;
  @Field(() => String) @Property({ type: 'text' }) legalAddress!: string;
  @Field(() => String) @Property({ type: 'text' }) actualAddress!: string;
  @Field(() => String) @Property({ type: 'string' }) headName!: string;
  @Field(() => String) @Property({ type: 'string' }) phone!: string;
  @Field(() => String) @Property({ type: 'string' }) email!: string;
  @Field(() => [String], { description: 'OKED activity codes' }) @Property({ type: 'text[]' }) okedCodes!: string[];
  @Field(() => [ServiceKind]) @Enum({ items: () => ServiceKind, array: true }) directions!: ServiceKind[];
  @Field(() => [String], { description: 'Codes of the regions served' }) @Property({ type: 'text[]' }) regionCodes!: string[];
  @Field(() => SupplierStatus) @Enum({ items: () => SupplierStatus }) status: SupplierStatus = SupplierStatus.VERIFIED;
}
