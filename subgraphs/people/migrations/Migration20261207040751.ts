import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040751 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"people\".\"complaint\" drop constraint if exists \"complaint_service_kind_check\";");
    this.addSql("alter table \"people\".\"complaint\" add constraint \"complaint_service_kind_check\" check(\"service_kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"people\".\"complaint\" drop constraint if exists \"complaint_service_kind_check\";");
    this.addSql("alter table \"people\".\"complaint\" add constraint \"complaint_service_kind_check\" check(\"service_kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
  }
}
