import { Migration } from '@mikro-orm/migrations';

export class Migration20261130011602 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"catalog\".\"supplier_direction\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"supplier_id\" uuid not null, \"kind\" text check (\"kind\" in ('SPECIAL_SOCIAL_SERVICES', 'AID_SALES', 'SANATORIUM', 'SIGN_LANGUAGE', 'PERSONAL_ASSISTANT')) not null, \"oked_code\" varchar(10) not null, \"personnel\" jsonb not null, constraint \"supplier_direction_pkey\" primary key (\"id\"));");
    this.addSql("create index \"supplier_direction_supplier_id_index\" on \"catalog\".\"supplier_direction\" (\"supplier_id\");");
    this.addSql("create table \"catalog\".\"supplier_document\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"supplier_id\" uuid not null, \"direction_id\" uuid null, \"kind\" text check (\"kind\" in ('LICENCE', 'CERTIFICATE', 'PREMISES', 'REGISTRATION', 'OTHER')) not null, \"title\" varchar(255) not null, \"file_name\" varchar(255) not null, \"content_type\" varchar(255) not null, \"size\" int not null, \"sha256\" varchar(64) not null, \"content\" bytea null, \"uploaded_by\" varchar(255) not null, \"purged_at\" timestamptz null, constraint \"supplier_document_pkey\" primary key (\"id\"));");
    this.addSql("create index \"supplier_document_supplier_id_index\" on \"catalog\".\"supplier_document\" (\"supplier_id\");");
    this.addSql("create index \"supplier_document_direction_id_index\" on \"catalog\".\"supplier_document\" (\"direction_id\");");
    this.addSql("alter table \"catalog\".\"supplier_direction\" add constraint \"supplier_direction_supplier_id_foreign\" foreign key (\"supplier_id\") references \"catalog\".\"supplier\" (\"id\") on update cascade;");
    this.addSql("alter table \"catalog\".\"supplier_document\" add constraint \"supplier_document_supplier_id_foreign\" foreign key (\"supplier_id\") references \"catalog\".\"supplier\" (\"id\") on update cascade;");
    this.addSql("alter table \"catalog\".\"supplier_document\" add constraint \"supplier_document_direction_id_foreign\" foreign key (\"direction_id\") references \"catalog\".\"supplier_direction\" (\"id\") on update cascade on delete set null;");
    this.addSql("alter table \"catalog\".\"supplier\" drop constraint if exists \"supplier_status_check\";");
    this.addSql("alter table \"catalog\".\"supplier\" add column \"kind\" text check (\"kind\" in ('ORGANIZATION', 'PERSONAL_ASSISTANT')) not null default 'ORGANIZATION', add column \"iin\" varchar(12) null, add column \"founders\" text[] not null default '{}', add column \"premises\" text null, add column \"bank_details\" jsonb null, add column \"owner_sub\" varchar(255) null, add column \"submitted_at\" timestamptz null, add column \"decided_at\" timestamptz null, add column \"decided_by\" varchar(255) null, add column \"rejection_reason\" text null, add column \"suspended_at\" timestamptz null, add column \"suspension_reason\" text null, add column \"registry_checks\" jsonb null;");
    this.addSql("alter table \"catalog\".\"supplier\" alter column \"bin\" type varchar(12) using (\"bin\"::varchar(12));");
    this.addSql("alter table \"catalog\".\"supplier\" alter column \"bin\" drop not null;");
    this.addSql("alter table \"catalog\".\"supplier\" alter column \"legal_form\" type text using (\"legal_form\"::text);");
    this.addSql("alter table \"catalog\".\"supplier\" alter column \"legal_form\" drop not null;");
    this.addSql("alter table \"catalog\".\"supplier\" add constraint \"supplier_status_check\" check(\"status\" in ('DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED', 'SUSPENDED'));");
    this.addSql("alter table \"catalog\".\"supplier\" add constraint \"supplier_iin_unique\" unique (\"iin\");");
    this.addSql("create index \"supplier_owner_sub_index\" on \"catalog\".\"supplier\" (\"owner_sub\");");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"catalog\".\"supplier_document\" drop constraint \"supplier_document_direction_id_foreign\";");
    this.addSql("drop table if exists \"catalog\".\"supplier_direction\" cascade;");
    this.addSql("drop table if exists \"catalog\".\"supplier_document\" cascade;");
    this.addSql("alter table \"catalog\".\"supplier\" drop constraint if exists \"supplier_status_check\";");
    this.addSql("alter table \"catalog\".\"supplier\" drop constraint \"supplier_iin_unique\";");
    this.addSql("drop index \"catalog\".\"supplier_owner_sub_index\";");
    this.addSql("alter table \"catalog\".\"supplier\" drop column \"kind\", drop column \"iin\", drop column \"founders\", drop column \"premises\", drop column \"bank_details\", drop column \"owner_sub\", drop column \"submitted_at\", drop column \"decided_at\", drop column \"decided_by\", drop column \"rejection_reason\", drop column \"suspended_at\", drop column \"suspension_reason\", drop column \"registry_checks\";");
    this.addSql("alter table \"catalog\".\"supplier\" alter column \"bin\" type varchar(12) using (\"bin\"::varchar(12));");
    this.addSql("alter table \"catalog\".\"supplier\" alter column \"bin\" set not null;");
    this.addSql("alter table \"catalog\".\"supplier\" alter column \"legal_form\" type text using (\"legal_form\"::text);");
    this.addSql("alter table \"catalog\".\"supplier\" alter column \"legal_form\" set not null;");
    this.addSql("alter table \"catalog\".\"supplier\" add constraint \"supplier_status_check\" check(\"status\" in ('VERIFIED', 'SUSPENDED'));");
  }
}
