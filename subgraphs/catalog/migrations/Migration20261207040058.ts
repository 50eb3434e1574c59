import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040058 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"catalog\".\"authorized_signer\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"supplier_id\" uuid not null, \"iin\" varchar(12) not null, \"full_name\" varchar(255) not null, \"role\" text check (\"role\" in ('SIGNATORY', 'FINANCE_SIGNATORY', 'HR_OFFICER', 'EMPLOYEE')) not null, \"valid_from\" date not null, \"valid_to\" date null, \"created_by\" varchar(255) not null, constraint \"authorized_signer_pkey\" primary key (\"id\"));");
    this.addSql("create index \"authorized_signer_supplier_id_iin_index\" on \"catalog\".\"authorized_signer\" (\"supplier_id\", \"iin\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"catalog\".\"authorized_signer\" cascade;");
  }
}
