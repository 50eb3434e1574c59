import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '@aleumet/platform';

const run = promisify(execFile);
const out = mkdtempSync(path.join(os.tmpdir(), 'aleumet-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** CI proves the benchmark scripts work: `bench/dist/run.js --smoke` against the run's seeded database (seconds, not minutes). */
describe('bench --smoke', () => {
  it('compares our gateway with plain @apollo/gateway, the direct chain and SQL per page size, and writes its report', async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, 'bench/dist/run.js'), '--smoke', '--seconds', '1', '--connections', '2', '--database-url', inject('databaseUrl'), '--out', out],
      { timeout: 150_000, maxBuffer: 10_000_000 },
    );
    expect(stdout).toContain('RPS ratio ours/vanilla');
    expect(stdout).toContain('Gateway/direct RPS');
    expect(stdout).toContain('SQL statements per request');
    const json = readdirSync(out).find((f) => f.endsWith('.json'))!;
    const report = JSON.parse(readFileSync(path.join(out, json), 'utf8'));
    // Same answers through both gateways and the direct chain, no errors under load, SQL independent of the page size.
    expect(report.failures).toEqual([]);
    // Measured dashboards were planned from the plan cache, or answered whole from the entity cache (not planned).
    const { planCache, cache } = report.gateway['recipient dashboard'].stats;
    expect(planCache.hits + (cache?.answerHits ?? 0)).toBeGreaterThan(0);
    expect(planCache.misses).toBe(0);
  }, 180_000);
});
