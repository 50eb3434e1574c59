import { Migration } from '@mikro-orm/migrations';

export class Migration20261207035659 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"informed_otherwise\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"person_id\" uuid not null, \"region_code\" varchar(8) not null, \"measure_id\" uuid null, \"method\" text check (\"method\" in ('CALL', 'VISIT', 'LETTER', 'OTHER')) not null, \"informed_at\" timestamptz not null, \"informed_by\" varchar(100) not null, \"note\" text null, constraint \"informed_otherwise_pkey\" primary key (\"id\"));");
    this.addSql("create index \"informed_otherwise_person_id_id_index\" on \"people\".\"informed_otherwise\" (\"person_id\", \"id\");");
    this.addSql("create table \"people\".\"notification\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"source\" varchar(200) not null, \"template\" varchar(40) not null, \"audience\" text check (\"audience\" in ('PERSON', 'SUPPLIER', 'DEPARTMENT')) not null, \"audience_key\" varchar(40) not null, \"person_id\" uuid null, \"supplier_id\" uuid null, \"region_code\" varchar(8) not null, \"measure_id\" uuid null, \"order_id\" uuid null, \"title\" varchar(300) not null, \"body\" text not null, \"sms_text\" varchar(400) not null, \"urgent\" boolean not null default false, \"read_at\" timestamptz null, constraint \"notification_pkey\" primary key (\"id\"));");
    this.addSql("create index \"notification_measure_id_index\" on \"people\".\"notification\" (\"measure_id\");");
    this.addSql("create index \"notification_region_code_audience_id_index\" on \"people\".\"notification\" (\"region_code\", \"audience\", \"id\");");
    this.addSql("create index \"notification_supplier_id_id_index\" on \"people\".\"notification\" (\"supplier_id\", \"id\");");
    this.addSql("create index \"notification_person_id_id_index\" on \"people\".\"notification\" (\"person_id\", \"id\");");
    this.addSql("alter table \"people\".\"notification\" add constraint \"notification_source_audience_audience_key_unique\" unique (\"source\", \"audience\", \"audience_key\");");
    this.addSql("create table \"people\".\"notification_delivery\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"notification_id\" uuid not null, \"channel\" text check (\"channel\" in ('SMS', 'EMAIL')) not null, \"address\" varchar(200) not null, \"language\" varchar(8) not null, \"recipient_key\" varchar(40) not null, \"region_code\" varchar(8) not null, \"status\" text check (\"status\" in ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'DEAD')) not null default 'PENDING', \"not_before\" timestamptz not null, \"lease_until\" timestamptz null, \"attempts\" int not null default 0, \"sent_at\" timestamptz null, \"delivered_at\" timestamptz null, \"last_error\" text null, constraint \"notification_delivery_pkey\" primary key (\"id\"));");
    this.addSql("create index \"notification_delivery_notification_id_index\" on \"people\".\"notification_delivery\" (\"notification_id\");");
    this.addSql("create index \"notification_delivery_recipient_key_index\" on \"people\".\"notification_delivery\" (\"recipient_key\");");
    this.addSql("create index \"notification_delivery_status_not_before_index\" on \"people\".\"notification_delivery\" (\"status\", \"not_before\");");
    this.addSql("alter table \"people\".\"notification_delivery\" add constraint \"notification_delivery_notification_id_channel_unique\" unique (\"notification_id\", \"channel\");");
    this.addSql("create table \"people\".\"notification_settings\" (\"person_id\" uuid not null, \"language\" text check (\"language\" in ('kk', 'ru', 'en')) not null default 'kk', \"sms\" boolean not null default true, \"email\" boolean not null default true, \"updated_at\" timestamptz not null, constraint \"notification_settings_pkey\" primary key (\"person_id\"));");
    this.addSql("alter table \"people\".\"notification_delivery\" add constraint \"notification_delivery_notification_id_foreign\" foreign key (\"notification_id\") references \"people\".\"notification\" (\"id\") on update cascade;");
    // The mobile-citizens base flag may already be there (registries): add it only if missing.
    this.addSql("alter table \"people\".\"person\" add column if not exists \"phone_verified\" boolean not null default true;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"people\".\"notification_delivery\" drop constraint \"notification_delivery_notification_id_foreign\";");
    this.addSql("drop table if exists \"people\".\"informed_otherwise\" cascade;");
    this.addSql("drop table if exists \"people\".\"notification\" cascade;");
    this.addSql("drop table if exists \"people\".\"notification_delivery\" cascade;");
    this.addSql("drop table if exists \"people\".\"notification_settings\" cascade;");
  }
}
