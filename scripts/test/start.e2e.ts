import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '@aleumet/platform';
import { verifyToken } from '@aleumet/core';
import pg from 'pg';
import { createTestDatabase, gql, world } from '@aleumet/testkit';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts `node scripts/dist/start.js` as npm start does and waits for its banner. */
function startPlatformProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in time:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /GraphQL:\s+(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('npm start', () => {
  it('boots on the embedded PostgreSQL with demo data, answers, stops cleanly on Ctrl-C, and keeps its data for the next start', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aleumet-start-'));
    dirs.push(dataDir);
    // DATABASE_URL empty: the embedded default, even when CI sets it for the other tests
    const env = { DATA_DIR: dataDir, PORT: '0', SUBGRAPH_PORTS: '0', EMBEDDED_PG_PORT: '0', DATABASE_URL: '' };
    const { child, url, output } = await startPlatformProcess(env);
    try {
      expect(output()).toMatch(/embedded PostgreSQL at postgres:\/\/\S+ \(data in /);
      for (const name of ['people', 'programs', 'catalog', 'orders', 'finance']) expect(output()).toContain(`seeded ${name}`);
      expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
      // The entity cache is on over the embedded database too (its LISTEN/NOTIFY crosses connections).
      expect(output()).toMatch(/entity cache: on/);
      const metricsUrl = /metrics:\s+(http\S+)/.exec(output())?.[1];
      expect((await fetch(metricsUrl!)).status).toBe(200);
      expect((await fetch(url.replace('/graphql', '/metrics'))).status).toBe(404);
      const res = await gql(url, `{ suppliers(first: 200) { nodes { id } } offerings(first: 1) { nodes { id } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.suppliers.nodes).toHaveLength(world().suppliers.length);
      // the embedded database's files live under DATA_DIR (.data/ by default), its URL is written down for the tools
      expect(existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'database-url'))).toBe(true);

      // npm run token works against the running embedded database
      const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts/dist/token.js'), world().persons[0]!.iin], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
      const identity = await verifyToken(stdout.trim());
      expect(identity.personId).toBe(world().persons[0]!.id);
      const me = await gql(url, `{ me { iin } }`, {}, stdout.trim());
      expect(me.data.me.iin).toBe(world().persons[0]!.iin);
    } finally {
      const exited = exitOf(child);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
    // Ctrl-C stopped everything: the gateway's port is closed, the shutdown ran without errors, the URL file is gone
    expect(output()).toMatch(/shutting down.*signal=SIGINT/);
    expect(output()).not.toMatch(/error|unhandled/i);
    await expect(fetch(url.replace('/graphql', '/health'))).rejects.toThrow();
    expect(existsSync(path.join(dataDir, 'database-url'))).toBe(false);

    // A second start on the same data directory finds the data: migrated and seeded already, nothing seeded again
    const again = await startPlatformProcess(env);
    try {
      expect(again.output()).not.toMatch(/seeded (people|programs|catalog|orders|finance)/);
      const res = await gql(again.url, `{ suppliers(first: 200) { nodes { id } } }`);
      expect(res.data.suppliers.nodes).toHaveLength(world().suppliers.length);
    } finally {
      const exited = exitOf(again.child);
      again.child.kill('SIGINT');
      expect(await exited).toBe(0);
    }

    // Ctrl-C the moment the banner appears stops cleanly too (the handler was once installed after the banner)
    const quick = await startPlatformProcess(env);
    const exited = exitOf(quick.child);
    quick.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(quick.output()).toMatch(/shutting down.*signal=SIGINT/);
  }, 240_000);

  it('uses the server of DATABASE_URL instead when it is set: no embedded database, migrations applied there', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aleumet-start-'));
    dirs.push(dataDir);
    const db = await createTestDatabase('start');
    try {
      // SEED=false keeps it short: seeding is the same code path as above and as the global setup
      const { child, url, output } = await startPlatformProcess({ DATA_DIR: dataDir, PORT: '0', SUBGRAPH_PORTS: '0', EMBEDDED_PG_PORT: '0', DATABASE_URL: db.url, SEED: 'false' });
      try {
        expect(output()).not.toMatch(/embedded PostgreSQL/);
        expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
        expect(existsSync(path.join(dataDir, 'database-url'))).toBe(false);
        const res = await gql(url, `{ offerings(first: 1) { nodes { id } } }`);
        expect(res.errors).toBeUndefined();
        expect(res.data.offerings.nodes).toEqual([]);
        // every subgraph migrated its own schema on that server
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        try {
          const { rows } = await c.query<{ schema: string }>(`select table_schema as schema from information_schema.tables where table_name = 'mikro_orm_migrations' order by 1`);
          expect(rows.map((r) => r.schema)).toEqual(['catalog', 'finance', 'orders', 'people', 'programs']);
        } finally {
          await c.end();
        }
      } finally {
        const exited = exitOf(child);
        child.kill('SIGINT');
        expect(await exited).toBe(0);
      }
      expect(output()).toMatch(/shutting down.*signal=SIGINT/);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      await db.drop();
    }
  }, 120_000);
});

describe('npm run token', () => {
  const token = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [path.join(ROOT, 'scripts/dist/token.js'), ...args], { env: { ...process.env, DATABASE_URL: inject('databaseUrl'), ...env } });

  it('signs tokens for a seeded recipient, a supplier by BIN, a department and an integrator', async () => {
    const w = world();
    const representative = w.persons.find((p) => p.id === w.representations[0]!.representativeId)!;
    const rep = await verifyToken((await token([representative.iin])).stdout.trim());
    expect(rep).toMatchObject({ role: 'REPRESENTATIVE', personId: representative.id });
    expect(rep.represents).toEqual(w.representations.filter((r) => r.representativeId === representative.id).map((r) => r.principalId));

    const supplier = w.suppliers[3]!;
    expect(await verifyToken((await token([supplier.bin])).stdout.trim())).toMatchObject({ role: 'SUPPLIER', supplierId: supplier.id });
    expect(await verifyToken((await token(['department:KZ-75'])).stdout.trim())).toMatchObject({ role: 'EMPLOYMENT_DEPARTMENT', regionCode: 'KZ-75' });
    expect(await verifyToken((await token(['integrator:orders:read'])).stdout.trim())).toMatchObject({ role: 'INTEGRATOR', scopes: ['orders:read'] });
  });

  it('refuses unknown users and production', async () => {
    await expect(token(['not-a-user'])).rejects.toThrow(/neither a valid IIN\/BIN/);
    await expect(token(['admin'], { NODE_ENV: 'production' })).rejects.toThrow(/development only/);
    // refused for every kind of user, before any database is reached, and nothing that looks like a token is printed
    for (const who of [world().persons[0]!.iin, world().suppliers[0]!.bin, 'department:KZ-75', 'integrator:orders:read']) {
      const refused = await token([who], { NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }).then(() => null, (e) => e);
      expect(refused, who).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toMatch(/development only/);
    }
  });
});
