import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040720 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" add column \"refusal_code\" text check (\"refusal_code\" in ('OUT_OF_STOCK', 'OTHER')) null;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" drop column \"refusal_code\";");
  }
}
