import { Migration } from '@mikro-orm/migrations';

export class Migration20261130011426 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"programs\".\"fulfilment\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"measure_id\" uuid not null, \"source_id\" varchar(255) not null, \"order_id\" uuid not null, \"supplier_id\" uuid not null, \"person_id\" uuid not null, \"region_code\" varchar(8) not null, \"fulfilled_at\" timestamptz not null, constraint \"fulfilment_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"programs\".\"fulfilment\" add constraint \"fulfilment_measure_id_unique\" unique (\"measure_id\");");
    this.addSql("create index \"fulfilment_person_id_index\" on \"programs\".\"fulfilment\" (\"person_id\");");
    this.addSql("create table \"programs\".\"notification\" (\"id\" uuid not null, \"person_id\" uuid not null, \"measure_id\" uuid null, \"kind\" text check (\"kind\" in ('CHOOSE_SUPPLIER', 'CHOICE_REMINDER', 'MEASURE_BLOCKED', 'CHOOSE_AGAIN', 'MEASURE_FULFILLED', 'MEASURE_CANCELLED')) not null, \"text\" text not null, \"dedupe_key\" varchar(255) not null, \"created_at\" timestamptz not null, \"sent_at\" timestamptz null, \"lease_until\" timestamptz null, \"attempts\" int not null default 0, \"last_error\" text null, constraint \"notification_pkey\" primary key (\"id\"));");
    this.addSql("create index \"notification_person_id_index\" on \"programs\".\"notification\" (\"person_id\");");
    this.addSql("alter table \"programs\".\"notification\" add constraint \"notification_dedupe_key_unique\" unique (\"dedupe_key\");");
    this.addSql("create index \"notification_sent_at_lease_until_index\" on \"programs\".\"notification\" (\"sent_at\", \"lease_until\");");
    this.addSql("create table \"programs\".\"outgoing_command\" (\"id\" uuid not null, \"target\" varchar(20) not null, \"operation\" text not null, \"variables\" jsonb not null, \"created_at\" timestamptz not null, \"delivered_at\" timestamptz null, \"failed_at\" timestamptz null, \"attempts\" int not null default 0, \"last_error\" text null, constraint \"outgoing_command_pkey\" primary key (\"id\"));");
    this.addSql("create index \"outgoing_command_delivered_at_failed_at_index\" on \"programs\".\"outgoing_command\" (\"delivered_at\", \"failed_at\");");
    this.addSql("create table \"programs\".\"processed_command\" (\"id\" uuid not null, \"processed_at\" timestamptz not null, constraint \"processed_command_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"programs\".\"measure\" add column \"choice_window_started_at\" timestamptz null, add column \"reminded_at\" timestamptz null, add column \"blocked_at\" timestamptz null, add column \"fulfilled_at\" timestamptz null, add column \"active_order_id\" uuid null, add column \"closed_reason\" varchar(255) null;");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"programs\".\"fulfilment\" cascade;");
    this.addSql("drop table if exists \"programs\".\"notification\" cascade;");
    this.addSql("drop table if exists \"programs\".\"outgoing_command\" cascade;");
    this.addSql("drop table if exists \"programs\".\"processed_command\" cascade;");
    this.addSql("alter table \"programs\".\"measure\" drop column \"choice_window_started_at\", drop column \"reminded_at\", drop column \"blocked_at\", drop column \"fulfilled_at\", drop column \"active_order_id\", drop column \"closed_reason\";");
  }
}
