import { Migration } from '@mikro-orm/migrations';

export class Migration20261130013100 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"finance\".\"ledger_entry\" (\"id\" uuid not null, \"posting_id\" uuid not null, \"account\" varchar(255) not null, \"account_type\" text check (\"account_type\" in ('BUDGET', 'COMMITMENT', 'PAYABLE', 'PAID')) not null, \"debit\" bigint not null, \"credit\" bigint not null, \"claim_id\" uuid not null, \"supplier_id\" uuid not null, \"person_id\" uuid not null, \"region_code\" varchar(8) not null, \"kind\" text check (\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) null, \"period\" varchar(7) not null, \"memo\" varchar(255) not null, \"posted_at\" timestamptz not null, constraint \"ledger_entry_pkey\" primary key (\"id\"));");
    this.addSql("create index \"ledger_entry_posting_id_index\" on \"finance\".\"ledger_entry\" (\"posting_id\");");
    this.addSql("create index \"ledger_entry_claim_id_index\" on \"finance\".\"ledger_entry\" (\"claim_id\");");
    this.addSql("create index \"ledger_entry_region_code_kind_index\" on \"finance\".\"ledger_entry\" (\"region_code\", \"kind\");");
    this.addSql("create index \"ledger_entry_supplier_id_period_index\" on \"finance\".\"ledger_entry\" (\"supplier_id\", \"period\");");
    this.addSql("create index \"ledger_entry_account_type_account_index\" on \"finance\".\"ledger_entry\" (\"account_type\", \"account\");");
    this.addSql("create table \"finance\".\"outgoing_command\" (\"id\" uuid not null, \"target\" varchar(20) not null, \"operation\" text not null, \"variables\" jsonb not null, \"created_at\" timestamptz not null, \"delivered_at\" timestamptz null, \"failed_at\" timestamptz null, \"attempts\" int not null default 0, \"last_error\" text null, constraint \"outgoing_command_pkey\" primary key (\"id\"));");
    this.addSql("create index \"outgoing_command_delivered_at_failed_at_index\" on \"finance\".\"outgoing_command\" (\"delivered_at\", \"failed_at\");");
    this.addSql("create table \"finance\".\"processed_command\" (\"id\" uuid not null, \"processed_at\" timestamptz not null, constraint \"processed_command_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" drop constraint \"reimbursement_claim_order_id_unique\";");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" add column \"act_id\" uuid null, add column \"kind\" text check (\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) null, add column \"period\" varchar(7) null, add column \"approved_at\" timestamptz null, add column \"paid_at\" timestamptz null, add column \"cancelled_at\" timestamptz null;");
    this.addSql("create index \"reimbursement_claim_order_id_index\" on \"finance\".\"reimbursement_claim\" (\"order_id\");");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" add constraint \"reimbursement_claim_act_id_unique\" unique (\"act_id\");");
    this.addSql("create unique index \"reimbursement_claim_order_claim_unique\" on \"finance\".\"reimbursement_claim\" (\"order_id\") where \"act_id\" is null;");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"finance\".\"ledger_entry\" cascade;");
    this.addSql("drop table if exists \"finance\".\"outgoing_command\" cascade;");
    this.addSql("drop table if exists \"finance\".\"processed_command\" cascade;");
    this.addSql("drop index \"finance\".\"reimbursement_claim_order_id_index\";");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" drop constraint \"reimbursement_claim_act_id_unique\";");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" drop constraint \"reimbursement_claim_order_claim_unique\";");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" drop column \"act_id\", drop column \"kind\", drop column \"period\", drop column \"approved_at\", drop column \"paid_at\", drop column \"cancelled_at\";");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" add constraint \"reimbursement_claim_order_id_unique\" unique (\"order_id\");");
  }
}
