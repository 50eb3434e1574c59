import { Migration } from '@mikro-orm/migrations';

export class Migration20261130013100 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"orders\".\"outgoing_command\" (\"id\" uuid not null, \"target\" varchar(20) not null, \"operation\" text not null, \"variables\" jsonb not null, \"created_at\" timestamptz not null, \"delivered_at\" timestamptz null, \"failed_at\" timestamptz null, \"attempts\" int not null default 0, \"last_error\" text null, constraint \"outgoing_command_pkey\" primary key (\"id\"));");
    this.addSql("create index \"outgoing_command_delivered_at_failed_at_index\" on \"orders\".\"outgoing_command\" (\"delivered_at\", \"failed_at\");");
    this.addSql("create table \"orders\".\"processed_command\" (\"id\" uuid not null, \"processed_at\" timestamptz not null, constraint \"processed_command_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"orders\".\"order\" add column \"term_start\" date null, add column \"term_end\" date null;");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"orders\".\"outgoing_command\" cascade;");
    this.addSql("drop table if exists \"orders\".\"processed_command\" cascade;");
    this.addSql("alter table \"orders\".\"order\" drop column \"term_start\", drop column \"term_end\";");
  }
}
