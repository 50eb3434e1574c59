/**
 * `npm run seed -- --scale demo|national|<persons> [--reset]`: loads data into every subgraph's schema.
 *
 * - `demo`: the demo world (`buildWorld()`), through the subgraphs' own seeders (works on the embedded database).
 * - `national`: 700,000 persons, ~2M measures, ~1M orders with claims and payments, 300 suppliers, ~20,000
 *   offerings; `<persons>` is the same shape at another size (e.g. 10000 for the scale benchmark).
 *   Streams `streamWorld()` chunk by chunk into PostgreSQL with multi-row `insert … select from unnest($1::uuid[], …)`
 *   statements (one per table per chunk), on one connection per subgraph, generating the next chunk while the
 *   database writes the previous one. Needs a real PostgreSQL server in DATABASE_URL.
 *
 * Like migrations, this is a tool: it writes each subgraph's tables directly (schema per subgraph).
 */
import 'reflect-metadata';
import pg from 'pg';
import cliProgress from 'cli-progress';
import { SUBGRAPHS } from '@aleumet/platform';
import { migrateUp, openOrm, seedSubgraph } from '@aleumet/subgraph-kit';
import { EXAMPLE_PERSONS, buildWorld, streamWorld, type RecipientChunk, type CatalogPart } from '@aleumet/demo-data';
import { databaseUrlForTools } from './database.js';

type Row = Record<string, any>;
interface Column { name: string; type: string; cast?: string; value: (row: any) => unknown }
interface Table { schema: string; table: string; columns: Column[] }

