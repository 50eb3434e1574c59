import { Migration } from '@mikro-orm/migrations';

export class Migration20261207065755 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"outbox\" (\"id\" uuid not null, \"occurred_at\" timestamptz not null, \"published_at\" timestamptz null, \"kind\" text check (\"kind\" in ('event', 'command')) not null, \"type\" varchar(255) null, \"entity_type\" varchar(255) null, \"entity_id\" uuid null, \"status\" varchar(255) null, \"version\" int null, \"payload\" jsonb null, \"target\" varchar(20) null, \"command\" varchar(100) null, \"operation\" text null, \"variables\" jsonb null, \"failed_at\" timestamptz null, \"attempts\" int null default 0, \"last_error\" text null, constraint \"outbox_pkey\" primary key (\"id\"));");
    this.addSql("create index \"outbox_published_at_index\" on \"people\".\"outbox\" (\"published_at\");");
    this.addSql("create index \"outbox_kind_index\" on \"people\".\"outbox\" (\"kind\");");
    this.addSql("create index \"outbox_entity_type_entity_id_index\" on \"people\".\"outbox\" (\"entity_type\", \"entity_id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"people\".\"outbox\" cascade;");
  }
}
