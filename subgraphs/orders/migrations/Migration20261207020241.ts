import { Migration } from '@mikro-orm/migrations';

export class Migration20261207020241 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" add column \"supplier_signed_document\" text null, add column \"supplier_signature\" text null, add column \"supplier_signer_certificate\" text null, add column \"supplier_signer_iin\" varchar(12) null, add column \"supplier_signer_bin\" varchar(12) null, add column \"supplier_signature_evidence\" text null;");
    this.addSql("alter table \"orders\".\"service_act\" add column \"supplier_signed_document\" text null, add column \"supplier_signature\" text null, add column \"supplier_signer_certificate\" text null, add column \"supplier_signer_iin\" varchar(12) null, add column \"supplier_signer_bin\" varchar(12) null, add column \"supplier_signature_evidence\" text null;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"orders\".\"order\" drop column \"supplier_signed_document\", drop column \"supplier_signature\", drop column \"supplier_signer_certificate\", drop column \"supplier_signer_iin\", drop column \"supplier_signer_bin\", drop column \"supplier_signature_evidence\";");
    this.addSql("alter table \"orders\".\"service_act\" drop column \"supplier_signed_document\", drop column \"supplier_signature\", drop column \"supplier_signer_certificate\", drop column \"supplier_signer_iin\", drop column \"supplier_signer_bin\", drop column \"supplier_signature_evidence\";");
  }
}
