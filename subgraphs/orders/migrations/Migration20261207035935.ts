import { Migration } from '@mikro-orm/migrations';

export class Migration20261207035935 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"orders\".\"signed_document\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"kind\" text check (\"kind\" in ('ORDER_APPLICATION', 'ORDER_ACCEPTANCE', 'ORDER_REFUSAL', 'ACT_SUBMISSION', 'ACT_APPROVAL', 'ACT_RETURN')) not null, \"order_id\" uuid not null, \"act_id\" uuid null, \"person_id\" uuid not null, \"supplier_id\" uuid not null, \"region_code\" varchar(8) not null, \"document\" text not null, \"signature\" text not null, \"certificate\" text not null, \"certificate_serial\" varchar(80) null, \"signer_iin\" varchar(12) not null, \"signer_bin\" varchar(12) null, \"signer_roles\" text[] not null, \"signed_at\" timestamptz not null, \"signing_time_source\" varchar(20) not null, \"evidence\" text null, constraint \"signed_document_pkey\" primary key (\"id\"));");
    this.addSql("create index \"signed_document_act_id_index\" on \"orders\".\"signed_document\" (\"act_id\");");
    this.addSql("create index \"signed_document_order_id_created_at_index\" on \"orders\".\"signed_document\" (\"order_id\", \"created_at\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"orders\".\"signed_document\" cascade;");
  }
}
