import { Migration } from '@mikro-orm/migrations';

export class Migration20261130005402 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create schema if not exists \"catalog\";");
    this.addSql("create table \"catalog\".\"item_type\" (\"code\" varchar(40) not null, \"kind\" text check (\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) not null, \"unit\" text check (\"unit\" in ('PIECE', 'PAIR', 'SET', 'HOUR', 'DAY')) not null, \"name_kk\" varchar(255) not null, \"name_ru\" varchar(255) not null, \"name_en\" varchar(255) not null, constraint \"item_type_pkey\" primary key (\"code\"));");
    this.addSql("create table \"catalog\".\"region\" (\"code\" varchar(8) not null, \"name_kk\" varchar(255) not null, \"name_ru\" varchar(255) not null, \"name_en\" varchar(255) not null, constraint \"region_pkey\" primary key (\"code\"));");
    this.addSql("create table \"catalog\".\"supplier\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"bin\" varchar(12) not null, \"name\" varchar(255) not null, \"legal_form\" text check (\"legal_form\" in ('LLP', 'JSC', 'IE')) not null, \"legal_address\" text not null, \"actual_address\" text not null, \"head_name\" varchar(255) not null, \"phone\" varchar(255) not null, \"email\" varchar(255) not null, \"oked_codes\" text[] not null, \"directions\" text[] not null, \"region_codes\" text[] not null, \"status\" text check (\"status\" in ('VERIFIED', 'SUSPENDED')) not null default 'VERIFIED', constraint \"supplier_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"catalog\".\"supplier\" add constraint \"supplier_bin_unique\" unique (\"bin\");");
    this.addSql("create table \"catalog\".\"offering\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"supplier_id\" uuid not null, \"kind\" text check (\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) not null, \"item_type_code\" varchar(40) not null, \"title\" varchar(255) not null, \"description\" text not null, \"characteristics\" jsonb not null, \"price\" bigint not null, \"delivery_mode\" text check (\"delivery_mode\" in ('DELIVERY', 'PICKUP', 'BOTH')) not null, \"lead_time_days\" int not null, \"stock\" int not null, \"region_codes\" text[] not null, \"active\" boolean not null default true, constraint \"offering_pkey\" primary key (\"id\"));");
    this.addSql("create index \"offering_supplier_id_index\" on \"catalog\".\"offering\" (\"supplier_id\");");
    this.addSql("create index \"offering_item_type_code_active_index\" on \"catalog\".\"offering\" (\"item_type_code\", \"active\");");
    this.addSql("alter table \"catalog\".\"offering\" add constraint \"offering_supplier_id_foreign\" foreign key (\"supplier_id\") references \"catalog\".\"supplier\" (\"id\") on update cascade;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"catalog\".\"offering\" drop constraint \"offering_supplier_id_foreign\";");
    this.addSql("drop table if exists \"catalog\".\"item_type\" cascade;");
    this.addSql("drop table if exists \"catalog\".\"region\" cascade;");
    this.addSql("drop table if exists \"catalog\".\"supplier\" cascade;");
    this.addSql("drop table if exists \"catalog\".\"offering\" cascade;");
    this.addSql("drop schema if exists \"catalog\";");
  }
}
