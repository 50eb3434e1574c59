import { Entity, Enum, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

export enum StaffRole { SUPPLIER = 'SUPPLIER', EMPLOYMENT_DEPARTMENT = 'EMPLOYMENT_DEPARTMENT', ADMIN = 'ADMIN' }
registerEnumType(StaffRole, { name: 'StaffRole' });

/** A person working for a supplier, an employment department or the portal itself. */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'staff_user' })
export class StaffUser extends BaseEntity<'supplierId' | 'regionCode' | 'email' | 'emailNotifications' | 'language'> {
  @Property({ type: 'string', length: 12, unique: true }) iin!: string;
  @Field(() => String) @Property({ type: 'string' }) fullName!: string;
  @Field(() => StaffRole) @Enum({ items: () => StaffRole }) role!: StaffRole;
  @Property({ type: 'uuid', nullable: true, index: true }) supplierId?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', length: 8, nullable: true }) regionCode?: string | null;
  /** Where the portal e-mails this staff member its organisation's notifications (personal data: not a field of StaffUser). */
  @Property({ type: 'string', length: 200, nullable: true }) email?: string | null = null;
  /** Whether it wants them by e-mail too (in-app always). */
  @Property({ type: 'boolean' }) emailNotifications: boolean = true;
  /** The language of those e-mails: kk, ru or en (staff may choose English). */
  @Property({ type: 'string', length: 2, default: 'ru' }) language: string = 'ru';
}
