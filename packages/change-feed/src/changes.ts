import type { MikroORM } from '@mikro-orm/postgresql';
import { CHANGES_CHANNEL, CHANGES_MAX_PAYLOAD_BYTES, CHANGES_MAX_ROWS } from '@aleumet/protocol';

/**
 * Change notifications for caches in front of the subgraphs (the gateway's entity cache), in the format
 * of @aleumet/protocol cache.ts.
 *
 * Every base table of a subgraph's schema gets four statement-level triggers that, once per statement
 * that changed rows, `pg_notify(CHANGES_CHANNEL, payload)` with
 *   `{"t":"<schema>.<table>","k":["id=<v>","measure_id=<v>",…]}`: every distinct non-null value of the
 *     columns named `id`, `*_id` or `code` of the changed rows (UPDATE: old and new rows), or
 *   `{"t":"<schema>.<table>","all":true}`: more than 100 rows, a payload over 7,000 bytes, or TRUNCATE.
 * A listener evicts the table's tags and, per key, the row tags `<schema>.<table>:<column>=<v>`.
 * Notifications are sent at commit, never for a rolled-back transaction.
 *
 * Why not through the outbox (@aleumet/events outbox.ts), which carries events and commands: these are
 * not messages a service decided to send but a property of every committed write, raw SQL and seeds
 * included, so the database produces them itself; the cache needs them in commit order on the same
 * connection as its fences (`sync` in the gateway's changes.ts) to serve its own writes back at once,
 * which a relay polling a table cannot give without the gateway reading the subgraphs' tables; and they
 * are disposable (a listener that lost its connection drops its whole cache), so making them durable
 * would double every write for nothing.
 */

/** Trigger names are versioned: a changed definition gets new names (and the old triggers are dropped). */
const PREFIX = 'aleumet_changes_';
const TRIGGERS = [
  { name: `${PREFIX}insert_v1`, event: 'insert', referencing: 'referencing new table as aleumet_new', fn: `${PREFIX}insert` },
  { name: `${PREFIX}update_v1`, event: 'update', referencing: 'referencing old table as aleumet_old new table as aleumet_new', fn: `${PREFIX}update` },
  { name: `${PREFIX}delete_v1`, event: 'delete', referencing: 'referencing old table as aleumet_old', fn: `${PREFIX}delete` },
  { name: `${PREFIX}truncate_v1`, event: 'truncate', referencing: '', fn: `${PREFIX}truncate` },
] as const;

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** The key values of a set of rows: generic over columns (to_jsonb), so later migrations need no new code. */
const keysOf = (rows: string) =>
  `select e.key || '=' || e.value from ${rows} r, jsonb_each_text(to_jsonb(r)) e ` +
  `where e.value is not null and (e.key = 'id' or e.key like '%\\_id' or e.key = 'code')`;

/**
 * Counting stops at 101 rows, before any per-row JSON: a bulk insert (the national seed writes thousands
 * of rows per statement) costs one scan of its transition table and one small notification.
 */
function rowsFunction(rows: string, keyRows: string): string {
  return `
declare
  n int;
begin
  select count(*) into n from (select 1 from ${rows} limit ${CHANGES_MAX_ROWS + 1}) c;
  if n = 0 then
    return null;
  end if;
  if n > ${CHANGES_MAX_ROWS} then
    perform pg_notify('${CHANGES_CHANNEL}', '{"t":' || to_json(tg_table_schema || '.' || tg_table_name)::text || ',"all":true}');
    return null;
  end if;
  perform pg_notify('${CHANGES_CHANNEL}', ${PREFIX}payload(tg_table_schema || '.' || tg_table_name, array(select distinct k from (${keyRows}) x(k) order by 1)));
  return null;
end`;
}

