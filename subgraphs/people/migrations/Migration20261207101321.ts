import { Migration } from '@mikro-orm/migrations';

export class Migration20261207101321 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"people\".\"outbox\" add column \"position\" bigint null;");
    this.addSql("alter table \"people\".\"outbox\" add constraint \"outbox_position_unique\" unique (\"position\");");
    // The relay places each event when it claims it (@aleumet/events relay.ts: commit order). Events handed on
    // already are placed in id order, so a cursor handed out before (an event id) keeps its meaning.
    this.addSql("create sequence \"people\".\"outbox_position_seq\" as bigint;");
    this.addSql("update \"people\".\"outbox\" o set \"position\" = n.p from (select id, row_number() over (order by id) as p from \"people\".\"outbox\" where kind = 'event' and published_at is not null) n where o.id = n.id;");
    this.addSql("select setval('\"people\".\"outbox_position_seq\"', coalesce((select max(\"position\") from \"people\".\"outbox\"), 0) + 1, false);");
  }

  override async down(): Promise<void> {
    this.addSql("drop sequence \"people\".\"outbox_position_seq\";");
    this.addSql("alter table \"people\".\"outbox\" drop constraint \"outbox_position_unique\";");
    this.addSql("alter table \"people\".\"outbox\" drop column \"position\";");
  }
}
