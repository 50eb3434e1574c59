import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, EntityName, MikroORM } from '@mikro-orm/postgresql';
import { MAX_ROW_TAGS_PER_TABLE, isTaggedColumn, type CacheExtension } from '@aleumet/protocol';

/**
 * What a request read, as the tags of `extensions.cache` (@aleumet/protocol cache.ts): every SQL statement
 * sent on behalf of the request is classified (`tablesRead`); loaders reading rows by key give row tags
 * (`readByKeys`), other reads the table's tag. A write, a read of a table that cannot be named, or the
 * database's clock in SQL make the answer `noStore`.
 */

/** The reads of one request; shared by reference by every scope of the request (see PreciseRead). */
export class ReadTracker {
  private readonly tables = new Set<string>();
  private readonly rows = new Map<string, Set<string>>();
  noStore = false;

  addTable(table: string): void {
    this.tables.add(table);
    this.rows.delete(table);
  }

  addRows(table: string, column: string, values: Iterable<string>): void {
    if (this.tables.has(table)) return;
    let set = this.rows.get(table);
    if (!set) this.rows.set(table, (set = new Set()));
    for (const v of values) set.add(`${column}=${v}`);
    if (set.size > MAX_ROW_TAGS_PER_TABLE) this.addTable(table);
  }

  /** Whether a field whose value depends on the caller was resolved (see hints.ts). */
  callerRead = false;

  markNoStore(): void {
    this.noStore = true;
  }

  tags(): string[] {
    const out = [...this.tables];
    for (const [table, keys] of this.rows) for (const k of keys) out.push(`${table}:${k}`);
    return out.sort();
  }

  extension(): CacheExtension {
    if (this.noStore) return { noStore: true };
    return this.callerRead ? { tags: this.tags() } : { tags: this.tags(), public: true };
  }
}

/** Set while a loader reads rows by key: its SELECT on `table` depends only on these values of `column`. */
export interface PreciseRead {
  table: string;
  column: string;
  values: readonly string[];
}

export interface RequestReads {
  reads: ReadTracker;
  precise?: PreciseRead;
}

export const newRequestReads = (): RequestReads => ({ reads: new ReadTracker() });

/** The reads of the request being served (none in background work: jobs, the outbox relay). */
export const readScope = new AsyncLocalStorage<RequestReads>();

/** Within a request: its answer must not be cached. */
export function markNoStore(): void {
  readScope.getStore()?.reads.markNoStore();
}

