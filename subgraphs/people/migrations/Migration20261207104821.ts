import { Migration } from '@mikro-orm/migrations';

export class Migration20261207104821 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"people\".\"notification\" add column \"params\" jsonb null;");
    this.addSql("alter table \"people\".\"staff_user\" add column \"language\" varchar(2) not null default 'ru';");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"people\".\"notification\" drop column \"params\";");
    this.addSql("alter table \"people\".\"staff_user\" drop column \"language\";");
  }
}
