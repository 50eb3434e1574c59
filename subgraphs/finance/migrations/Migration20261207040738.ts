import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040738 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"finance\".\"ledger_entry\" drop constraint if exists \"ledger_entry_kind_check\";");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" drop constraint if exists \"reimbursement_claim_kind_check\";");
    this.addSql("alter table \"finance\".\"ledger_entry\" add constraint \"ledger_entry_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" add constraint \"reimbursement_claim_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"finance\".\"ledger_entry\" drop constraint if exists \"ledger_entry_kind_check\";");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" drop constraint if exists \"reimbursement_claim_kind_check\";");
    this.addSql("alter table \"finance\".\"ledger_entry\" add constraint \"ledger_entry_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" add constraint \"reimbursement_claim_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
  }
}
