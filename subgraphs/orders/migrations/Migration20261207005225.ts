import { Migration } from '@mikro-orm/migrations';

export class Migration20261207005225 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"orders\".\"order_number_counter\" (\"year\" int not null, \"last\" int not null, constraint \"order_number_counter_pkey\" primary key (\"year\"));");
    this.addSql("alter table \"orders\".\"order\" add column \"delivery_address\" text null, add column \"delivery_phone\" varchar(16) null, add column \"delivery_window\" varchar(200) null, add column \"delivery_comment\" text null;");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"orders\".\"order_number_counter\" cascade;");
    this.addSql("alter table \"orders\".\"order\" drop column \"delivery_address\", drop column \"delivery_phone\", drop column \"delivery_window\", drop column \"delivery_comment\";");
  }
}