/** `"schema"."table"` as MikroORM/knex write it, or unquoted `schema.table` (hand-written SQL); not a function call. */
const IDENT = `(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`;
const QUALIFIED_TABLE = new RegExp(`^(${IDENT})\\s*\\.\\s*(${IDENT})(?![a-z0-9_$]|\\s*[.(])`, 'i');
/** After a table: an optional alias, then a comma introduces the next table of a FROM list. */
const ALIAS_COMMA = new RegExp(`^\\s*(?:as\\s+)?${IDENT}?\\s*,\\s*`, 'i');
/** `from` that is not a FROM clause: extract(x from …), substring(… from …), is distinct from … */
const NOT_A_CLAUSE = /(?:\b(?:extract|substring|trim|overlay|position)\s*\([^()]*|\bdistinct\s+)$/i;
/** A data-modifying WITH (not a locking `for update`). */
const WRITE_IN_WITH = /\binsert\s+into\b|\bdelete\s+from\b|\bmerge\s+into\b|(?<!\bfor\s+(?:no\s+key\s+)?)\bupdate\s+(?!of\b|nowait\b|skip\b)\S/i;
/** The database's own clock or randomness: the answer changes without any row changing. */
const VOLATILE = /\b(?:now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|random|nextval|gen_random_uuid)\s*\(|\b(?:current_date|current_time|current_timestamp|localtime|localtimestamp)\b/i;
/** Unquoted identifiers fold to lower case in PostgreSQL. */
const identifier = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toLowerCase());

/**
 * The tables a SELECT reads, as `schema.table`; null when the statement is not a plain read or names a
 * table this cannot identify (unqualified, a function in FROM, a CTE name…) or asks the database's clock
 * (`now()`, `current_date`…): the caller must not cache.
 * MikroORM/knex always write `"schema"."table"` (hand-written reports `finance.ledger_entry`); subqueries
 * are found like the outer query.
 */
export function tablesRead(sql: string): string[] | null {
  const head = /^[\s(]*(select|with)\b/i.exec(sql);
  if (!head) return null;
  if ((head[1]!.toLowerCase() === 'with' && WRITE_IN_WITH.test(sql)) || VOLATILE.test(sql)) return null;
  const tables = new Set<string>();
  const clause = /\b(from|join)\s+/gi;
  for (let m = clause.exec(sql); m; m = clause.exec(sql)) {
    if (NOT_A_CLAUSE.test(sql.slice(Math.max(0, m.index - 200), m.index))) continue;
    let rest = sql.slice(m.index + m[0].length);
    for (;;) {
      if (rest.startsWith('(')) break; // a subquery: its own FROM is matched by the loop
      const t = QUALIFIED_TABLE.exec(rest);
      if (!t) return null;
      tables.add(`${identifier(t[1]!)}.${identifier(t[2]!)}`);
      rest = rest.slice(t[0].length);
      const next = ALIAS_COMMA.exec(rest);
      if (!next) break;
      rest = rest.slice(next[0].length);
    }
  }
  return [...tables];
}

/** Classifies one statement sent on behalf of a request. */
export function recordStatement(scope: RequestReads, sql: string): void {
  const { reads, precise } = scope;
  if (reads.noStore) return;
  const tables = tablesRead(sql);
  if (!tables) return reads.markNoStore();
  if (precise && tables.length === 1 && tables[0] === precise.table) return reads.addRows(precise.table, precise.column, precise.values);
  for (const t of tables) reads.addTable(t);
}

const tracked = new WeakSet<MikroORM>();

/** Classifies every statement the ORM sends within a request scope (once per ORM). */
export function trackReads(orm: MikroORM): void {
  if (tracked.has(orm)) return;
  tracked.add(orm);
  orm.em.getConnection().getKnex().on('query', (q: { sql: string }) => {
    const scope = readScope.getStore();
    if (scope) recordStatement(scope, q.sql);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs a loader's `find` by `field IN (values)` so that its SELECT is tagged per requested value (found or
 * not: a later INSERT of a missing key must evict the answer too). Falls back to the table's tag when the
 * column is not one the notifications report.
 */
export function readByKeys<T extends object, R>(em: EntityManager, entity: EntityName<T>, field: string, values: readonly string[], find: () => Promise<R>): Promise<R> {
  const scope = readScope.getStore();
  if (!scope) return find();
  const meta = em.getMetadata(entity);
  const column = taggedColumn(em, entity, field);
  if (!column) return find();
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  // uuid columns compare case-insensitively; the notifications carry PostgreSQL's lower-case text.
  const keys = values.map((v) => (UUID.test(v) ? v.toLowerCase() : v));
  return readScope.run({ reads: scope.reads, precise: { table: `${schema}.${meta.tableName}`, column, values: keys } }, find);
}

/** The one column behind an entity property, when the change notifications report it (`id`, `*_id`, `code`). */
function taggedColumn<T extends object>(em: EntityManager, entity: EntityName<T>, field: string): string | null {
  const columns = (em.getMetadata(entity).properties as Record<string, { fieldNames?: string[] } | undefined>)[field]?.fieldNames ?? [];
  return columns.length === 1 && isTaggedColumn(columns[0]!) ? columns[0]! : null;
}

/**
 * A top-level equality of a where-clause on a column the notifications report (`{ supplierId: S }`,
 * `{ measure: { $in: [...] } }`): every row the query can return has one of these values, so its answer
 * changes only with rows that have them (in their old or new version), and can carry row tags instead of
 * the table's. Top-level keys of a MikroORM filter are ANDed; operators (`$or`, `$and`) are left alone.
 */
export function equalityKey<T extends object>(em: EntityManager, entity: EntityName<T>, where: unknown): { field: string; values: string[] } | null {
  if (!where || typeof where !== 'object' || Array.isArray(where)) return null;
  for (const [field, value] of Object.entries(where as Record<string, unknown>)) {
    if (field.startsWith('$') || !taggedColumn(em, entity, field)) continue;
    const v = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    const values = typeof value === 'string' ? [value] : typeof v?.$eq === 'string' ? [v.$eq] : Array.isArray(v?.$in) && Object.keys(v).length === 1 ? v.$in : null;
    if (values && values.every((x): x is string => typeof x === 'string')) return { field, values };
  }
  return null;
}
