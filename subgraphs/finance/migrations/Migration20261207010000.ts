import { Migration } from '@mikro-orm/migrations';

/** One outbox table for commands (@aleumet/events outbox.ts): the rows move over, ids and delivery state kept. */
export class Migration20261207010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"finance\".\"outbox\" (\"id\" uuid not null, \"kind\" text check (\"kind\" in ('event', 'command')) not null, \"occurred_at\" timestamptz not null, \"published_at\" timestamptz null, \"type\" varchar(255) null, \"entity_type\" varchar(255) null, \"entity_id\" uuid null, \"status\" varchar(255) null, \"version\" int null, \"payload\" jsonb null, \"target\" varchar(20) null, \"command\" varchar(100) null, \"operation\" text null, \"variables\" jsonb null, \"failed_at\" timestamptz null, \"attempts\" int null default 0, \"last_error\" text null, constraint \"outbox_pkey\" primary key (\"id\"));");
    this.addSql("create index \"outbox_kind_index\" on \"finance\".\"outbox\" (\"kind\");");
    this.addSql("create index \"outbox_published_at_index\" on \"finance\".\"outbox\" (\"published_at\");");
    this.addSql("create index \"outbox_entity_type_entity_id_index\" on \"finance\".\"outbox\" (\"entity_type\", \"entity_id\");");
    this.addSql("insert into \"finance\".\"outbox\" (\"id\", \"kind\", \"occurred_at\", \"published_at\", \"target\", \"command\", \"operation\", \"variables\", \"failed_at\", \"attempts\", \"last_error\") select \"id\", 'command', \"created_at\", \"delivered_at\", \"target\", substring(\"operation\" from '\\{\\s*(\\w+)\\s*\\('), \"operation\", \"variables\", \"failed_at\", \"attempts\", \"last_error\" from \"finance\".\"outgoing_command\";");
    this.addSql("drop table \"finance\".\"outgoing_command\";");
  }

  override async down(): Promise<void> {
    this.addSql("create table \"finance\".\"outgoing_command\" (\"id\" uuid not null, \"target\" varchar(20) not null, \"operation\" text not null, \"variables\" jsonb not null, \"created_at\" timestamptz not null, \"delivered_at\" timestamptz null, \"failed_at\" timestamptz null, \"attempts\" int not null default 0, \"last_error\" text null, constraint \"outgoing_command_pkey\" primary key (\"id\"));");
    this.addSql("create index \"outgoing_command_delivered_at_failed_at_index\" on \"finance\".\"outgoing_command\" (\"delivered_at\", \"failed_at\");");
    this.addSql("insert into \"finance\".\"outgoing_command\" select \"id\", \"target\", \"operation\", \"variables\", \"occurred_at\", \"published_at\", \"failed_at\", \"attempts\", \"last_error\" from \"finance\".\"outbox\" where \"kind\" = 'command';");
    this.addSql("drop table \"finance\".\"outbox\";");
  }
}
