import { Migration } from '@mikro-orm/migrations';

export class Migration20261130013032 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create table \"people\".\"complaint\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"person_id\" uuid null, \"region_code\" varchar(8) not null, \"filed_by\" varchar(255) not null, \"supplier_id\" uuid null, \"order_id\" uuid null, \"service_kind\" text check (\"service_kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')) null, \"text\" text not null, \"status\" text check (\"status\" in ('RECEIVED', 'FORWARDED', 'ANSWERED')) not null default 'RECEIVED', \"received_at\" timestamptz not null, \"forward_due_at\" timestamptz not null, \"forwarded_at\" timestamptz null, \"forwarded_to\" text check (\"forwarded_to\" in ('EMPLOYMENT_DEPARTMENT', 'QUALITY_AUTHORITY')) null, \"answer_due_at\" timestamptz null, \"answered_at\" timestamptz null, \"answer\" text null, \"answered_by\" varchar(255) null, \"retention_class\" varchar(30) not null, \"anonymized_at\" timestamptz null, constraint \"complaint_pkey\" primary key (\"id\"));");
    this.addSql("create index \"complaint_person_id_index\" on \"people\".\"complaint\" (\"person_id\");");
    this.addSql("create index \"complaint_region_code_index\" on \"people\".\"complaint\" (\"region_code\");");
    this.addSql("create index \"complaint_supplier_id_index\" on \"people\".\"complaint\" (\"supplier_id\");");
    this.addSql("create index \"complaint_order_id_index\" on \"people\".\"complaint\" (\"order_id\");");
    this.addSql("create index \"complaint_status_answer_due_at_index\" on \"people\".\"complaint\" (\"status\", \"answer_due_at\");");
    this.addSql("create index \"complaint_status_forward_due_at_index\" on \"people\".\"complaint\" (\"status\", \"forward_due_at\");");
    this.addSql("create table \"people\".\"failure_ticket\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"number\" varchar(255) not null, \"status\" text check (\"status\" in ('REPORTED', 'REGISTERED', 'ANALYSED', 'ESCALATED', 'DECIDED', 'FIX_IN_PROGRESS', 'FIXED', 'CLOSED')) not null default 'REPORTED', \"channel\" text check (\"channel\" in ('PORTAL', 'PHONE', 'EMAIL')) not null, \"reporter_sub\" varchar(255) not null, \"reporter_person_id\" uuid null, \"reporter_name\" varchar(255) not null, \"reporter_contact\" varchar(255) null, \"operator_sub\" varchar(255) null, \"description\" text not null, \"reported_at\" timestamptz not null, \"escalate\" boolean null, \"fix_required\" boolean null, \"decision\" text null, \"closed_at\" timestamptz null, \"anonymized_at\" timestamptz null, constraint \"failure_ticket_pkey\" primary key (\"id\"));");
    this.addSql("alter table \"people\".\"failure_ticket\" add constraint \"failure_ticket_number_unique\" unique (\"number\");");
    this.addSql("create index \"failure_ticket_reporter_sub_index\" on \"people\".\"failure_ticket\" (\"reporter_sub\");");
    this.addSql("create index \"failure_ticket_reporter_person_id_index\" on \"people\".\"failure_ticket\" (\"reporter_person_id\");");
    this.addSql("create index \"failure_ticket_closed_at_index\" on \"people\".\"failure_ticket\" (\"closed_at\");");
    this.addSql("create index \"failure_ticket_status_reported_at_index\" on \"people\".\"failure_ticket\" (\"status\", \"reported_at\");");
    this.addSql("create table \"people\".\"faq_entry\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"position\" int not null, \"published\" boolean not null default true, \"question_kk\" text null, \"question_ru\" text null, \"question_en\" text null, \"answer_kk\" text null, \"answer_ru\" text null, \"answer_en\" text null, constraint \"faq_entry_pkey\" primary key (\"id\"));");
    this.addSql("create table \"people\".\"maintenance_notice\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"starts_at\" timestamptz not null, \"ends_at\" timestamptz not null, \"text_kk\" text null, \"text_ru\" text null, \"text_en\" text null, \"created_by\" varchar(255) not null, constraint \"maintenance_notice_pkey\" primary key (\"id\"));");
    this.addSql("create index \"maintenance_notice_starts_at_index\" on \"people\".\"maintenance_notice\" (\"starts_at\");");
    this.addSql("create index \"maintenance_notice_ends_at_index\" on \"people\".\"maintenance_notice\" (\"ends_at\");");
    this.addSql("create table \"people\".\"portal_contact\" (\"key\" varchar(40) not null default 'contact-center', \"phone\" varchar(255) not null, \"hours_kk\" text null, \"hours_ru\" text null, \"hours_en\" text null, \"updated_at\" timestamptz not null, constraint \"portal_contact_pkey\" primary key (\"key\"));");
    this.addSql("create table \"people\".\"ticket_clock\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"ticket_id\" uuid not null, \"step\" text check (\"step\" in ('REGISTER', 'ANALYSE', 'ESCALATE', 'DECIDE', 'NOTIFY_DECISION', 'START_FIX', 'FINISH_FIX', 'NOTIFY_FIX')) not null, \"allowance_minutes\" int not null, \"started_at\" timestamptz not null, \"due_at\" timestamptz not null, \"near_at\" timestamptz not null, \"done_at\" timestamptz null, constraint \"ticket_clock_pkey\" primary key (\"id\"));");
    this.addSql("create index \"ticket_clock_ticket_id_index\" on \"people\".\"ticket_clock\" (\"ticket_id\");");
    this.addSql("create index \"ticket_clock_due_at_index\" on \"people\".\"ticket_clock\" (\"due_at\");");
    this.addSql("create index \"ticket_clock_done_at_near_at_index\" on \"people\".\"ticket_clock\" (\"done_at\", \"near_at\");");
    this.addSql("create table \"people\".\"ticket_event\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"ticket_id\" uuid not null, \"step\" text check (\"step\" in ('REGISTER', 'ANALYSE', 'ESCALATE', 'DECIDE', 'NOTIFY_DECISION', 'START_FIX', 'FINISH_FIX', 'NOTIFY_FIX')) not null, \"at\" timestamptz not null, \"actor_sub\" varchar(255) not null, \"note\" text null, constraint \"ticket_event_pkey\" primary key (\"id\"));");
    this.addSql("create index \"ticket_event_ticket_id_index\" on \"people\".\"ticket_event\" (\"ticket_id\");");
    this.addSql("alter table \"people\".\"ticket_clock\" add constraint \"ticket_clock_ticket_id_foreign\" foreign key (\"ticket_id\") references \"people\".\"failure_ticket\" (\"id\") on update cascade;");
    this.addSql("alter table \"people\".\"ticket_event\" add constraint \"ticket_event_ticket_id_foreign\" foreign key (\"ticket_id\") references \"people\".\"failure_ticket\" (\"id\") on update cascade;");
    this.addSql("drop index \"people\".\"audit_entry_person_ids_index\";");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"people\".\"ticket_clock\" drop constraint \"ticket_clock_ticket_id_foreign\";");
    this.addSql("alter table \"people\".\"ticket_event\" drop constraint \"ticket_event_ticket_id_foreign\";");
    this.addSql("drop table if exists \"people\".\"complaint\" cascade;");
    this.addSql("drop table if exists \"people\".\"failure_ticket\" cascade;");
    this.addSql("drop table if exists \"people\".\"faq_entry\" cascade;");
    this.addSql("drop table if exists \"people\".\"maintenance_notice\" cascade;");
    this.addSql("drop table if exists \"people\".\"portal_contact\" cascade;");
    this.addSql("drop table if exists \"people\".\"ticket_clock\" cascade;");
    this.addSql("drop table if exists \"people\".\"ticket_event\" cascade;");
    this.addSql("create index \"audit_entry_person_ids_index\" on \"people\".\"audit_entry\" (\"person_ids\");");
  }
}
