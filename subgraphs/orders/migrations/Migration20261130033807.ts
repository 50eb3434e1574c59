import { Migration } from '@mikro-orm/migrations';

export class Migration20261130033807 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" add column \"form_removed_at\" timestamptz null;");
    this.addSql("create index \"order_closed_at_index\" on \"orders\".\"order\" (\"closed_at\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop index \"orders\".\"order_closed_at_index\";");
    this.addSql("alter table \"orders\".\"order\" drop column \"form_removed_at\";");
  }
}
