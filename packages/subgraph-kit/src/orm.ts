import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Migration } from '@mikro-orm/migrations';
import { ensureChangeNotifications } from '@aleumet/change-feed';
import { SUBGRAPH_SCHEMAS, type SubgraphName } from '@aleumet/runtime';
import { createLogger, maskStatement, startChildSpan } from '@aleumet/observability';

export interface OrmOptions {
  schema: SubgraphName;
  databaseUrl: string;
  entities: Options['entities'];
  migrations: { name: string; class: new (...args: any[]) => Migration }[];
  poolMax?: number;
  debug?: boolean;
}

/** One ORM per subgraph, confined to its own PostgreSQL schema. */
export async function initORM(opts: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init({
    clientUrl: opts.databaseUrl,
    schema: opts.schema,
    entities: opts.entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    forceUtcTimezone: true,
    pool: { min: 0, max: opts.poolMax ?? 4 },
    // Knex's own messages (a pooled connection lost while the database restarts, …) go to our log, not the console.
    driverOptions: { log: knexLog(opts.schema) },
    // Other subgraphs share the database: a schema diff must never see (and drop) their tables.
    schemaGenerator: { ignoreSchema: SUBGRAPH_SCHEMAS.filter((s) => s !== opts.schema) },
    migrations: {
      tableName: `${opts.schema}.mikro_orm_migrations`,
      migrationsList: opts.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    debug: opts.debug ?? false,
    allowGlobalContext: false,
  });
  return orm;
}

function knexLog(schema: string) {
  const log = createLogger('db');
  return {
    warn: (message: string) => log.warn({ schema }, String(message)),
    error: (message: string) => log.error({ schema }, String(message)),
    deprecate: (method: string, alternative: string) => log.debug({ schema }, `${method} is deprecated: ${alternative}`),
    debug: (message: string) => log.debug({ schema }, String(message)),
  };
}

export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  // Every start with migrations (tests, startPlatform, npm start, compose) also covers tables new migrations created.
  await ensureChangeNotifications(orm);
  return applied.map((m) => m.name);
}

/** Marks work done for a GraphQL request (as opposed to background jobs such as the outbox relay). */
export const requestScope = new AsyncLocalStorage<{ readonly request: true }>();

/** Counts SQL statements sent while serving requests: tests assert there is no N+1. */
export class SqlCounter {
  count = 0;
  statements: string[] = [];
  constructor(orm: MikroORM) {
    orm.em.getConnection().getKnex().on('query', (q: { sql: string }) => {
      // Background pollers share the pool; only statements issued on behalf of a request count.
      if (!requestScope.getStore()) return;
      this.count++;
      this.statements.push(q.sql);
    });
  }
  reset() {
    this.count = 0;
    this.statements = [];
  }
}

type Span = NonNullable<ReturnType<typeof startChildSpan>>;
interface KnexQuery { sql?: string; __knexQueryUid?: string }

/**
 * One span per SQL statement under the span that sent it (a DataLoader batch, a resolver's request):
 * `SELECT orders.order` with the statement, literals masked. Knex announces each statement in the
 * sender's async context ('query') and its end ('query-response' / 'query-error'). Statements of
 * background jobs, with no span current, are not traced.
 */
export function traceStatements(orm: MikroORM, schema: string): void {
  const knex = orm.em.getConnection().getKnex();
  const open = new Map<string, Span>();
  knex.on('query', (q: KnexQuery) => {
    if (!q.__knexQueryUid || !q.sql) return;
    const statement = maskStatement(q.sql);
    const operation = statement.split(' ', 1)[0]!.toUpperCase();
    const span = startChildSpan(`${operation} ${schema}`, { 'db.system': 'postgresql', 'db.namespace': schema, 'db.operation.name': operation, 'db.query.text': statement }, 'client');
    if (span) open.set(q.__knexQueryUid, span);
  });
  const end = (q: KnexQuery | undefined, error?: Error) => {
    const span = q?.__knexQueryUid ? open.get(q.__knexQueryUid) : undefined;
    if (!span) return;
    open.delete(q!.__knexQueryUid!);
    if (error) span.setStatus({ code: 2, message: error.message.slice(0, 200) });
    span.end();
  };
  knex.on('query-response', (_response: unknown, q: KnexQuery) => end(q));
  knex.on('query-error', (error: Error, q: KnexQuery) => end(q, error));
}
