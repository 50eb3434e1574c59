import { ReferenceKind, type EntityManager, type EntityMetadata, type EntityName } from '@mikro-orm/postgresql';

/**
 * Loaders' reads by key without MikroORM's query building: `em.find` rebuilds, for every batch, the same
 * statement through its criteria processing, QueryBuilder and knex's compiler, which was the largest part of a
 * subgraph's CPU per `_entities` request. The statement is written once per entity and column here; the rows
 * go through the driver's result mapping and the entity factory exactly as `em.find` sends them (identity map,
 * custom types, references), after the same auto-flush check.
 *
 * Only plain entities: anything `em.find` would add to the statement or to the results (lazy or formula
 * properties, SQL-side conversions, embeddables, inheritance, filters, eager or inverse one-to-one relations,
 * onLoad hooks) takes `em.find` itself.
 */
const statements = new WeakMap<EntityMetadata, Map<string, string | null>>();

function statementOf(em: EntityManager, meta: EntityMetadata, field: string, ordered: boolean): string | null {
  let byField = statements.get(meta);
  if (!byField) statements.set(meta, (byField = new Map()));
  const key = `${field}:${ordered}`;
  if (!byField.has(key)) byField.set(key, write(em, meta, field, ordered));
  return byField.get(key)!;
}

function write(em: EntityManager, meta: EntityMetadata, field: string, ordered: boolean): string | null {
  const plain =
    !meta.virtual && !meta.expression && !meta.embeddable && !meta.root.discriminatorColumn && !meta.discriminatorValue &&
    !Object.keys(meta.filters ?? {}).length && !Object.keys(em.config.get('filters') ?? {}).length &&
    !(meta.hooks?.onLoad?.length) &&
    meta.props.every((p) =>
      !p.lazy && !p.formula && !p.eager && !p.customType?.convertToJSValueSQL && !p.customType?.convertToDatabaseValueSQL &&
      p.kind !== ReferenceKind.EMBEDDED && !(p.kind === ReferenceKind.ONE_TO_ONE && !p.owner));
  const columns = meta.properties[field as never]?.fieldNames ?? [];
  if (!plain || columns.length !== 1 || meta.primaryKeys.length !== 1) return null;
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  const table = schema ? `${q(schema)}.${q(meta.tableName)}` : q(meta.tableName);
  const id = meta.properties[meta.primaryKeys[0] as never]!.fieldNames[0]!;
  return `select "e0".* from ${table} as "e0" where "e0".${q(columns[0]!)} in (%s)${ordered ? ` order by "e0".${q(id)} asc` : ''}`;
}

/**
 * The entities whose `field` is one of `values` (ordered by primary key when `ordered`), managed by `em` as
 * `em.find(entity, { [field]: { $in: values } })` would return them.
 */
export async function findByKeys<T extends object>(em: EntityManager, entity: EntityName<T>, field: keyof T & string, values: readonly string[], ordered = false): Promise<T[]> {
  const ctx = em.getContext();
  const meta = ctx.getMetadata().get(entity as never) as EntityMetadata;
  const sql = statementOf(ctx, meta, field, ordered);
  if (!sql) {
    const options = ordered ? { orderBy: { [meta.primaryKeys[0]!]: 'asc' } as never } : {};
    return ctx.find(entity, { [field]: { $in: values } } as never, options) as Promise<T[]>;
  }
  await ctx.tryFlush(entity, {});
  const rows = await ctx.getConnection().execute<Record<string, unknown>[]>(sql.replace('%s', values.map(() => '?').join(', ')), [...values], 'all', ctx.getTransactionContext());
  const driver = ctx.getDriver();
  const factory = ctx.getEntityFactory();
  const out: T[] = [];
  const seen = new Set<T>();
  for (const row of rows) {
    const data = driver.mapResult(row as never, meta as never) as Record<string, unknown>;
    const e = factory.create<T>(meta.className as never, data as never, { merge: true, convertCustomTypes: true });
    if (!seen.has(e)) out.push(e), seen.add(e);
  }
  return out;
}
