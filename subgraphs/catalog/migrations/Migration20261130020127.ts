import { Migration } from '@mikro-orm/migrations';

export class Migration20261130020127 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"catalog\".\"stock_reservation\" (\"order_id\" uuid not null, \"offering_id\" uuid not null, \"quantity\" int not null, \"reserved_at\" timestamptz not null, \"released_at\" timestamptz null, constraint \"stock_reservation_pkey\" primary key (\"order_id\"));");
    this.addSql("create index \"stock_reservation_offering_id_index\" on \"catalog\".\"stock_reservation\" (\"offering_id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"catalog\".\"stock_reservation\" cascade;");
  }
}
