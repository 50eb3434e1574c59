import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040654 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"programs\".\"measure\" drop constraint if exists \"measure_kind_check\";");
    this.addSql("alter table \"programs\".\"measure\" add constraint \"measure_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"programs\".\"measure\" drop constraint if exists \"measure_kind_check\";");
    this.addSql("alter table \"programs\".\"measure\" add constraint \"measure_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
  }
}
