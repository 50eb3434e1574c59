import { Migration } from '@mikro-orm/migrations';

export class Migration20261207101122 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"programs\".\"gsp_entitlement\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"person_id\" uuid not null, \"region_code\" varchar(8) not null, \"kind\" text check (\"kind\" in ('FOOD_SET', 'HYGIENE_SET', 'SCHOOL_MEALS', 'SCHOOL_UNIFORM', 'SCHOOL_SUPPLIES', 'PUBLIC_TRANSPORT')) not null, \"quantity\" int not null, \"unit\" text check (\"unit\" in ('SETS_PER_MONTH', 'MEALS_PER_SCHOOL_DAY', 'SETS', 'MONTHS')) not null, \"starts_on\" date not null, \"ends_on\" date not null, \"source_id\" varchar(200) not null, \"source_version\" int not null, \"status\" text check (\"status\" in ('ASSIGNED', 'BEING_PROVIDED', 'PROVIDED', 'STOPPED')) not null default 'ASSIGNED', \"published_at\" timestamptz not null, \"status_changed_at\" timestamptz not null, \"status_reason\" varchar(1000) null, \"version\" int not null default 1, constraint \"gsp_entitlement_pkey\" primary key (\"id\"));");
    this.addSql("create index \"gsp_entitlement_person_id_index\" on \"programs\".\"gsp_entitlement\" (\"person_id\");");
    this.addSql("alter table \"programs\".\"gsp_entitlement\" add constraint \"gsp_entitlement_source_id_unique\" unique (\"source_id\");");
    this.addSql("create index \"gsp_entitlement_region_code_id_index\" on \"programs\".\"gsp_entitlement\" (\"region_code\", \"id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"programs\".\"gsp_entitlement\" cascade;");
  }
}
