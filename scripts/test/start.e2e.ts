import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '@aleumet/platform';
import { verifyToken } from '@aleumet/core';
import { gql, world } from '@aleumet/testkit';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts `node scripts/dist/start.js` as npm start does and waits for its banner. */
function startPlatformProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
  it('boots on the embedded PostgreSQL with demo data, answers, and stops cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aleumet-start-'));
    dirs.push(dataDir);
    // DATABASE_URL empty: the embedded default, even when CI sets it for the other tests
    const { child, url } = await startPlatformProcess({ DATA_DIR: dataDir, PORT: '0', SUBGRAPH_PORTS: '0', EMBEDDED_PG_PORT: '0', DATABASE_URL: '' });
    try {
      expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
      const res = await gql(url, `{ suppliers(first: 200) { nodes { id } } offerings(first: 1) { nodes { id } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.suppliers.nodes).toHaveLength(world().suppliers.length);

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
  });
});
