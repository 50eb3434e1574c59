import { Migration } from '@mikro-orm/migrations';

export class Migration20261130033816 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"processed_command\" (\"id\" uuid not null, \"processed_at\" timestamptz not null, constraint \"processed_command_pkey\" primary key (\"id\"));");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"people\".\"processed_command\" cascade;");
  }
}
