import { Migration } from '@mikro-orm/migrations';
import { supplierAccessTableSql } from '@aleumet/subgraph-kit';

/** Suppliers' access to the names of the recipients they received orders from (the person policy reads it). */
export class Migration20261206230000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of supplierAccessTableSql('people')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "people"."supplier_access" cascade;');
  }
}
