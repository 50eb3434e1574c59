import { Migration } from '@mikro-orm/migrations';

export class Migration20261207074506 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"people\".\"notification_delivery\" drop constraint \"notification_delivery_notification_id_channel_unique\";");
    this.addSql("alter table \"people\".\"notification_delivery\" add constraint \"notification_delivery_notification_id_channel_rec_104c5_unique\" unique (\"notification_id\", \"channel\", \"recipient_key\");");
    this.addSql("alter table \"people\".\"staff_user\" add column \"email\" varchar(200) null, add column \"email_notifications\" boolean not null default true;");
  }

  override async down(): Promise<void> {
    this.addSql("alter table \"people\".\"notification_delivery\" drop constraint \"notification_delivery_notification_id_channel_rec_104c5_unique\";");
    this.addSql("alter table \"people\".\"notification_delivery\" add constraint \"notification_delivery_notification_id_channel_unique\" unique (\"notification_id\", \"channel\");");
    this.addSql("alter table \"people\".\"staff_user\" drop column \"email\", drop column \"email_notifications\";");
  }
}
