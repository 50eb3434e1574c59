import { Migration } from '@mikro-orm/migrations';

export class Migration20261207035706 extends Migration {
  override async up(): Promise<void> {
    this.addSql("drop table if exists \"programs\".\"notification\" cascade;");
  }

  override async down(): Promise<void> {
    this.addSql("create table \"programs\".\"notification\" (\"id\" uuid not null, \"person_id\" uuid not null, \"measure_id\" uuid null, \"kind\" text check (\"kind\" in ('CHOOSE_SUPPLIER', 'CHOICE_REMINDER', 'MEASURE_BLOCKED', 'CHOOSE_AGAIN', 'MEASURE_FULFILLED', 'MEASURE_CANCELLED')) not null, \"text\" text not null, \"dedupe_key\" varchar(255) not null, \"created_at\" timestamptz(6) not null, \"sent_at\" timestamptz(6) null, \"lease_until\" timestamptz(6) null, \"attempts\" int4 not null default 0, \"last_error\" text null, constraint \"notification_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"programs\".\"notification\" add constraint \"notification_dedupe_key_unique\" unique (\"dedupe_key\");");
    this.addSql("create index \"notification_person_id_index\" on \"programs\".\"notification\" (\"person_id\");");
    this.addSql("create index \"notification_sent_at_lease_until_index\" on \"programs\".\"notification\" (\"sent_at\", \"lease_until\");");
  }
}
