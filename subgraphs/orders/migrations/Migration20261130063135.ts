import { Migration } from '@mikro-orm/migrations';

export class Migration20261130063135 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" add column \"handover\" text check (\"handover\" in ('DELIVERY', 'PICKUP')) null;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" drop column \"handover\";");
  }
}
