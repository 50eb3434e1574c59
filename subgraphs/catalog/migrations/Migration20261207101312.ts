import { Migration } from '@mikro-orm/migrations';

export class Migration20261207101312 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"catalog\".\"outbox\" add column \"position\" bigint null;");
    this.addSql("alter table \"catalog\".\"outbox\" add constraint \"outbox_position_unique\" unique (\"position\");");
    // The relay places each event when it claims it (@aleumet/events relay.ts: commit order). Events handed on
    // already are placed in id order, so a cursor handed out before (an event id) keeps its meaning.
    this.addSql("create sequence \"catalog\".\"outbox_position_seq\" as bigint;");
    this.addSql("update \"catalog\".\"outbox\" o set \"position\" = n.p from (select id, row_number() over (order by id) as p from \"catalog\".\"outbox\" where kind = 'event' and published_at is not null) n where o.id = n.id;");
    this.addSql("select setval('\"catalog\".\"outbox_position_seq\"', coalesce((select max(\"position\") from \"catalog\".\"outbox\"), 0) + 1, false);");
  }

  override async down(): Promise<void> {
    this.addSql("drop sequence \"catalog\".\"outbox_position_seq\";");
    this.addSql("alter table \"catalog\".\"outbox\" drop constraint \"outbox_position_unique\";");
    this.addSql("alter table \"catalog\".\"outbox\" drop column \"position\";");
  }
}
