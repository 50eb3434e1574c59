/**
 * Development tokens for seeded users: `npm run token -- <IIN|BIN|role>`.
 *   IIN → that recipient/representative (or staff user), BIN → that supplier's staff user,
 *   admin, department[:KZ-71], integrator[:scope,scope]. Refused in production.
 */
import pg from 'pg';
import { Role, isValidBin, isValidIin, signToken, type Identity, REGIONS } from '@aleumet/core';
import { databaseUrlForTools } from './database.js';

if (process.env.NODE_ENV === 'production') {
  console.error('npm run token is for development only');
  process.exit(1);
}
const arg = process.argv[2];
if (!arg) {
  console.error('usage: npm run token -- <IIN|BIN|admin|department[:REGION]|integrator[:scopes]>');
  process.exit(2);
}

async function identityFor(db: pg.Client, who: string): Promise<Identity> {
  const [kind, extra] = [who.split(':', 1)[0]!, who.includes(':') ? who.slice(who.indexOf(':') + 1) : undefined];
  if (kind === 'integrator') {
    const scopes = extra ? extra.split(',') : ['people:read', 'programs:read', 'programs:write', 'orders:read', 'finance:read'];
    return { sub: 'dev-integrator', role: Role.INTEGRATOR, represents: [], scopes, clientId: 'dev-integrator' };
  }
  if (kind === 'admin' || kind === 'department') {
    const region = extra ?? REGIONS.find((r) => r.code === 'KZ-71')!.code;
    const { rows } = await db.query(
      kind === 'admin' ? `select id, region_code from people.staff_user where role = 'ADMIN' limit 1` : `select id, region_code from people.staff_user where role = 'EMPLOYMENT_DEPARTMENT' and region_code = $1`,
      kind === 'admin' ? [] : [region],
    );
    if (!rows[0]) throw new Error(`no seeded ${kind} user${kind === 'department' ? ` for ${region}` : ''}`);
    return { sub: rows[0].id, role: kind === 'admin' ? Role.ADMIN : Role.EMPLOYMENT_DEPARTMENT, regionCode: rows[0].region_code ?? undefined, represents: [], scopes: [] };
  }
  if (isValidIin(who)) {
    const person = (await db.query(`select id from people.person where iin = $1`, [who])).rows[0];
    if (person) {
      const reps = await db.query(
        `select principal_id from people.representation where representative_id = $1 and valid_from <= current_date and (valid_to is null or valid_to >= current_date)`,
        [person.id],
      );
      const own = (await db.query(`select 1 from programs.rehabilitation_program where person_id = $1 limit 1`, [person.id])).rowCount;
      return { sub: person.id, role: own ? Role.RECIPIENT : Role.REPRESENTATIVE, personId: person.id, represents: reps.rows.map((r) => r.principal_id), scopes: [] };
    }
    const staff = (await db.query(`select id, role, supplier_id, region_code from people.staff_user where iin = $1`, [who])).rows[0];
    if (staff) return { sub: staff.id, role: staff.role, supplierId: staff.supplier_id ?? undefined, regionCode: staff.region_code ?? undefined, represents: [], scopes: [] };
    throw new Error(`no seeded person with IIN ${who}`);
  }
  if (isValidBin(who)) {
    const { rows } = await db.query(
      `select u.id, u.supplier_id from people.staff_user u join catalog.supplier s on s.id = u.supplier_id where s.bin = $1 limit 1`,
      [who],
    );
    if (!rows[0]) throw new Error(`no staff user for supplier BIN ${who}`);
    return { sub: rows[0].id, role: Role.SUPPLIER, supplierId: rows[0].supplier_id, represents: [], scopes: [] };
  }
  throw new Error(`"${who}" is neither a valid IIN/BIN nor admin, department or integrator`);
}

const db = new pg.Client({ connectionString: databaseUrlForTools() });
await db.connect();
try {
  console.log(await signToken(await identityFor(db, arg)));
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await db.end();
}
