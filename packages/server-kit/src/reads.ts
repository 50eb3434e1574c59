import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager, EntityName, MikroORM } from '@mikro-orm/postgresql';

/**
 * What a request read, for caches in front of the subgraph (the gateway's entity cache). Queries answer
 * with `extensions.cache`: `{ tags: [...] }` or `{ noStore: true }`. A tag is
 *   `<schema>.<table>`: the answer may depend on any row of the table;
 *   `<schema>.<table>:<column>=<value>`: only on the rows whose column has that value (columns `id`,
 *     `*_id`, `code`: the ones the change notifications report, see changes.ts).
 * `public: true` with the tags: no resolver read the caller's identity, so the answer is the same for every
 *   caller (catalog entities, reference data) and a cache may share it between callers.
 * `noStore`: the request wrote (any statement but a SELECT), read a table it could not name, asked the
 * clock (the answer depends on time) or called another subgraph (whose reads it does not know).
 */
export const CACHE_EXTENSION = 'cache';
/** Above this many row tags for one table, the table's tag replaces them (keeps answers and caches small). */
export const MAX_ROW_TAGS_PER_TABLE = 2000;

export type CacheExtension = { tags: string[]; public?: true } | { noStore: true };

/** Columns the change notifications report: only these can carry row tags. */
export const isTaggedColumn = (column: string) => column === 'id' || column === 'code' || column.endsWith('_id');

/** The reads of one request; shared by reference by every scope of the request (see PreciseRead). */
export class ReadTracker {
  private readonly tables = new Set<string>();
  private readonly rows = new Map<string, Set<string>>();
  noStore = false;
  /** A callers batch: several callers share the reads, the answers carry no cache extension. */
  batch = false;

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

  /** Whether any resolver read the caller's identity (`ctx.identity`). */
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

/**
 * Marks work done for a GraphQL request (as opposed to background jobs such as the outbox relay), and
 * collects what the request read.
 */
export const requestScope = new AsyncLocalStorage<RequestReads>();

export const newRequestReads = (): RequestReads => ({ reads: new ReadTracker() });

/** Within a request: its answer must not be cached (called by the request's clock and by callSubgraph). */
export function markNoStore(): void {
  requestScope.getStore()?.reads.markNoStore();
}

/** Within a request: the answer depends on who asks (called by the context's `identity` getter). */
export function markCallerRead(): void {
  const scope = requestScope.getStore();
  if (scope) scope.reads.callerRead = true;
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
    const scope = requestScope.getStore();
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
  const scope = requestScope.getStore();
  if (!scope) return find();
  const meta = em.getMetadata(entity);
  const column = taggedColumn(em, entity, field);
  if (!column) return find();
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  // uuid columns compare case-insensitively; the notifications carry PostgreSQL's lower-case text.
  const keys = values.map((v) => (UUID.test(v) ? v.toLowerCase() : v));
  return requestScope.run({ reads: scope.reads, precise: { table: `${schema}.${meta.tableName}`, column, values: keys } }, find);
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

/** Adds `extensions.cache` to the single result of a query served over plain HTTP (not callers batches). */
export function cacheTagsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation }) {
          if (response.body.kind !== 'single' || operation?.operation !== 'query') return;
          const scope = requestScope.getStore();
          if (!scope || scope.reads.batch) return;
          const result = response.body.singleResult;
          // An unexpected error (a failed statement, a bug) may not happen again: never cache it.
          if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) scope.reads.markNoStore();
          result.extensions = { ...result.extensions, [CACHE_EXTENSION]: scope.reads.extension() };
        },
      };
    },
  };
}
