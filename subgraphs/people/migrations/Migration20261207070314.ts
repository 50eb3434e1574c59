import { Migration } from '@mikro-orm/migrations';

export class Migration20261207070314 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"refused_command\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"command_id\" uuid not null, \"sender\" varchar(20) not null, \"target\" varchar(20) not null, \"command\" varchar(100) not null, \"code\" varchar(40) not null, \"message\" text not null, \"entity_type\" varchar(40) not null, \"entity_id\" varchar(40) not null, \"compensation\" text not null, \"region_code\" varchar(8) null, \"person_id\" uuid null, \"supplier_id\" uuid null, \"measure_id\" uuid null, \"order_id\" uuid null, \"refused_at\" timestamptz not null, constraint \"refused_command_pkey\" primary key (\"id\"));");
    this.addSql("create index \"refused_command_region_code_id_index\" on \"people\".\"refused_command\" (\"region_code\", \"id\");");
    this.addSql("alter table \"people\".\"refused_command\" add constraint \"refused_command_command_id_unique\" unique (\"command_id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"people\".\"refused_command\" cascade;");
  }
}
