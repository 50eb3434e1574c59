import { Migration } from '@mikro-orm/migrations';

export class Migration20261130011016 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"api_key\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"key_id\" varchar(16) not null, \"client_id\" uuid not null, \"hash\" text not null, \"label\" varchar(255) null, \"expires_at\" timestamptz not null, \"revoked_at\" timestamptz null, \"last_used_at\" timestamptz null, constraint \"api_key_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"people\".\"api_key\" add constraint \"api_key_key_id_unique\" unique (\"key_id\");");
    this.addSql("create index \"api_key_client_id_index\" on \"people\".\"api_key\" (\"client_id\");");
    this.addSql("create table \"people\".\"audit_entry\" (\"id\" uuid not null, \"at\" timestamptz not null, \"actor_sub\" varchar(255) not null, \"actor_role\" varchar(255) not null, \"client_id\" varchar(255) null, \"on_behalf_of\" text[] not null, \"person_ids\" text[] not null, \"operation_type\" varchar(255) not null, \"operation_name\" varchar(255) null, \"document_hash\" varchar(255) null, \"entity_ids\" text[] not null, \"outcome\" varchar(255) not null, \"error_codes\" text[] not null, \"request_id\" varchar(255) null, constraint \"audit_entry_pkey\" primary key (\"id\"));");
    this.addSql("create index \"audit_entry_at_index\" on \"people\".\"audit_entry\" (\"at\");");
    this.addSql("create index \"audit_entry_client_id_at_index\" on \"people\".\"audit_entry\" (\"client_id\", \"at\");");
    this.addSql("create table \"people\".\"integrator_client\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"name\" varchar(255) not null, \"description\" text null, \"scopes\" text[] not null, \"status\" text check (\"status\" in ('ACTIVE', 'DISABLED')) not null default 'ACTIVE', \"rate_limit_per_minute\" int null, constraint \"integrator_client_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"people\".\"integrator_client\" add constraint \"integrator_client_name_unique\" unique (\"name\");");
    this.addSql("create table \"people\".\"persisted_operation\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"client_id\" uuid not null, \"hash\" varchar(64) not null, \"operation_name\" varchar(255) null, \"document\" text not null, constraint \"persisted_operation_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"people\".\"persisted_operation\" add constraint \"persisted_operation_client_id_hash_unique\" unique (\"client_id\", \"hash\");");
    // Audit by person: a GIN index over the person ids; append-only: UPDATE, DELETE and TRUNCATE are refused.
    this.addSql('create index "audit_entry_person_ids_index" on "people"."audit_entry" using gin ("person_ids");');
    this.addSql(`create function "people"."audit_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit_entry is append-only'; end $$;`);
    this.addSql('create trigger "audit_entry_no_update" before update or delete on "people"."audit_entry" for each row execute function "people"."audit_entry_append_only"();');
    this.addSql('create trigger "audit_entry_no_truncate" before truncate on "people"."audit_entry" for each statement execute function "people"."audit_entry_append_only"();');
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"people\".\"api_key\" cascade;");
    this.addSql("drop table if exists \"people\".\"audit_entry\" cascade;");
    this.addSql('drop function if exists "people"."audit_entry_append_only"();');
    this.addSql("drop table if exists \"people\".\"integrator_client\" cascade;");
    this.addSql("drop table if exists \"people\".\"persisted_operation\" cascade;");
  }
}
