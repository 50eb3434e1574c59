import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040725 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"journal_entry\" drop constraint if exists \"journal_entry_kind_check\";");
    this.addSql("alter table \"orders\".\"order\" drop constraint if exists \"order_kind_check\";");
    this.addSql("alter table \"orders\".\"service_act\" drop constraint if exists \"service_act_kind_check\";");
    this.addSql("alter table \"orders\".\"journal_entry\" add constraint \"journal_entry_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
    this.addSql("alter table \"orders\".\"order\" add constraint \"order_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
    this.addSql("alter table \"orders\".\"service_act\" add constraint \"service_act_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"orders\".\"journal_entry\" drop constraint if exists \"journal_entry_kind_check\";");
    this.addSql("alter table \"orders\".\"order\" drop constraint if exists \"order_kind_check\";");
    this.addSql("alter table \"orders\".\"service_act\" drop constraint if exists \"service_act_kind_check\";");
    this.addSql("alter table \"orders\".\"journal_entry\" add constraint \"journal_entry_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
    this.addSql("alter table \"orders\".\"order\" add constraint \"order_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
    this.addSql("alter table \"orders\".\"service_act\" add constraint \"service_act_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
  }
}
