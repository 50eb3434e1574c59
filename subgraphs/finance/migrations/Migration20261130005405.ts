import { Migration } from '@mikro-orm/migrations';

export class Migration20261130005405 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create schema if not exists \"finance\";");
    this.addSql("create table \"finance\".\"guaranteed_sum\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"item_type_code\" varchar(40) not null, \"year\" smallint not null, \"amount\" bigint not null, constraint \"guaranteed_sum_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"finance\".\"guaranteed_sum\" add constraint \"guaranteed_sum_item_type_code_year_unique\" unique (\"item_type_code\", \"year\");");
    this.addSql("create table \"finance\".\"reimbursement_claim\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"order_id\" uuid not null, \"measure_id\" uuid not null, \"supplier_id\" uuid not null, \"person_id\" uuid not null, \"region_code\" varchar(8) not null, \"state_part\" bigint not null, \"co_payment\" bigint not null, \"status\" text check (\"status\" in ('APPLIED', 'APPROVED', 'PAID', 'CANCELLED')) not null default 'APPLIED', \"version\" int not null default 1, constraint \"reimbursement_claim_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"finance\".\"reimbursement_claim\" add constraint \"reimbursement_claim_order_id_unique\" unique (\"order_id\");");
    this.addSql("create index \"reimbursement_claim_measure_id_index\" on \"finance\".\"reimbursement_claim\" (\"measure_id\");");
    this.addSql("create index \"reimbursement_claim_person_id_index\" on \"finance\".\"reimbursement_claim\" (\"person_id\");");
    this.addSql("create index \"reimbursement_claim_region_code_status_index\" on \"finance\".\"reimbursement_claim\" (\"region_code\", \"status\");");
    this.addSql("create index \"reimbursement_claim_supplier_id_status_index\" on \"finance\".\"reimbursement_claim\" (\"supplier_id\", \"status\");");
    this.addSql("create table \"finance\".\"payment\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"claim_id\" uuid not null, \"amount\" bigint not null, \"paid_at\" timestamptz not null, \"reference\" varchar(255) not null, constraint \"payment_pkey\" primary key (\"id\"));");
    this.addSql("create index \"payment_claim_id_index\" on \"finance\".\"payment\" (\"claim_id\");");
    this.addSql("alter table \"finance\".\"payment\" add constraint \"payment_reference_unique\" unique (\"reference\");");
    this.addSql("alter table \"finance\".\"payment\" add constraint \"payment_claim_id_foreign\" foreign key (\"claim_id\") references \"finance\".\"reimbursement_claim\" (\"id\") on update cascade;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"finance\".\"payment\" drop constraint \"payment_claim_id_foreign\";");
    this.addSql("drop table if exists \"finance\".\"guaranteed_sum\" cascade;");
    this.addSql("drop table if exists \"finance\".\"reimbursement_claim\" cascade;");
    this.addSql("drop table if exists \"finance\".\"payment\" cascade;");
    this.addSql("drop schema if exists \"finance\";");
  }
}
