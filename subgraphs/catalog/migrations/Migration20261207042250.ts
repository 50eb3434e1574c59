import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042250 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"catalog\".\"offering\" add column \"title_kk\" varchar(255) null, add column \"title_en\" varchar(255) null, add column \"description_kk\" text null, add column \"description_en\" text null;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"catalog\".\"offering\" drop column \"title_kk\", drop column \"title_en\", drop column \"description_kk\", drop column \"description_en\";");
  }
}