const c = (name: string, type: string, value: (row: any) => unknown, cast?: string): Column => ({ name, type, value, cast });
const ts = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const pgArray = (items: string[]) => `{${items.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const stamp = (at: () => Date): Column[] => [c('created_at', 'timestamptz', () => at().toISOString()), c('updated_at', 'timestamptz', () => at().toISOString())];
const now = new Date();
const seededAt = () => now;

/** What each table gets from the generated rows (the columns of the committed migrations). */
const TABLES = {
  person: { schema: 'people', table: 'person', columns: [
    c('id', 'uuid', (p) => p.id), ...stamp(seededAt), c('iin', 'text', (p) => p.iin), c('last_name', 'text', (p) => p.lastName),
    c('first_name', 'text', (p) => p.firstName), c('middle_name', 'text', (p) => p.middleName), c('birth_date', 'date', (p) => p.birthDate),
    c('sex', 'text', (p) => p.sex), c('address', 'text', (p) => p.address), c('region_code', 'text', (p) => p.regionCode),
    c('phone', 'text', (p) => p.phone), c('email', 'text', (p) => p.email), c('category', 'text', (p) => p.category),
    c('disability_group', 'smallint', (p) => p.disabilityGroup), c('vision', 'boolean', (p) => p.vision),
    c('hearing', 'boolean', (p) => p.hearing), c('mobility', 'boolean', (p) => p.mobility),
  ] },
  representation: { schema: 'people', table: 'representation', columns: [
    c('id', 'uuid', (r) => r.id), ...stamp(seededAt), c('representative_id', 'uuid', (r) => r.representativeId), c('principal_id', 'uuid', (r) => r.principalId),
    c('kind', 'text', (r) => r.kind), c('valid_from', 'date', (r) => r.validFrom), c('valid_to', 'date', (r) => r.validTo),
  ] },
  staff: { schema: 'people', table: 'staff_user', columns: [
    c('id', 'uuid', (s) => s.id), ...stamp(seededAt), c('iin', 'text', (s) => s.iin), c('full_name', 'text', (s) => s.fullName),
    c('role', 'text', (s) => s.role), c('supplier_id', 'uuid', (s) => s.supplierId), c('region_code', 'text', (s) => s.regionCode),
  ] },
  program: { schema: 'programs', table: 'rehabilitation_program', columns: [
    c('id', 'uuid', (p) => p.id), ...stamp(seededAt), c('person_id', 'uuid', (p) => p.personId), c('number', 'text', (p) => p.number),
    c('issued_on', 'date', (p) => p.issuedOn), c('valid_until', 'date', (p) => p.validUntil), c('region_code', 'text', (p) => p.regionCode),
  ] },
  measure: { schema: 'programs', table: 'measure', columns: [
    c('id', 'uuid', (m) => m.id), ...stamp(seededAt), c('program_id', 'uuid', (m) => m.programId), c('person_id', 'uuid', (m) => m.personId),
    c('region_code', 'text', (m) => m.regionCode), c('kind', 'text', (m) => m.kind), c('item_type_code', 'text', (m) => m.itemTypeCode),
    c('quantity', 'int', (m) => m.quantity), c('guaranteed_sum', 'bigint', (m) => m.guaranteedSum), c('status', 'text', (m) => m.status),
    c('source_id', 'text', (m) => m.sourceId), c('published_at', 'timestamptz', (m) => ts(m.publishedAt)),
    c('choice_deadline', 'timestamptz', (m) => ts(m.choiceDeadline)), c('version', 'int', () => 1),
    c('fulfilled_at', 'timestamptz', (m) => ts(m.fulfilledAt)),
  ] },
  fulfilment: { schema: 'programs', table: 'fulfilment', columns: [
    c('id', 'uuid', (f) => f.id), ...stamp(seededAt), c('measure_id', 'uuid', (f) => f.measureId), c('source_id', 'text', (f) => f.sourceId),
    c('order_id', 'uuid', (f) => f.orderId), c('supplier_id', 'uuid', (f) => f.supplierId), c('person_id', 'uuid', (f) => f.personId),
    c('region_code', 'text', (f) => f.regionCode), c('fulfilled_at', 'timestamptz', (f) => ts(f.fulfilledAt)),
  ] },
  supplier: { schema: 'catalog', table: 'supplier', columns: [
    c('id', 'uuid', (s) => s.id), ...stamp(seededAt), c('bin', 'text', (s) => s.bin), c('name', 'text', (s) => s.name),
    c('legal_form', 'text', (s) => s.legalForm), c('legal_address', 'text', (s) => s.legalAddress), c('actual_address', 'text', (s) => s.actualAddress),
    c('head_name', 'text', (s) => s.headName), c('phone', 'text', (s) => s.phone), c('email', 'text', (s) => s.email),
    c('oked_codes', 'text', (s) => pgArray(s.okedCodes), 'text[]'), c('directions', 'text', (s) => pgArray(s.directions), 'text[]'),
    c('region_codes', 'text', (s) => pgArray(s.regionCodes), 'text[]'), c('status', 'text', () => 'VERIFIED'),
  ] },
  offering: { schema: 'catalog', table: 'offering', columns: [
    c('id', 'uuid', (o) => o.id), ...stamp(seededAt), c('supplier_id', 'uuid', (o) => o.supplierId), c('kind', 'text', (o) => o.kind),
    c('item_type_code', 'text', (o) => o.itemTypeCode), c('title', 'text', (o) => o.title), c('description', 'text', (o) => o.description),
    c('title_kk', 'text', (o) => o.titleKk), c('title_en', 'text', (o) => o.titleEn), c('description_kk', 'text', (o) => o.descriptionKk), c('description_en', 'text', (o) => o.descriptionEn),
    c('characteristics', 'text', (o) => JSON.stringify(o.characteristics), 'jsonb'), c('price', 'bigint', (o) => o.price),
    c('delivery_mode', 'text', (o) => o.deliveryMode), c('lead_time_days', 'int', (o) => o.leadTimeDays), c('stock', 'int', (o) => o.stock),
    c('region_codes', 'text', (o) => pgArray(o.regionCodes), 'text[]'), c('active', 'boolean', () => true),
  ] },
  order: { schema: 'orders', table: 'order', columns: [
    c('id', 'uuid', (o) => o.id), c('created_at', 'timestamptz', (o) => ts(o.createdAt)), c('updated_at', 'timestamptz', (o) => ts(o.createdAt)),
    c('number', 'text', (o) => o.number), c('measure_id', 'uuid', (o) => o.measureId), c('offering_id', 'uuid', (o) => o.offeringId),
    c('person_id', 'uuid', (o) => o.personId), c('supplier_id', 'uuid', (o) => o.supplierId), c('region_code', 'text', (o) => o.regionCode),
    c('status', 'text', (o) => o.status), c('price', 'bigint', (o) => o.price), c('quantity', 'int', (o) => o.quantity),
    c('accept_deadline', 'timestamptz', (o) => ts(o.acceptDeadline)), c('accepted_at', 'timestamptz', (o) => ts(o.acceptedAt)),
    c('handed_over_at', 'timestamptz', (o) => ts(o.handedOverAt)), c('closed_at', 'timestamptz', (o) => ts(o.closedAt)),
    c('refusal_code', 'text', (o) => o.refusalCode), c('refusal_reason', 'text', (o) => o.refusalReason), c('version', 'int', () => 1),
    // Filled at signing by the orders subgraph; the seed derives them from the measure (see orderExtras).
    c('kind', 'text', (o) => o.kind), c('item_type_code', 'text', (o) => o.itemTypeCode), c('unit_price', 'bigint', (o) => o.unitPrice),
    c('guaranteed_sum', 'bigint', (o) => o.guaranteedSum), c('state_part', 'bigint', (o) => o.statePart), c('co_payment', 'bigint', (o) => o.coPayment),
  ] },
  // Suppliers see the name of the recipients and the measures they received orders for (see supplierAccess).
  personAccess: { schema: 'people', table: 'supplier_access', columns: [
    c('record_id', 'uuid', (a) => a.recordId), c('supplier_id', 'uuid', (a) => a.supplierId), c('granted_at', 'timestamptz', () => now.toISOString()),
  ] },
  measureAccess: { schema: 'programs', table: 'supplier_access', columns: [
    c('record_id', 'uuid', (a) => a.recordId), c('supplier_id', 'uuid', (a) => a.supplierId), c('granted_at', 'timestamptz', () => now.toISOString()),
  ] },
  guaranteedSum: { schema: 'finance', table: 'guaranteed_sum', columns: [
    c('id', 'uuid', (g) => g.id), ...stamp(seededAt), c('item_type_code', 'text', (g) => g.itemTypeCode), c('year', 'smallint', (g) => g.year), c('amount', 'bigint', (g) => g.amount),
  ] },
  claim: { schema: 'finance', table: 'reimbursement_claim', columns: [
    c('id', 'uuid', (x) => x.id), ...stamp(seededAt), c('order_id', 'uuid', (x) => x.orderId), c('measure_id', 'uuid', (x) => x.measureId),
    c('supplier_id', 'uuid', (x) => x.supplierId), c('person_id', 'uuid', (x) => x.personId), c('region_code', 'text', (x) => x.regionCode),
    c('state_part', 'bigint', (x) => x.statePart), c('co_payment', 'bigint', (x) => x.coPayment), c('status', 'text', (x) => x.status), c('version', 'int', () => 1),
  ] },
  payment: { schema: 'finance', table: 'payment', columns: [
    c('id', 'uuid', (p) => p.id), ...stamp(seededAt), c('claim_id', 'uuid', (p) => p.claimId), c('amount', 'bigint', (p) => p.amount),
    c('paid_at', 'timestamptz', (p) => ts(p.paidAt)), c('reference', 'text', (p) => p.reference),
  ] },
} satisfies Record<string, Table>;

const SCALES: Record<string, { persons: number; suppliers: number; offerings: number }> = {
  national: { persons: 700_000, suppliers: 300, offerings: 20_000 },
};

/** One statement for many rows: each column travels as one array parameter, unnest turns them back into rows. */
async function insertRows(client: pg.ClientBase, t: Table, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = t.columns.map(() => new Array<unknown>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let k = 0; k < t.columns.length; k++) arrays[k]![i] = t.columns[k]!.value(row);
  }
  const names = t.columns.map((col) => `"${col.name}"`).join(', ');
  const selected = t.columns.map((col) => (col.cast ? `u."${col.name}"::${col.cast}` : `u."${col.name}"`)).join(', ');
  const params = t.columns.map((col, k) => `$${k + 1}::${col.type}[]`).join(', ');
  await client.query(`insert into "${t.schema}"."${t.table}" (${names}) select ${selected} from unnest(${params}) as u(${names})`, arrays);
}

/** Every NOT NULL column without a default must be one we fill: fails early and clearly when a migration added one. */
async function checkColumns(client: pg.ClientBase) {
  const missing: string[] = [];
  for (const t of Object.values(TABLES) as Table[]) {
    const { rows } = await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = $1 and table_name = $2 and is_nullable = 'NO' and column_default is null`,
      [t.schema, t.table],
    );
    for (const r of rows) if (!t.columns.some((col) => col.name === r.column_name)) missing.push(`${t.schema}.${t.table}.${r.column_name}`);
  }
  if (missing.length) throw new Error(`seed.ts does not fill these required columns (added by a newer migration?): ${missing.join(', ')}`);
}

