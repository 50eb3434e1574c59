import { Migration } from '@mikro-orm/migrations';

export class Migration20261207035100 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" add column \"stay_from\" date null, add column \"stay_to\" date null;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" drop column \"stay_from\", drop column \"stay_to\";");
  }
}
