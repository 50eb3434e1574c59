import { Migration } from '@mikro-orm/migrations';
import { supplierAccessTableSql } from '@aleumet/subgraph-kit';

/** Suppliers' access to the measures they received orders for (the measure policy reads it). */
export class Migration20261206230000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of supplierAccessTableSql('programs')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "programs"."supplier_access" cascade;');
  }
}
