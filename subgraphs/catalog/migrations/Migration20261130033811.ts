import { Migration } from '@mikro-orm/migrations';

export class Migration20261130033811 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"catalog\".\"outgoing_command\" (\"id\" uuid not null, \"target\" varchar(20) not null, \"operation\" text not null, \"variables\" jsonb not null, \"created_at\" timestamptz not null, \"delivered_at\" timestamptz null, \"failed_at\" timestamptz null, \"attempts\" int not null default 0, \"last_error\" text null, constraint \"outgoing_command_pkey\" primary key (\"id\"));");
    this.addSql("create index \"outgoing_command_delivered_at_failed_at_index\" on \"catalog\".\"outgoing_command\" (\"delivered_at\", \"failed_at\");");
    this.addSql("alter table \"catalog\".\"supplier\" add column \"head_iin\" varchar(12) null;");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"catalog\".\"outgoing_command\" cascade;");
    this.addSql("alter table \"catalog\".\"supplier\" drop column \"head_iin\";");
  }
}
