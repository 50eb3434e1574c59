import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042305 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"orders\".\"prosthetics_card\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"order_id\" uuid not null, \"order_number\" varchar(20) not null, \"person_id\" uuid not null, \"supplier_id\" uuid not null, \"region_code\" varchar(8) not null, \"item_type_code\" varchar(40) not null, \"measurements\" jsonb not null, \"measured_at\" timestamptz null, \"inpatient\" text check (\"inpatient\" in ('PRIMARY', 'REPEAT')) null, \"inpatient_from\" date null, \"inpatient_to\" date null, \"invited_at\" timestamptz null, \"trips\" jsonb not null, \"inpatient_working_days\" int not null default 0, constraint \"prosthetics_card_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"orders\".\"prosthetics_card\" add constraint \"prosthetics_card_order_id_unique\" unique (\"order_id\");");
    this.addSql("create index \"prosthetics_card_supplier_id_index\" on \"orders\".\"prosthetics_card\" (\"supplier_id\");");
    this.addSql("create index \"prosthetics_card_region_code_id_index\" on \"orders\".\"prosthetics_card\" (\"region_code\", \"id\");");
    this.addSql("create index \"prosthetics_card_person_id_index\" on \"orders\".\"prosthetics_card\" (\"person_id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"orders\".\"prosthetics_card\" cascade;");
  }
}
