import { Migration } from '@mikro-orm/migrations';

export class Migration20261207035110 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"representation_file\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"representation_id\" uuid not null, \"principal_id\" uuid not null, \"representative_id\" uuid not null, \"region_code\" varchar(8) null, \"file_name\" varchar(255) not null, \"content_type\" varchar(100) not null, \"size\" int not null, \"sha256\" varchar(64) not null, \"content\" bytea not null, constraint \"representation_file_pkey\" primary key (\"id\"));");
    this.addSql("create index \"representation_file_representation_id_index\" on \"people\".\"representation_file\" (\"representation_id\");");
    this.addSql("alter table \"people\".\"representation\" add column \"representative_name\" varchar(200) null, add column \"representative_iin\" varchar(12) null, add column \"principal_name\" varchar(200) null, add column \"basis\" text check (\"basis\" in ('PARENT', 'GUARDIAN', 'TRUSTEE', 'POWER_OF_ATTORNEY')) null, add column \"status\" text check (\"status\" in ('PENDING', 'ACTIVE', 'REJECTED', 'REVOKED', 'EXPIRED')) not null default 'ACTIVE', add column \"region_code\" varchar(8) null, add column \"document_type\" varchar(200) null, add column \"document_number\" varchar(200) null, add column \"document_date\" date null, add column \"document_issuer\" varchar(200) null, add column \"document_file_id\" uuid null, add column \"decided_at\" timestamptz null, add column \"decided_by\" varchar(200) null, add column \"rejection_reason\" text null, add column \"ended_at\" timestamptz null, add column \"ended_by\" varchar(200) null, add column \"end_reason\" text null;");
    // Representations recorded before registration: the principal's region and both names, from the person rows.
    this.addSql(`update "people"."representation" r set "region_code" = p."region_code", "principal_name" = concat_ws(' ', p."last_name", p."first_name", p."middle_name") from "people"."person" p where p."id" = r."principal_id";`);
    this.addSql(`update "people"."representation" r set "representative_name" = concat_ws(' ', p."last_name", p."first_name", p."middle_name"), "representative_iin" = p."iin" from "people"."person" p where p."id" = r."representative_id";`);
    this.addSql("create index \"representation_region_code_status_index\" on \"people\".\"representation\" (\"region_code\", \"status\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"people\".\"representation_file\" cascade;");
    this.addSql("drop index \"people\".\"representation_region_code_status_index\";");
    this.addSql("alter table \"people\".\"representation\" drop column \"representative_name\", drop column \"representative_iin\", drop column \"principal_name\", drop column \"basis\", drop column \"status\", drop column \"region_code\", drop column \"document_type\", drop column \"document_number\", drop column \"document_date\", drop column \"document_issuer\", drop column \"document_file_id\", drop column \"decided_at\", drop column \"decided_by\", drop column \"rejection_reason\", drop column \"ended_at\", drop column \"ended_by\", drop column \"end_reason\";");
  }
}
