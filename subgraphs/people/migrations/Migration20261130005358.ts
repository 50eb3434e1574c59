import { Migration } from '@mikro-orm/migrations';

export class Migration20261130005358 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create schema if not exists \"people\";");
    this.addSql("create table \"people\".\"person\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"iin\" varchar(12) not null, \"last_name\" varchar(255) not null, \"first_name\" varchar(255) not null, \"middle_name\" varchar(255) null, \"birth_date\" date not null, \"sex\" text check (\"sex\" in ('MALE', 'FEMALE')) not null, \"address\" text not null, \"region_code\" varchar(8) not null, \"phone\" varchar(255) not null, \"email\" varchar(255) null, \"category\" text check (\"category\" in ('DISABLED', 'ELDERLY', 'NONE')) not null, \"disability_group\" smallint null, \"vision\" boolean not null, \"hearing\" boolean not null, \"mobility\" boolean not null, \"deceased_on\" date null, constraint \"person_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"people\".\"person\" add constraint \"person_iin_unique\" unique (\"iin\");");
    this.addSql("create index \"person_region_code_index\" on \"people\".\"person\" (\"region_code\");");
    this.addSql("create table \"people\".\"representation\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"representative_id\" uuid not null, \"principal_id\" uuid not null, \"kind\" text check (\"kind\" in ('LEGAL_REPRESENTATIVE', 'PROXY')) not null, \"valid_from\" date not null, \"valid_to\" date null, constraint \"representation_pkey\" primary key (\"id\"));");
    this.addSql("create index \"representation_representative_id_index\" on \"people\".\"representation\" (\"representative_id\");");
    this.addSql("create index \"representation_principal_id_index\" on \"people\".\"representation\" (\"principal_id\");");
    this.addSql("create table \"people\".\"staff_user\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"iin\" varchar(12) not null, \"full_name\" varchar(255) not null, \"role\" text check (\"role\" in ('SUPPLIER', 'EMPLOYMENT_DEPARTMENT', 'ADMIN')) not null, \"supplier_id\" uuid null, \"region_code\" varchar(8) null, constraint \"staff_user_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"people\".\"staff_user\" add constraint \"staff_user_iin_unique\" unique (\"iin\");");
    this.addSql("create index \"staff_user_supplier_id_index\" on \"people\".\"staff_user\" (\"supplier_id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"people\".\"person\" cascade;");
    this.addSql("drop table if exists \"people\".\"representation\" cascade;");
    this.addSql("drop table if exists \"people\".\"staff_user\" cascade;");
    this.addSql("drop schema if exists \"people\";");
  }
}
