import { Migration } from '@mikro-orm/migrations';

/**
 * Keyset pages of a supplier's, a region's (and an integrator's) lists are `where <scope> order by id limit n`:
 * with (scope, id) indexes they read n rows instead of sorting every row of the scope (national scale).
 */
export class Migration20261130013000 extends Migration {
  override async up(): Promise<void> {
    this.addSql("create index \"measure_region_code_id_index\" on \"programs\".\"measure\" (\"region_code\", \"id\");");
  }

  override async down(): Promise<void> {
    this.addSql("drop index \"programs\".\"measure_region_code_id_index\";");
  }
}
