import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT, startPlatform, type Platform } from '@aleumet/platform';
import { gql, world } from '@aleumet/testkit';

/**
 * Issue 3: the README says what this is, shows exactly the two commands, draws the architecture in
 * mermaid and gives a first query to paste. The first query is run here as the README writes it:
 * the token from `npm run token -- <the IIN it names>` and the curl body, verbatim, through the
 * real gateway, which also serves the web app at `/`.
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
    expect(first.body).toContain('http://127.0.0.1:4000/graphql');

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
