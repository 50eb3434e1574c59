import { Migration } from '@mikro-orm/migrations';

export class Migration20261130013247 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"orders\".\"journal_entry\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"order_id\" uuid not null, \"supplier_id\" uuid not null, \"person_id\" uuid not null, \"region_code\" varchar(8) not null, \"kind\" text check (\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) not null, \"date\" date not null, \"start_time\" varchar(5) not null, \"end_time\" varchar(5) not null, \"minutes\" int not null, \"places\" text[] not null, \"mode\" text check (\"mode\" in ('ONLINE', 'OFFLINE')) null, constraint \"journal_entry_pkey\" primary key (\"id\"));");
    this.addSql("create index \"journal_entry_person_id_kind_date_index\" on \"orders\".\"journal_entry\" (\"person_id\", \"kind\", \"date\");");
    this.addSql("create index \"journal_entry_order_id_date_index\" on \"orders\".\"journal_entry\" (\"order_id\", \"date\");");
    this.addSql("create table \"orders\".\"service_act\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"order_id\" uuid not null, \"measure_id\" uuid not null, \"supplier_id\" uuid not null, \"person_id\" uuid not null, \"region_code\" varchar(8) not null, \"kind\" text check (\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) not null, \"item_type_code\" varchar(40) not null, \"period\" varchar(7) not null, \"minutes\" int not null, \"unit_price\" bigint not null, \"cost\" bigint not null, \"state_part\" bigint not null, \"co_payment\" bigint not null, \"status\" text check (\"status\" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'PAID')) not null default 'DRAFT', \"submitted_at\" timestamptz null, \"approved_at\" timestamptz null, \"paid_at\" timestamptz null, \"return_reason\" text null, \"version\" int not null default 1, constraint \"service_act_pkey\" primary key (\"id\"));");
    this.addSql("create index \"service_act_supplier_id_status_index\" on \"orders\".\"service_act\" (\"supplier_id\", \"status\");");
    this.addSql("create index \"service_act_region_code_status_index\" on \"orders\".\"service_act\" (\"region_code\", \"status\");");
    this.addSql("alter table \"orders\".\"service_act\" add constraint \"service_act_order_id_period_unique\" unique (\"order_id\", \"period\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"orders\".\"journal_entry\" cascade;");
    this.addSql("drop table if exists \"orders\".\"service_act\" cascade;");
  }
}
