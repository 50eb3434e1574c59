import { Migration } from '@mikro-orm/migrations';

export class Migration20261130005810 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"orders\".\"outbox_event\" (\"id\" uuid not null, \"type\" varchar(255) not null, \"entity_type\" varchar(255) not null, \"entity_id\" uuid not null, \"status\" varchar(255) not null, \"version\" int not null, \"payload\" jsonb not null, \"occurred_at\" timestamptz not null, \"published_at\" timestamptz null, constraint \"outbox_event_pkey\" primary key (\"id\"));");
    this.addSql("create index \"outbox_event_published_at_index\" on \"orders\".\"outbox_event\" (\"published_at\");");
    this.addSql("create index \"outbox_event_entity_type_entity_id_index\" on \"orders\".\"outbox_event\" (\"entity_type\", \"entity_id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"orders\".\"outbox_event\" cascade;");
  }
}
