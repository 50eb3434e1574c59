import { Migration } from '@mikro-orm/migrations';

export class Migration20261207070702 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"catalog\".\"supplier\" add column \"registry_differences\" jsonb null;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"catalog\".\"supplier\" drop column \"registry_differences\";");
  }
}