/** Orders carry what was agreed at signing: kind, item type, unit price, guaranteed sum and the split. */
function orderExtras(chunk: RecipientChunk) {
  const measures = new Map(chunk.measures.map((m) => [m.id, m]));
  const claims = new Map(chunk.claims.map((x) => [x.orderId, x]));
  return chunk.orders.map((o) => {
    const m = measures.get(o.measureId)!;
    const claim = claims.get(o.id)!;
    return { ...o, kind: m.kind, itemTypeCode: m.itemTypeCode, unitPrice: Math.round(o.price / o.quantity), guaranteedSum: m.guaranteedSum, statePart: claim.statePart, coPayment: claim.coPayment };
  });
}

/** One grant per (record, supplier) of the chunk's orders: a recipient's orders all fall in one chunk. */
function supplierAccess(orders: RecipientChunk['orders'], record: 'personId' | 'measureId') {
  const seen = new Map<string, { recordId: string; supplierId: string }>();
  for (const o of orders) seen.set(`${o[record]}/${o.supplierId}`, { recordId: o[record], supplierId: o.supplierId });
  return [...seen.values()];
}

function parseArgs(argv: string[]) {
  const args = { scale: 'demo', reset: false, chunk: 5000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--scale') args.scale = argv[++i] ?? '';
    else if (a.startsWith('--scale=')) args.scale = a.slice(8);
    else if (a === '--reset') args.reset = true;
    else if (a === '--chunk') args.chunk = Number(argv[++i]);
    else if (a === '--help' || a === '-h') args.scale = 'help';
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const USAGE = `usage: npm run seed -- --scale demo|national|<persons> [--reset] [--chunk 5000]
  demo       the demo world (1,050 persons), through the subgraphs' seeders; embedded database allowed
  national   700,000 persons, ~2M measures, ~1M orders + claims + payments, 300 suppliers, ~20,000 offerings
  <persons>  the national shape at another size, e.g. 10000
  --reset    empty the seeded tables first (otherwise a seeded database is left alone)
DATABASE_URL: the PostgreSQL database to fill (required for national and <persons>).`;

async function migrateAll(databaseUrl: string) {
  for (const def of SUBGRAPHS) {
    const orm = await openOrm(def, { databaseUrl, poolMax: 1 });
    try {
      await migrateUp(orm);
    } finally {
      await orm.close();
    }
  }
}

async function seedDemo(databaseUrl: string) {
  await migrateAll(databaseUrl);
  const world = buildWorld();
  const bar = new cliProgress.SingleBar({ format: 'demo seed |{bar}| {value}/{total} subgraphs  {subgraph}' }, cliProgress.Presets.shades_classic);
  bar.start(SUBGRAPHS.length, 0, { subgraph: '' });
  const skipped: string[] = [];
  for (const def of SUBGRAPHS) {
    bar.update({ subgraph: def.name });
    const orm = await openOrm(def, { databaseUrl, poolMax: 1 });
    try {
      if (!(await seedSubgraph(def, orm, world))) skipped.push(def.name);
    } finally {
      await orm.close();
    }
    bar.increment();
  }
  bar.stop();
  if (skipped.length) console.log(`already seeded, left alone: ${skipped.join(', ')}`);
}

async function isEmbedded(client: pg.ClientBase) {
  const { rows } = await client.query<{ v: string }>('select version() as v');
  return /emscripten|wasm|pglite/i.test(rows[0]!.v);
}

async function seedScale(databaseUrl: string, persons: number, shape: { suppliers: number; offerings: number }, opts: { reset: boolean; chunk: number }) {
  const started = Date.now();
  const connect = async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    // A seed is re-runnable from scratch: durability of each commit is not needed while loading.
    await client.query('set synchronous_commit = off');
    return client;
  };
  const admin = await connect();
  try {
    if (await isEmbedded(admin)) {
      throw new Error('Refusing to load national-scale data into the embedded (WASM) PostgreSQL: set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/aleumet_national');
    }
    console.log('migrating the five subgraphs…');
    await migrateAll(databaseUrl);
    await checkColumns(admin);
    const tables = Object.values(TABLES) as Table[];
    const { rows } = await admin.query<{ n: string }>('select count(*) as n from people.person');
    if (Number(rows[0]!.n) > 0) {
      if (!opts.reset) throw new Error(`people.person already has ${rows[0]!.n} rows: pass --reset to empty the seeded tables first (or use a fresh database)`);
      console.log('emptying the seeded tables (--reset)…');
      await admin.query(`truncate ${tables.map((t) => `"${t.schema}"."${t.table}"`).join(', ')} cascade`);
    }

    const plan = streamWorld({ persons, suppliers: shape.suppliers, offerings: shape.offerings, chunkSize: opts.chunk, now });
    const cat: CatalogPart = plan.catalog;
    await insertRows(admin, TABLES.supplier, cat.suppliers);
    await insertRows(admin, TABLES.offering, cat.offerings);
    await insertRows(admin, TABLES.staff, cat.staff);
    await insertRows(admin, TABLES.person, [...EXAMPLE_PERSONS]);
    await insertRows(admin, TABLES.guaranteedSum, cat.guaranteedSums);

    // One connection per subgraph: the database writes four schemas at once while the next chunk is generated.
    const [people, programs, orders, finance] = await Promise.all([connect(), connect(), connect(), connect()]);
    const counts = { persons: 0, measures: 0, orders: 0, claims: 0, payments: 0 };
    const bar = new cliProgress.SingleBar(
      {
        format: 'seed |{bar}| {percentage}% {value}/{total} recipients | measures {measures} orders {orders} | {rate} rows/s | ETA {eta_formatted}',
        etaBuffer: 20,
        // Without a terminal (CI, logs): a line every 10 s instead of nothing.
        noTTYOutput: true,
        notTTYSchedule: 10_000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(plan.recipients, 0, { measures: 0, orders: 0, rate: 0 });
    const write = async (chunk: RecipientChunk) => {
      const inTx = async (client: pg.Client, work: () => Promise<void>) => {
        await client.query('begin');
        await work();
        await client.query('commit');
      };
      await Promise.all([
        inTx(people!, async () => {
          await insertRows(people!, TABLES.person, chunk.persons);
          await insertRows(people!, TABLES.representation, chunk.representations);
          await insertRows(people!, TABLES.personAccess, supplierAccess(chunk.orders, 'personId'));
        }),
        inTx(programs!, async () => {
          await insertRows(programs!, TABLES.program, chunk.programs);
          await insertRows(programs!, TABLES.measure, chunk.measures);
          await insertRows(programs!, TABLES.measureAccess, supplierAccess(chunk.orders, 'measureId'));
          await insertRows(programs!, TABLES.fulfilment, chunk.fulfilments);
        }),
        inTx(orders!, () => insertRows(orders!, TABLES.order, orderExtras(chunk))),
        inTx(finance!, async () => {
          await insertRows(finance!, TABLES.claim, chunk.claims);
          await insertRows(finance!, TABLES.payment, chunk.payments);
        }),
      ]);
      counts.persons += chunk.persons.length;
      counts.measures += chunk.measures.length;
      counts.orders += chunk.orders.length;
      counts.claims += chunk.claims.length;
      counts.payments += chunk.payments.length;
      const rowsSoFar = counts.persons * 2 + counts.measures + counts.orders + counts.claims + counts.payments;
      bar.update(chunk.to, { measures: counts.measures, orders: counts.orders, rate: Math.round(rowsSoFar / ((Date.now() - started) / 1000)) });
    };
    let pending: Promise<void> | undefined;
    for (const chunk of plan.chunks) {
      // Generating this chunk overlapped with writing the previous one; wait for it before queueing more.
      if (pending) await pending;
      pending = write(chunk);
      pending.catch(() => {});
    }
    await pending;
    bar.stop();
    console.log('vacuuming and analyzing…');
    // Vacuumed, not only analyzed: the visibility map and hint bits are set now, so the first reads after
    // seeding (a benchmark's first rounds) do not write them and cost what later reads cost.
    await admin.query(`vacuum (analyze) ${tables.map((t) => `"${t.schema}"."${t.table}"`).join(', ')}`);
    await Promise.all([people, programs, orders, finance].map((x) => x!.end()));
    const secs = (Date.now() - started) / 1000;
    console.log(
      `seeded ${counts.persons} persons (${plan.recipients} recipients), ${counts.measures} measures, ${counts.orders} orders, ${counts.claims} claims, ` +
        `${counts.payments} payments, ${cat.suppliers.length} suppliers, ${cat.offerings.length} offerings in ${secs.toFixed(1)} s`,
    );
  } finally {
    await admin.end();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.scale === 'help') return console.log(USAGE);
  if (args.scale === 'demo') return seedDemo(databaseUrlForTools());
  const shape = SCALES[args.scale] ?? (/^\d+$/.test(args.scale) ? { persons: Number(args.scale), suppliers: 300, offerings: 20_000 } : null);
  if (!shape) throw new Error(`unknown scale "${args.scale}"\n${USAGE}`);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(`--scale ${args.scale} needs a PostgreSQL server: set DATABASE_URL (the embedded database is for the demo world only; it is single-process WASM and would take hours)`);
  }
  if (!Number.isInteger(args.chunk) || args.chunk < 1) throw new Error('--chunk must be a positive whole number');
  await seedScale(databaseUrl, shape.persons, shape, args);
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(`seed: ${e.message}`);
    process.exit(1);
  },
);
