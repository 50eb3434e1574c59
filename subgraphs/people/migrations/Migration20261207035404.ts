import { Migration } from '@mikro-orm/migrations';

export class Migration20261207035404 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"person_source_record\" (\"id\" uuid not null, \"person_id\" uuid not null, \"source\" text check (\"source\" in ('E_SOBES', 'PERSON_REGISTRY', 'BMG', 'CABINET')) not null, \"source_version\" varchar(64) null, \"received_at\" timestamptz not null, \"actor_sub\" varchar(255) not null, \"fields\" text[] not null, \"changes\" jsonb not null, constraint \"person_source_record_pkey\" primary key (\"id\"));");
    this.addSql("create index \"person_source_record_person_id_id_index\" on \"people\".\"person_source_record\" (\"person_id\", \"id\");");
    this.addSql("alter table \"people\".\"person_source_record\" add constraint \"person_source_record_person_id_source_source_version_unique\" unique (\"person_id\", \"source\", \"source_version\");");
    this.addSql("alter table \"people\".\"person\" add column \"temporary_address\" text null, add column \"id_document_type\" varchar(40) null, add column \"id_document_number\" varchar(40) null, add column \"id_document_issuer\" varchar(255) null, add column \"id_document_issued_on\" date null, add column \"id_document_valid_until\" date null, add column \"phone_verified\" boolean not null default false, add column \"phone_source\" text check (\"phone_source\" in ('BMG', 'CABINET', 'E_SOBES', 'DEMO')) null, add column \"disability_reasons\" text[] not null default '{}';");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"people\".\"person_source_record\" cascade;");
    this.addSql("alter table \"people\".\"person\" drop column \"temporary_address\", drop column \"id_document_type\", drop column \"id_document_number\", drop column \"id_document_issuer\", drop column \"id_document_issued_on\", drop column \"id_document_valid_until\", drop column \"phone_verified\", drop column \"phone_source\", drop column \"disability_reasons\";");
  }
}
