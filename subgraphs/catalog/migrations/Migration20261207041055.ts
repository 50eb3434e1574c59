import { Migration } from '@mikro-orm/migrations';
import { SPECIAL_SOCIAL_SERVICE_TYPES } from '@aleumet/core';

export class Migration20261207041055 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table \"catalog\".\"item_type\" drop constraint if exists \"item_type_kind_check\";");
    this.addSql("alter table \"catalog\".\"offering\" drop constraint if exists \"offering_kind_check\";");
    this.addSql("alter table \"catalog\".\"item_type\" add constraint \"item_type_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
    this.addSql("alter table \"catalog\".\"offering\" add constraint \"offering_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SSS'));");
    // Reference data: the special social service types (seeds 003 ¶8).
    this.addSql(
      this.getKnex().withSchema('catalog')
        .insert(SPECIAL_SOCIAL_SERVICE_TYPES.map((t) => ({ code: t.code, kind: t.kind, unit: t.unit, name_kk: t.kk, name_ru: t.ru, name_en: t.en })))
        .into('item_type').onConflict('code').merge(),
    );
  }

  override async down(): Promise<void> {
    this.addSql("delete from \"catalog\".\"item_type\" where \"kind\" = 'SSS';");
    this.addSql("alter table \"catalog\".\"item_type\" drop constraint if exists \"item_type_kind_check\";");
    this.addSql("alter table \"catalog\".\"offering\" drop constraint if exists \"offering_kind_check\";");
    this.addSql("alter table \"catalog\".\"item_type\" add constraint \"item_type_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
    this.addSql("alter table \"catalog\".\"offering\" add constraint \"offering_kind_check\" check(\"kind\" in ('S1', 'S2', 'S3', 'S4', 'S5', 'S6'));");
  }
}
