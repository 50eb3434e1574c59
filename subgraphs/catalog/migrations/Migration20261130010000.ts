import { Migration } from '@mikro-orm/migrations';
import { ITEM_TYPES, REGIONS } from '@aleumet/core';

/** Reference data every installation needs: the 20 regions and the item types (3 services + 55 aids). */
export class Migration20261130010000 extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    this.addSql(
      knex.withSchema('catalog').insert(REGIONS.map((r) => ({ code: r.code, name_kk: r.kk, name_ru: r.ru, name_en: r.en }))).into('region')
        .onConflict('code').merge(),
    );
    this.addSql(
      knex.withSchema('catalog')
        .insert(ITEM_TYPES.map((t) => ({ code: t.code, kind: t.kind, unit: t.unit, name_kk: t.kk, name_ru: t.ru, name_en: t.en })))
        .into('item_type').onConflict('code').merge(),
    );
  }
}
