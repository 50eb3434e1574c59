import { Migration } from '@mikro-orm/migrations';

export class Migration20261207034719 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" add column \"lead_time_days\" int null, add column \"delivery_due_at\" timestamptz null, add column \"delivery_overdue_at\" timestamptz null;");
    this.addSql("create index \"order_delivery_due_at_index\" on \"orders\".\"order\" (\"delivery_due_at\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop index \"orders\".\"order_delivery_due_at_index\";");
    this.addSql("alter table \"orders\".\"order\" drop column \"lead_time_days\", drop column \"delivery_due_at\", drop column \"delivery_overdue_at\";");
  }
}
