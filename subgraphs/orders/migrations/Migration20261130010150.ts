import { Migration } from '@mikro-orm/migrations';

export class Migration20261130010150 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" add column \"kind\" text check (\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) null, add column \"item_type_code\" varchar(40) null, add column \"unit_price\" bigint null, add column \"guaranteed_sum\" bigint null, add column \"state_part\" bigint null, add column \"co_payment\" bigint null, add column \"ready_at\" timestamptz null, add column \"supplier_confirmed_at\" timestamptz null, add column \"recipient_confirmed_at\" timestamptz null, add column \"cancellation_reason\" text null, add column \"idempotency_key\" varchar(100) null, add column \"signed_document\" text null, add column \"signature\" text null, add column \"signer_certificate\" text null, add column \"signer_iin\" varchar(12) null;");
    this.addSql("create unique index \"order_one_active_per_measure\" on \"orders\".\"order\" (\"measure_id\") where \"status\" in ('AWAITING_SUPPLIER', 'ACCEPTED', 'READY');");
    this.addSql("alter table \"orders\".\"order\" add constraint \"order_person_id_idempotency_key_unique\" unique (\"person_id\", \"idempotency_key\");");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" drop constraint \"order_one_active_per_measure\";");
    this.addSql("alter table \"orders\".\"order\" drop constraint \"order_person_id_idempotency_key_unique\";");
    this.addSql("alter table \"orders\".\"order\" drop column \"kind\", drop column \"item_type_code\", drop column \"unit_price\", drop column \"guaranteed_sum\", drop column \"state_part\", drop column \"co_payment\", drop column \"ready_at\", drop column \"supplier_confirmed_at\", drop column \"recipient_confirmed_at\", drop column \"cancellation_reason\", drop column \"idempotency_key\", drop column \"signed_document\", drop column \"signature\", drop column \"signer_certificate\", drop column \"signer_iin\";");
  }
}
