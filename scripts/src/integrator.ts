/**
 * Integrator clients from the command line (the same tables as the admin GraphQL API):
 *   npm run integrator -- create <name> --scopes programs:write,orders:read [--rate 600] [--days 90] [--description "…"]
 *   npm run integrator -- list
 *   npm run integrator -- key <client> [--days 90] [--label "…"]        another key for a client
 *   npm run integrator -- rotate <keyId> [--overlap-hours 24] [--days 90]
 *   npm run integrator -- revoke <keyId>
 *   npm run integrator -- scopes <client> <scope,scope>
 *   npm run integrator -- disable|enable <client>
 *   npm run integrator -- register <client> <file.graphql>                allow one operation (trusted document)
 * `register` stores the file's text without a leading byte-order mark and trailing whitespace (what a
 * client sends; hash = sha256 of that text) and refuses a document the gateway would refuse: invalid
 * against the public schema (schema/public.graphql) or over the production limits (depth, aliases,
 * directives, tokens, cost). The gateway picks a registration up within its key cache time (5 s).
 * <client> is the client's id or name; <keyId> the 16 hex digits after `alk_` (or the key row's id).
 * Keys are printed once, here, and stored only as a salted scrypt hash.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildSchema, parse } from 'graphql';
import { SCOPES, documentHash, newApiKey, uuidv7 } from '@aleumet/core';
import { operationProblems, operationText } from '@aleumet/gateway/operations';
import { databaseUrlForTools } from './database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const USAGE = `usage: npm run integrator -- create <name> --scopes a,b [--rate N] [--days N] [--description TEXT]
       npm run integrator -- list | key <client> | rotate <keyId> [--overlap-hours N] | revoke <keyId>
       npm run integrator -- scopes <client> <a,b> | disable <client> | enable <client> | register <client> <file.graphql>
scopes: ${SCOPES.join(', ')}`;

const [command, ...rest] = process.argv.slice(2);
const positional: string[] = [];
const flags: Record<string, string> = {};
for (let i = 0; i < rest.length; i++) {
  const a = rest[i]!;
  if (a.startsWith('--')) flags[a.slice(2)] = rest[++i] ?? '';
  else positional.push(a);
}

class UsageError extends Error {}
const need = (v: string | undefined, what: string) => {
  if (!v) throw new UsageError(`missing ${what}`);
  return v;
};
function scopesOf(text: string): string[] {
  const list = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))].sort();
  const unknown = list.filter((s) => !SCOPES.includes(s));
  if (unknown.length) throw new UsageError(`unknown scopes: ${unknown.join(', ')}`);
  return list;
}
function days(text: string | undefined): number {
  const d = text ? Number(text) : 90;
  if (!Number.isInteger(d) || d < 1 || d > 366) throw new UsageError('--days must be 1..366');
  return d;
}

async function clientId(db: pg.Client, ref: string): Promise<string> {
  const { rows } = await db.query(`select id from people.integrator_client where id::text = $1 or name = $1`, [ref]);
  if (!rows[0]) throw new UsageError(`no integrator client ${ref}`);
  return rows[0].id;
}

async function issue(db: pg.Client, client: string, d: number, label: string | null): Promise<string> {
  const key = await newApiKey();
  await db.query(
    `insert into people.api_key (id, created_at, updated_at, key_id, client_id, hash, label, expires_at) values ($1, now(), now(), $2, $3, $4, $5, now() + make_interval(days => $6))`,
    [uuidv7(), key.keyId, client, key.hash, label, d],
  );
  return key.key;
}

async function keyRow(db: pg.Client, ref: string) {
  const { rows } = await db.query(`select id, key_id, client_id, label, revoked_at, expires_at from people.api_key where key_id = $1 or id::text = $1`, [ref]);
  if (!rows[0]) throw new UsageError(`no API key ${ref}`);
  return rows[0];
}

const showKey = (key: string) => `\nAPI key (shown once, store it now):\n  ${key}\nUse it as:  Authorization: ApiKey ${key}\n`;

async function run(db: pg.Client) {
  switch (command) {
    case 'create': {
      const name = need(positional[0], '<name>');
      const scopes = scopesOf(need(flags.scopes, '--scopes'));
      const rate = flags.rate ? Number(flags.rate) : null;
      if (rate !== null && (!Number.isInteger(rate) || rate < 1)) throw new UsageError('--rate must be a positive integer (requests per minute)');
      const id = uuidv7();
      await db.query('begin');
      await db.query(
        `insert into people.integrator_client (id, created_at, updated_at, name, description, scopes, status, rate_limit_per_minute) values ($1, now(), now(), $2, $3, $4, 'ACTIVE', $5)`,
        [id, name, flags.description ?? null, scopes, rate],
      );
      const key = await issue(db, id, days(flags.days), flags.label ?? null);
      await db.query('commit');
      console.log(`client ${name}\n  id: ${id}\n  scopes: ${scopes.join(' ')}${showKey(key)}`);
      return;
    }
    case 'list': {
      const { rows } = await db.query(
        `select c.id, c.name, c.scopes, c.status, c.rate_limit_per_minute,
                coalesce(json_agg(json_build_object('keyId', k.key_id, 'expiresAt', k.expires_at, 'revokedAt', k.revoked_at, 'lastUsedAt', k.last_used_at) order by k.id) filter (where k.id is not null), '[]') as keys,
                (select count(*) from people.persisted_operation o where o.client_id = c.id) as operations
           from people.integrator_client c left join people.api_key k on k.client_id = c.id group by c.id order by c.name`,
      );
      for (const c of rows) {
        console.log(`${c.name}  ${c.id}  ${c.status}  scopes: ${c.scopes.join(' ') || '-'}  rate: ${c.rate_limit_per_minute ?? 'default'}/min  operations: ${c.operations}`);
        for (const k of c.keys) console.log(`   key ${k.keyId}  expires ${k.expiresAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ''}${k.lastUsedAt ? `  last used ${k.lastUsedAt}` : ''}`);
      }
      if (!rows.length) console.log('no integrator clients');
      return;
    }
    case 'key': {
      const id = await clientId(db, need(positional[0], '<client>'));
      console.log(showKey(await issue(db, id, days(flags.days), flags.label ?? null)));
      return;
    }
    case 'rotate': {
      const old = await keyRow(db, need(positional[0], '<keyId>'));
      if (old.revoked_at) throw new UsageError('this key is revoked; issue a new one with `key`');
      const overlap = flags['overlap-hours'] ? Number(flags['overlap-hours']) : 24;
      if (!Number.isInteger(overlap) || overlap < 0 || overlap > 720) throw new UsageError('--overlap-hours must be 0..720');
      await db.query('begin');
      if (overlap === 0) await db.query(`update people.api_key set revoked_at = now(), updated_at = now() where id = $1`, [old.id]);
      else await db.query(`update people.api_key set expires_at = least(expires_at, now() + make_interval(hours => $2)), updated_at = now() where id = $1`, [old.id, overlap]);
      const key = await issue(db, old.client_id, days(flags.days), old.label);
      await db.query('commit');
      console.log(`old key ${old.key_id} ${overlap === 0 ? 'revoked' : `works for ${overlap} more hours`}${showKey(key)}`);
      return;
    }
    case 'revoke': {
      const k = await keyRow(db, need(positional[0], '<keyId>'));
      await db.query(`update people.api_key set revoked_at = coalesce(revoked_at, now()), updated_at = now() where id = $1`, [k.id]);
      console.log(`revoked key ${k.key_id} (the gateway refuses it within seconds)`);
      return;
    }
    case 'scopes': {
      const id = await clientId(db, need(positional[0], '<client>'));
      const scopes = scopesOf(need(positional[1], '<scopes>'));
      await db.query(`update people.integrator_client set scopes = $2, updated_at = now() where id = $1`, [id, scopes]);
      console.log(`scopes: ${scopes.join(' ')}`);
      return;
    }
    case 'disable':
    case 'enable': {
      const id = await clientId(db, need(positional[0], '<client>'));
      await db.query(`update people.integrator_client set status = $2, updated_at = now() where id = $1`, [id, command === 'disable' ? 'DISABLED' : 'ACTIVE']);
      console.log(`${command}d`);
      return;
    }
    case 'register': {
      const id = await clientId(db, need(positional[0], '<client>'));
      const file = need(positional[1], '<file.graphql>');
      const fileText = readFileSync(file, 'utf8');
      const document = operationText(fileText);
      const problems = operationProblems(buildSchema(readFileSync(path.join(ROOT, 'schema/public.graphql'), 'utf8')), document);
      if (problems.length) throw new UsageError(`${file}: the gateway would refuse this document:\n  ${problems.join('\n  ')}`);
      const ops = parse(document).definitions.filter((d) => d.kind === 'OperationDefinition');
      if (ops.length !== 1) throw new UsageError('the file must hold exactly one operation');
      const name = ops[0]!.kind === 'OperationDefinition' ? ops[0]!.name?.value ?? null : null;
      const hash = documentHash(document);
      const { rowCount } = await db.query(
        `insert into people.persisted_operation (id, created_at, updated_at, client_id, hash, operation_name, document) values ($1, now(), now(), $2, $3, $4, $5) on conflict (client_id, hash) do nothing`,
        [uuidv7(), id, hash, name, document],
      );
      console.log(`${rowCount ? 'registered' : 'already registered'} ${name ?? '(anonymous)'} sha256 ${hash}`);
      if (document !== fileText) console.log(`  the registered text is the file without its ${fileText.startsWith('\uFEFF') ? 'byte-order mark and ' : ''}trailing whitespace (${Buffer.byteLength(document)} bytes): send exactly that, or only the hash`);
      console.log('  the gateway accepts it within 5 seconds');
      return;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command');
  }
}

const db = new pg.Client({ connectionString: databaseUrlForTools() });
try {
  await db.connect();
  await run(db);
} catch (e) {
  await db.query('rollback').catch(() => {});
  if (e instanceof UsageError) console.error(`${e.message}\n${USAGE}`);
  else console.error((e as Error).message);
  process.exitCode = e instanceof UsageError ? 2 : 1;
} finally {
  await db.end();
}
