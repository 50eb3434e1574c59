import { Migration } from '@mikro-orm/migrations';

export class Migration20261207013252 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" add column \"signature_evidence\" text null;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" drop column \"signature_evidence\";");
  }
}
