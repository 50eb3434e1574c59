import { Migration } from '@mikro-orm/migrations';

export class Migration20261130005403 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create schema if not exists \"orders\";");
    this.addSql("create table \"orders\".\"order\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"number\" varchar(255) not null, \"measure_id\" uuid not null, \"offering_id\" uuid not null, \"person_id\" uuid not null, \"supplier_id\" uuid not null, \"region_code\" varchar(8) not null, \"status\" text check (\"status\" in ('AWAITING_SUPPLIER', 'ACCEPTED', 'REFUSED', 'EXPIRED', 'READY', 'HANDED_OVER', 'CANCELLED')) not null default 'AWAITING_SUPPLIER', \"price\" bigint not null, \"quantity\" int not null, \"accept_deadline\" timestamptz not null, \"accepted_at\" timestamptz null, \"handed_over_at\" timestamptz null, \"closed_at\" timestamptz null, \"refusal_reason\" text null, \"version\" int not null default 1, constraint \"order_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"orders\".\"order\" add constraint \"order_number_unique\" unique (\"number\");");
    this.addSql("create index \"order_measure_id_index\" on \"orders\".\"order\" (\"measure_id\");");
    this.addSql("create index \"order_offering_id_index\" on \"orders\".\"order\" (\"offering_id\");");
    this.addSql("create index \"order_person_id_index\" on \"orders\".\"order\" (\"person_id\");");
    this.addSql("create index \"order_region_code_status_index\" on \"orders\".\"order\" (\"region_code\", \"status\");");
    this.addSql("create index \"order_supplier_id_status_index\" on \"orders\".\"order\" (\"supplier_id\", \"status\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"orders\".\"order\" cascade;");
    this.addSql("drop schema if exists \"orders\";");
  }
}
