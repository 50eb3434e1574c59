import { Migration } from '@mikro-orm/migrations';

export class Migration20261130005400 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create schema if not exists \"programs\";");
    this.addSql("create table \"programs\".\"rehabilitation_program\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"person_id\" uuid not null, \"number\" varchar(255) not null, \"issued_on\" date not null, \"valid_until\" date not null, \"region_code\" varchar(8) not null, constraint \"rehabilitation_program_pkey\" primary key (\"id\"));");
    this.addSql("create index \"rehabilitation_program_person_id_index\" on \"programs\".\"rehabilitation_program\" (\"person_id\");");
    this.addSql("alter table \"programs\".\"rehabilitation_program\" add constraint \"rehabilitation_program_number_unique\" unique (\"number\");");
    this.addSql("create index \"rehabilitation_program_region_code_index\" on \"programs\".\"rehabilitation_program\" (\"region_code\");");
    this.addSql("create table \"programs\".\"measure\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"program_id\" uuid not null, \"person_id\" uuid not null, \"region_code\" varchar(8) not null, \"kind\" text check (\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) not null, \"item_type_code\" varchar(255) not null, \"quantity\" int not null, \"guaranteed_sum\" bigint not null, \"status\" text check (\"status\" in ('PUBLISHED', 'AWAITING_CHOICE', 'ORDERED', 'FULFILLED', 'BLOCKED', 'CANCELLED')) not null default 'PUBLISHED', \"source_id\" varchar(255) not null, \"published_at\" timestamptz not null, \"choice_deadline\" timestamptz not null, \"version\" int not null default 1, constraint \"measure_pkey\" primary key (\"id\"));");
    this.addSql("create index \"measure_program_id_index\" on \"programs\".\"measure\" (\"program_id\");");
    this.addSql("create index \"measure_person_id_index\" on \"programs\".\"measure\" (\"person_id\");");
    this.addSql("alter table \"programs\".\"measure\" add constraint \"measure_source_id_unique\" unique (\"source_id\");");
    this.addSql("create index \"measure_region_code_status_index\" on \"programs\".\"measure\" (\"region_code\", \"status\");");
    this.addSql("alter table \"programs\".\"measure\" add constraint \"measure_program_id_foreign\" foreign key (\"program_id\") references \"programs\".\"rehabilitation_program\" (\"id\") on update cascade;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"programs\".\"measure\" drop constraint \"measure_program_id_foreign\";");
    this.addSql("drop table if exists \"programs\".\"rehabilitation_program\" cascade;");
    this.addSql("drop table if exists \"programs\".\"measure\" cascade;");
    this.addSql("drop schema if exists \"programs\";");
  }
}
