import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { Kind, buildSchema, parse, print } from 'graphql';
import pg from 'pg';
import { ROOT, startPlatform, type Platform } from '@aleumet/platform';
import { gql, world } from '@aleumet/testkit';
import { ITEM_TYPES, documentHash, isValidIin } from '@aleumet/core';
import { EXAMPLE_BIRTH_YEAR, EXAMPLE_PERSONS, EXAMPLE_PROGRAM_PREFIX, EXAMPLE_SOURCE_PREFIX, EXAMPLE_UNSEEN_PERSON } from '@aleumet/demo-data';
import { operationProblems, operationText, printPublicSchema } from '@aleumet/gateway';
import { COLLECTION_FILE, operationFiles, requestCollection } from '../scripts/src/collection.js';

/**
 * The README says what this is, shows exactly the two commands, draws the architecture in mermaid
 * and gives a first query to paste. Then every code block of README.md and docs/*.md is run as
 * written against a platform on the run's database (see "docs are tested" below), the way a reader
 * runs them: shell blocks in bash from the repository root, JavaScript blocks with node, with
 * ALEUMET_URL set to the gateway and ALEUMET_API_KEY to the key the docs' `create` printed.
 */
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));

let platform: Platform;
let webDir: string;
beforeAll(async () => {
  webDir = mkdtempSync(path.join(os.tmpdir(), 'aleumet-web-'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Aleumet</title><div id="root">readme-test</div>');
  platform = await startPlatform({
    databaseUrl: inject('databaseUrl'), webDir, gatewayPort: 0, subgraphPorts: { people: 0, programs: 0, catalog: 0, orders: 0, finance: 0 },
  });
});
afterAll(async () => {
  await platform?.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('README', () => {
  it('says what this is and shows exactly the two commands', () => {
    expect(readme).toMatch(/^# Aleumet Federated\n\n\S/);
    const commands = blocks.find((b) => b.lang === 'sh' && b.body.includes('npm start'))!;
    expect(commands.body.split('\n').filter(Boolean).map((l) => l.replace(/\s+#.*$/, '').trim())).toEqual(['npm install && npm start', 'npm test']);
    expect(readme).toMatch(/embedded\s+PostgreSQL/);
    expect(readme).toContain('.data/');
  });

  it('draws the architecture in mermaid: gateway, five subgraphs, PostgreSQL', () => {
    const mermaid = blocks.filter((b) => b.lang === 'mermaid');
    expect(mermaid).toHaveLength(1);
    const diagram = mermaid[0]!.body;
    expect(diagram).toMatch(/^(flowchart|graph) /);
    for (const node of ['gw', 'people', 'programs', 'catalog', 'orders', 'finance', 'pg']) expect(diagram).toMatch(new RegExp(`\\b${node}\\[|\\b${node}\\(`));
    for (const sub of ['people', 'programs', 'catalog', 'orders', 'finance']) expect(diagram).toMatch(new RegExp(`gw --> ${sub}\\b`));
  });

  it('its first query works as written: token for the IIN it names, the curl body verbatim, data from all five subgraphs', async () => {
    const first = blocks.find((b) => b.lang === 'sh' && b.body.includes('npm run -s token'))!;
    const iin = /npm run -s token -- (\d{12})/.exec(first.body)![1]!;
    const body = /<<'JSON'\n([\s\S]*?)\nJSON/.exec(first.body)![1]!;
    expect(first.body).toContain('"$ALEUMET_URL/graphql"');
    expect(readme).toContain('export ALEUMET_URL=http://127.0.0.1:4000');

    const person = world().persons.find((p) => p.iin === iin);
    expect(person, 'the README names a seeded recipient').toBeDefined();
    expect(person!.category).not.toBe('NONE');

    // npm run token -- <IIN> (the script behind it, on the run's database)
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/dist/token.js'), iin], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), NODE_ENV: 'development' },
    });
    const res = await fetch(platform.gateway.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${stdout.trim()}` }, body,
    });
    expect(res.status).toBe(200);
    const { data, errors } = await res.json();
    expect(errors).toBeUndefined();
    const me = data.me;
    expect(me.fullName).toBe([person!.lastName, person!.firstName, person!.middleName].filter(Boolean).join(' ')); // people
    const program = world().programs.find((p) => p.personId === person!.id)!;
    expect(me.program.number).toBe(program.number); // programs
    const measures = me.program.measures.nodes;
    expect(measures.length).toBeGreaterThan(0);
    for (const m of measures) {
      expect(m.kind).toMatch(/^S[1-6]$/);
      expect(Number.isSafeInteger(m.guaranteedSum)).toBe(true);
      expect(m.itemType.nameEn).toEqual(expect.any(String)); // catalog
    }
    const orders = measures.flatMap((m: any) => m.orders.nodes); // orders
    expect(orders.length, 'the README recipient has orders to show').toBeGreaterThan(0);
    expect(orders.some((o: any) => o.claim)).toBe(true);
    for (const o of orders) {
      expect(o.offering.title).toEqual(expect.any(String));
      expect(o.offering.supplier.name).toEqual(expect.any(String)); // catalog, through orders
      if (o.claim) expect(o.claim.statePart + o.claim.coPayment).toBe(o.price); // finance
    }
  });

  it('its public catalog query needs no token', async () => {
    const query = /`(\{ offerings\(first: 5[^`]*)`/.exec(readme)![1]!;
    const res = await gql(platform.gateway.url, query);
    expect(res.errors).toBeUndefined();
    expect(res.data.offerings.nodes.length).toBeGreaterThan(0);
  });

  it('the gateway serves the web app at / (client routes fall back to index.html), GraphQL at /graphql and health', async () => {
    const base = platform.gateway.url.replace(/\/graphql$/, '');
    expect(platform.gateway.url).toMatch(/\/graphql$/);
    for (const p of ['/', '/cabinet/orders']) {
      const res = await fetch(base + p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('readme-test');
    }
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(readme).toContain('http://127.0.0.1:4000/');
  });
});

// ---------------------------------------------------------------------------------------------
// Docs are tested: every fenced block of README.md and docs/*.md is run, checked, or marked.
//   sh       run with bash -e from the repository root; fails on a non-zero exit or a GraphQL `"errors"` answer
//   js       run with node (an ES module) from the repository root; fails on a non-zero exit.
//            Blocks with `createClient(` (graphql-ws) run in the background until the document's end.
//   graphql  documents: every operation must be valid against schema/public.graphql within the
//            gateway's limits, and one named like an ops/ file must be that file's text
//   marked   ```text, or `<!-- not-run: reason -->` on the line before the block: not run (a reason is required)
// Anything else fails the test, so nothing is skipped silently.
// ---------------------------------------------------------------------------------------------

interface Block { file: string; line: number; lang: string; body: string; notRun: string | null }

const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

function blocksOf(file: string): Block[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (end < 0) throw new Error(`${file}:${i + 1}: unclosed code block`);
    const body = lines.slice(i + 1, end).map((l) => l.slice(indent)).join('\n');
    const before = lines.slice(0, i).reverse().find((l) => l.trim() !== '') ?? '';
    const mark = /^\s*<!--\s*not-run:(.*?)-->\s*$/.exec(before);
    out.push({ file, line: i + 1, lang: open[2]!, body, notRun: mark ? mark[1]!.trim() : open[2] === 'text' ? 'text' : null });
    i = end;
  }
  return out;
}

const publicSdl = readFileSync(path.join(ROOT, 'schema/public.graphql'), 'utf8');
const ops = operationFiles(ROOT);

describe('docs are tested', () => {
  const env: Record<string, string> = {};
  const registered = new Map<string, string>(); // client name → hash, from `register` output
  const background: { block: Block; child: ChildProcess; exited: Promise<{ code: number | null; out: string }> }[] = [];
  const snippetDir = () => {
    const dir = path.join(ROOT, 'node_modules/.cache/docs-snippets');
    mkdirSync(dir, { recursive: true });
    return mkdtempSync(path.join(dir, 'run-'));
  };
  let dir: string;

  beforeAll(() => {
    dir = snippetDir();
    Object.assign(env, {
      ...process.env, DATABASE_URL: inject('databaseUrl'), NODE_ENV: 'development',
      ALEUMET_URL: platform.gateway.url.replace(/\/graphql$/, ''),
    });
    delete env.ALEUMET_API_KEY;
  });
  afterAll(() => {
    for (const b of background) b.child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const where = (b: Block) => `${b.file}:${b.line}`;

  it('every code block is run, checked or explicitly marked not-run with a reason', () => {
    const all = DOCS.flatMap(blocksOf);
    expect(all.length).toBeGreaterThan(10);
    for (const b of all) {
      if (b.notRun !== null) expect(b.notRun, `${where(b)}: a not-run mark needs a reason`).not.toBe('');
      else expect(['sh', 'js', 'graphql'], `${where(b)}: \`\`\`${b.lang} is neither run nor marked <!-- not-run: reason -->`).toContain(b.lang);
    }
  });

  function output(child: ChildProcess): Promise<{ code: number | null; out: string }> {
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
  }

  async function runBlock(b: Block) {
    if (b.notRun !== null) return;
    if (b.lang === 'graphql') {
      const schema = buildSchema(publicSdl);
      for (const def of parse(b.body).definitions) {
        const one = print({ kind: Kind.DOCUMENT, definitions: [def] });
        expect(operationProblems(schema, one), `${where(b)}: ${one.slice(0, 80)}`).toEqual([]);
        const name = def.kind === Kind.OPERATION_DEFINITION ? def.name?.value : undefined;
        const file = ops.find((o) => o.name === name);
        if (file) expect(b.body, `${where(b)} shows ${file.file}: it must be that file's text`).toBe(file.document);
      }
      return;
    }
    if (b.lang === 'sh') {
      const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', b.body], { cwd: ROOT, env });
      const { code, out } = await output(child);
      expect(code, `${where(b)} exited with ${code}:\n${out}`).toBe(0);
      expect(out, `${where(b)} answered with GraphQL errors`).not.toMatch(/"errors"\s*:/);
      const key = /API key \(shown once, store it now\):\s+(alk_\S+)/.exec(out);
      if (key) env.ALEUMET_API_KEY = key[1]!; // what the reader exports next
      for (const m of out.matchAll(/registered (\w+) sha256 ([0-9a-f]{64})/g)) registered.set(m[1]!, m[2]!);
      return;
    }
    if (b.lang === 'js') {
      const file = path.join(dir, `${b.file.replace(/\W/g, '_')}-${b.line}.mjs`);
      writeFileSync(file, b.body);
      const child = spawn(process.execPath, [file], { cwd: ROOT, env });
      const exited = output(child);
      if (b.body.includes('createClient(')) {
        background.push({ block: b, child, exited });
        // The example subscribes before the next block acts: wait for the connection, then a moment for the subscribe.
        if (b.body.includes("'connected'")) {
          await new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`${where(b)} did not connect`)), 15_000);
            child.stdout!.on('data', (d) => String(d).includes('connected') && (clearTimeout(t), resolve()));
          });
          await new Promise((r) => setTimeout(r, 1500));
        }
        return;
      }
      const { code, out } = await exited;
      expect(code, `${where(b)} exited with ${code}:\n${out}`).toBe(0);
      return;
    }
    throw new Error(`${where(b)}: cannot run \`\`\`${b.lang}`);
  }

  for (const doc of DOCS) {
    it(`${doc}: its code blocks run as written`, async () => {
      // Files the snippets write where the reader runs them (e.g. the schema download) are removed afterwards.
      const before = new Set(readdirSync(ROOT));
      onTestFinished(() => {
        for (const f of readdirSync(ROOT)) if (!before.has(f)) rmSync(path.join(ROOT, f), { recursive: true, force: true });
      });
      for (const b of blocksOf(doc)) await runBlock(b);
      for (const { block, child, exited } of background.splice(0)) {
        const timer = setTimeout(() => child.kill(), 30_000);
        const { code, out } = await exited;
        clearTimeout(timer);
        expect(code, `${where(block)} (subscription) exited with ${code}:\n${out}`).toBe(0);
      }
    }, 600_000);
  }

  it('the collection sends each operation exactly as register registered it (same text, same sha256)', async () => {
    expect(readFileSync(path.join(ROOT, COLLECTION_FILE), 'utf8'), 'run npm run compose').toBe(requestCollection(ROOT));
    const collection = JSON.parse(readFileSync(path.join(ROOT, COLLECTION_FILE), 'utf8'));
    const db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    try {
      const { rows } = await db.query(`select o.hash, o.document from people.persisted_operation o join people.integrator_client c on c.id = o.client_id where c.name in ('social-protection', 'statistics')`);
      const byHash = new Map(rows.map((r) => [r.hash as string, r.document as string]));
      const queries = ops.filter((o) => o.type !== 'subscription');
      expect(collection.item.map((i: any) => i.name)).toEqual(queries.map((o) => o.name));
      for (const item of collection.item) {
        const query = item.request.body.graphql.query as string;
        expect(byHash.get(documentHash(query)), `${item.name}: registered by the docs' register commands`).toBe(query);
        expect(registered.get(item.name), `${item.name}: the hash register printed`).toBe(documentHash(query));
      }
    } finally {
      await db.end();
    }
  });

  it('every ops/ operation is valid against the public schema within the limits, and the docs register it', () => {
    const schema = buildSchema(publicSdl);
    const docsText = DOCS.map((d) => readFileSync(path.join(ROOT, d), 'utf8')).join('\n');
    expect(ops.length).toBeGreaterThanOrEqual(6);
    for (const o of ops) {
      expect(operationProblems(schema, o.document), o.file).toEqual([]);
      expect(docsText, `${o.file} is registered in the docs`).toMatch(new RegExp(`npm run integrator -- register [\\w-]+ ${o.file.replace(/\./g, '\\.')}\n`));
    }
    expect(ops.map((o) => o.type)).toContain('subscription');
  });

  it('register normalizes the trailing newline, and refuses documents the gateway would refuse', async () => {
    const file = (name: string, text: string) => {
      const f = path.join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    const register = (f: string) => promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/dist/integrator.js'), 'register', 'social-protection', f], { env, cwd: ROOT })
      .then(({ stdout }) => ({ code: 0, out: stdout }), (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }));
    const text = 'query RegisterCheck { itemTypes(first: 1) { nodes { code } } }';
    const ok = await register(file('ok.graphql', `${text}\n\n`));
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`sha256 ${documentHash(text)}`);
    expect(ok.out).toMatch(/without its trailing whitespace/);
    expect(operationText(`\uFEFF${text}\r\n`)).toBe(text);
    const deep = 'query Deep { me { program { measures(first: 1) { nodes { orders { nodes { measure { program { measures(first: 1) { nodes { orders { nodes { id } } } } } } } } } } } } }';
    const refusals = [
      file('unknown-field.graphql', 'query Unknown { noSuchField }'),
      file('too-deep.graphql', deep),
      file('aliases.graphql', `query Aliases { ${Array.from({ length: 21 }, (_, i) => `a${i}: itemTypes(first: 1) { nodes { code } }`).join(' ')} }`),
      file('tokens.graphql', `query Tokens { itemTypes(first: 1) { nodes { ${'code '.repeat(3000)} } } }`),
    ];
    for (const f of refusals) {
      const r = await register(f);
      expect(r.code, `${path.basename(f)}: ${r.out}`).toBe(2);
      expect(r.out).toMatch(/the gateway would refuse this document/);
    }
  }, 180_000);

  it('examples use reserved test values: valid IINs no generated person has, existing item types, the example program range', () => {
    const text = DOCS.map((d) => readFileSync(path.join(ROOT, d), 'utf8')).join('\n') + ops.map((o) => readFileSync(path.join(ROOT, o.file.replace(/\.graphql$/, '.variables.json')), 'utf8')).join('\n');
    const seeded = new Set(world().persons.map((p) => p.iin));
    const examples = new Set([...EXAMPLE_PERSONS, EXAMPLE_UNSEEN_PERSON].map((p) => p.iin));
    const iins = [...text.matchAll(/\b\d{12}\b/g)].map((m) => m[0]);
    expect(iins.length).toBeGreaterThan(0);
    for (const iin of iins) {
      expect(isValidIin(iin), `${iin}: check digit`).toBe(true);
      // The one seeded IIN the docs name is the demo recipient signing in (read-only); everything written goes to example persons.
      expect(examples.has(iin) || iin === '110808600004', `${iin} is an example person's`).toBe(true);
    }
    for (const p of [...EXAMPLE_PERSONS, EXAMPLE_UNSEEN_PERSON]) {
      expect(isValidIin(p.iin)).toBe(true);
      expect(seeded.has(p.iin)).toBe(false);
      expect(p.birthDate.startsWith(String(EXAMPLE_BIRTH_YEAR))).toBe(true);
    }
    expect(world().persons.some((p) => p.birthDate.startsWith(String(EXAMPLE_BIRTH_YEAR)))).toBe(false);
    expect(world().programs.some((p) => p.number.startsWith(EXAMPLE_PROGRAM_PREFIX))).toBe(false);
    expect(world().measures.some((m) => m.sourceId.startsWith(EXAMPLE_SOURCE_PREFIX))).toBe(false);
    for (const m of text.matchAll(/\bprogramNumber\b["']?:\s*["']([^"']+)/g)) expect(m[1]!.startsWith(EXAMPLE_PROGRAM_PREFIX), m[1]).toBe(true);
    for (const m of text.matchAll(/\bsourceId\b["']?:\s*["']([^"']+)/g)) expect(m[1]!.startsWith(EXAMPLE_SOURCE_PREFIX), m[1]).toBe(true);
    const codes = new Set(ITEM_TYPES.map((t) => t.code));
    for (const m of text.matchAll(/\bS[1-6](?:-[A-Z0-9]+)+\b/g)) expect(codes.has(m[0]), `item type ${m[0]}`).toBe(true);
  });

  it('the gateway serves the public schema at /schema.graphql, to anyone: the committed file, without internals', async () => {
    const res = await fetch(platform.gateway.url.replace(/\/graphql$/, '/schema.graphql'));
    expect(res.status).toBe(200);
    const served = await res.text();
    expect(served).toBe(publicSdl);
    expect(publicSdl).toBe(printPublicSchema(readFileSync(path.join(ROOT, 'schema/supergraph.graphql'), 'utf8')));
    expect(publicSdl).toMatch(/type Query/);
    expect(publicSdl).not.toMatch(/\binternal[A-Z]\w*|_entities|_service|_Any|join__|link__|@inaccessible|@join/);
  });

  it('the demo data have the fulfilment record of every FULFILLED measure', async () => {
    const fulfilled = world().measures.filter((m) => m.status === 'FULFILLED');
    expect(fulfilled.length).toBeGreaterThan(100);
    expect(world().fulfilments.map((f) => f.measureId).sort()).toEqual(fulfilled.map((m) => m.id).sort());
    const db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    try {
      const { rows } = await db.query('select f.measure_id, f.order_id, m.fulfilled_at = f.fulfilled_at as same from programs.fulfilment f join programs.measure m on m.id = f.measure_id where f.measure_id = any($1)', [fulfilled.map((m) => m.id)]);
      expect(rows.length).toBe(fulfilled.length);
      expect(rows.every((r) => r.same)).toBe(true);
      const orders = new Map(world().orders.map((o) => [o.id, o]));
      for (const r of rows) expect(orders.get(r.order_id)?.status).toBe('HANDED_OVER');
    } finally {
      await db.end();
    }
  });
});
