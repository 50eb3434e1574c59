import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { testDatabaseUrl } from '@aleumet/testkit';
import { ROOT, startPlatform, type Platform, type PlatformOptions } from '../index.js';

export const WEB_DIR = path.join(ROOT, 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds web/dist (`npm run build -w web`) unless it is newer than every source file of the web app. */
export function ensureWebBuild(): string {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(newestMtime(path.join(WEB_DIR, 'src')), statSync(path.join(WEB_DIR, 'index.html')).mtimeMs);
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: ROOT, stdio: 'pipe' });
  }
  return WEB_DIST;
}

/** The real platform over the run's database, with the gateway also serving the built web app at `/`. */
export function startWebTestPlatform(options: Pick<PlatformOptions, 'clock'> = {}): Promise<Platform> {
  return startPlatform({
    ...options,
    databaseUrl: testDatabaseUrl(),
    gatewayPort: 0,
    subgraphPorts: { people: 0, programs: 0, catalog: 0, orders: 0, finance: 0 },
    webDir: ensureWebBuild(),
  });
}
