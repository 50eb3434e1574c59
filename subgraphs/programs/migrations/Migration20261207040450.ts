import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040450 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"programs\".\"webhook_attempt\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"delivery_id\" uuid not null, \"client_id\" varchar(200) not null, \"at\" timestamptz not null, \"status\" int null, \"error\" text null, \"duration_ms\" int not null, constraint \"webhook_attempt_pkey\" primary key (\"id\"));");
    this.addSql("create index \"webhook_attempt_delivery_id_index\" on \"programs\".\"webhook_attempt\" (\"delivery_id\");");
    this.addSql("create table \"programs\".\"webhook_delivery\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"endpoint_id\" uuid not null, \"client_id\" varchar(200) not null, \"event_id\" uuid not null, \"entity_id\" uuid not null, \"person_id\" uuid not null, \"type\" varchar(40) not null, \"body\" text not null, \"status\" text check (\"status\" in ('PENDING', 'DELIVERED')) not null default 'PENDING', \"attempts\" int not null default 0, \"next_attempt_at\" timestamptz null, \"last_attempt_at\" timestamptz null, \"last_status\" int null, \"last_error\" text null, \"delivered_at\" timestamptz null, \"lease_until\" timestamptz null, \"replays\" int not null default 0, constraint \"webhook_delivery_pkey\" primary key (\"id\"));");
    this.addSql("create index \"webhook_delivery_client_id_index\" on \"programs\".\"webhook_delivery\" (\"client_id\");");
    this.addSql("create index \"webhook_delivery_endpoint_id_entity_id_event_id_index\" on \"programs\".\"webhook_delivery\" (\"endpoint_id\", \"entity_id\", \"event_id\");");
    this.addSql("create index \"webhook_delivery_status_next_attempt_at_index\" on \"programs\".\"webhook_delivery\" (\"status\", \"next_attempt_at\");");
    this.addSql("alter table \"programs\".\"webhook_delivery\" add constraint \"webhook_delivery_endpoint_id_event_id_unique\" unique (\"endpoint_id\", \"event_id\");");
    this.addSql("create table \"programs\".\"webhook_endpoint\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"client_id\" varchar(200) not null, \"url\" varchar(2048) not null, \"secret\" varchar(200) not null, \"active\" boolean not null default true, \"registered_by\" varchar(200) not null, \"secret_rotated_at\" timestamptz null, constraint \"webhook_endpoint_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"programs\".\"webhook_endpoint\" add constraint \"webhook_endpoint_client_id_unique\" unique (\"client_id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"programs\".\"webhook_attempt\" cascade;");
    this.addSql("drop table if exists \"programs\".\"webhook_delivery\" cascade;");
    this.addSql("drop table if exists \"programs\".\"webhook_endpoint\" cascade;");
  }
}
