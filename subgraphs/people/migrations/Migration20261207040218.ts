import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040218 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"portal_article\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"kind\" text check (\"kind\" in ('INSTRUCTION', 'NEWS')) not null, \"published\" boolean not null default true, \"published_at\" timestamptz null, \"title_kk\" text null, \"title_ru\" text null, \"title_en\" text null, \"body_kk\" text null, \"body_ru\" text null, \"body_en\" text null, \"video_url\" text null, constraint \"portal_article_pkey\" primary key (\"id\"));");
    this.addSql("create index \"portal_article_kind_index\" on \"people\".\"portal_article\" (\"kind\");");
    this.addSql("create table \"people\".\"ticket_attachment\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"ticket_id\" uuid not null, \"file_name\" varchar(255) not null, \"content_type\" varchar(255) not null, \"size\" int not null, \"sha256\" varchar(64) not null, \"content\" bytea null, \"uploaded_by\" varchar(255) not null, \"purged_at\" timestamptz null, constraint \"ticket_attachment_pkey\" primary key (\"id\"));");
    this.addSql("create index \"ticket_attachment_ticket_id_index\" on \"people\".\"ticket_attachment\" (\"ticket_id\");");
    this.addSql("alter table \"people\".\"ticket_attachment\" add constraint \"ticket_attachment_ticket_id_foreign\" foreign key (\"ticket_id\") references \"people\".\"failure_ticket\" (\"id\") on update cascade;");
    this.addSql("alter table \"people\".\"complaint\" drop constraint if exists \"complaint_status_check\";");
    this.addSql("alter table \"people\".\"failure_ticket\" drop constraint if exists \"failure_ticket_channel_check\";");
    this.addSql("alter table \"people\".\"complaint\" add constraint \"complaint_status_check\" check(\"status\" in ('RECEIVED', 'FORWARDED', 'ANSWERED', 'SATISFIED'));");
    this.addSql("alter table \"people\".\"failure_ticket\" add column \"planned_fix_at\" timestamptz null;");
    this.addSql("alter table \"people\".\"failure_ticket\" add constraint \"failure_ticket_channel_check\" check(\"channel\" in ('PORTAL', 'PHONE', 'EMAIL', 'MESSENGER', 'CHAT_BOT'));");
    this.addSql("alter table \"people\".\"maintenance_notice\" add column \"kind\" text check (\"kind\" in ('PLANNED_WORKS', 'FAILURE')) not null default 'PLANNED_WORKS';");
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists \"people\".\"portal_article\" cascade;");
    this.addSql("drop table if exists \"people\".\"ticket_attachment\" cascade;");
    this.addSql("alter table \"people\".\"complaint\" drop constraint if exists \"complaint_status_check\";");
    this.addSql("alter table \"people\".\"failure_ticket\" drop constraint if exists \"failure_ticket_channel_check\";");
    this.addSql("alter table \"people\".\"complaint\" add constraint \"complaint_status_check\" check(\"status\" in ('RECEIVED', 'FORWARDED', 'ANSWERED'));");
    this.addSql("alter table \"people\".\"failure_ticket\" drop column \"planned_fix_at\";");
    this.addSql("alter table \"people\".\"failure_ticket\" add constraint \"failure_ticket_channel_check\" check(\"channel\" in ('PORTAL', 'PHONE', 'EMAIL'));");
    this.addSql("alter table \"people\".\"maintenance_notice\" drop column \"kind\";");
  }
}