/** Function name → body (compared with pg_proc.prosrc to skip unchanged ones). */
function functionBodies(): Record<string, { args: string; returns: string; body: string }> {
  return {
    [`${PREFIX}payload`]: {
      args: 't text, keys text[]',
      returns: 'text',
      body: `
declare
  payload text := '{"t":' || to_json(t)::text || ',"k":' || array_to_json(keys)::text || '}';
begin
  if octet_length(payload) > ${CHANGES_MAX_PAYLOAD_BYTES} then
    return '{"t":' || to_json(t)::text || ',"all":true}';
  end if;
  return payload;
end`,
    },
    [`${PREFIX}insert`]: { args: '', returns: 'trigger', body: rowsFunction('aleumet_new', keysOf('aleumet_new')) },
    [`${PREFIX}update`]: {
      args: '',
      returns: 'trigger',
      body: rowsFunction('aleumet_new', `${keysOf('aleumet_old')} union all ${keysOf('aleumet_new')}`),
    },
    [`${PREFIX}delete`]: { args: '', returns: 'trigger', body: rowsFunction('aleumet_old', keysOf('aleumet_old')) },
    [`${PREFIX}truncate`]: {
      args: '',
      returns: 'trigger',
      body: `
begin
  perform pg_notify('${CHANGES_CHANNEL}', '{"t":' || to_json(tg_table_schema || '.' || tg_table_name)::text || ',"all":true}');
  return null;
end`,
    },
  };
}

/**
 * Installs the trigger functions in the ORM's schema and the four triggers on each of its base tables
 * (except the migrations table). Idempotent and cheap when nothing changed: functions are replaced only
 * when their source differs and triggers created only where missing, so a start takes no table locks;
 * called after every `migrateUp`, tables created by later migrations get their triggers too.
 */
export async function ensureChangeNotifications(orm: MikroORM): Promise<void> {
  const schema = orm.config.get('schema');
  if (!schema) throw new Error('ensureChangeNotifications: the ORM has no schema');
  const knex = orm.em.getConnection().getKnex();
  await knex.transaction(async (trx) => {
    // Several processes of one subgraph may start at once: concurrent CREATE OR REPLACE FUNCTION fails.
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`${CHANGES_CHANNEL}:${schema}`]);
    const installed = await trx.raw(
      `select p.proname, p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ? and p.proname like ?`,
      [schema, `${PREFIX.replace(/_/g, '\\_')}%`],
    );
    const sources = new Map<string, string>((installed.rows as { proname: string; prosrc: string }[]).map((r) => [r.proname, r.prosrc]));
    for (const [name, f] of Object.entries(functionBodies())) {
      if (sources.get(name) === f.body) continue;
      await trx.raw(
        `create or replace function ${q(schema)}.${q(name)}(${f.args}) returns ${f.returns} language plpgsql ` +
          `set search_path = pg_catalog, ${q(schema)} as $aleumet$${f.body}$aleumet$`,
      );
    }
    const tables = await trx.raw(
      `select c.relname as table, coalesce(array_agg(t.tgname::text) filter (where t.tgname is not null), '{}') as triggers
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         left join pg_trigger t on t.tgrelid = c.oid and not t.tgisinternal and t.tgname like ?
        where n.nspname = ? and c.relkind = 'r' and not c.relispartition and c.relname <> 'mikro_orm_migrations'
        group by c.relname order by c.relname`,
      [`${PREFIX.replace(/_/g, '\\_')}%`, schema],
    );
    const wanted = new Set<string>(TRIGGERS.map((t) => t.name));
    for (const row of tables.rows as { table: string; triggers: string[] }[]) {
      const table = `${q(schema)}.${q(row.table)}`;
      for (const old of row.triggers) if (!wanted.has(old)) await trx.raw(`drop trigger ${q(old)} on ${table}`);
      for (const t of TRIGGERS) {
        if (row.triggers.includes(t.name)) continue;
        await trx.raw(
          `create or replace trigger ${q(t.name)} after ${t.event} on ${table} ${t.referencing} for each statement execute function ${q(schema)}.${q(t.fn)}()`,
        );
      }
    }
  });
}
