import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Not @aleumet/platform: the token tool must not load the five subgraphs.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The database the running platform uses: DATABASE_URL, or the embedded one `npm start` wrote down. */
export function databaseUrlForTools(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = path.join(process.env.DATA_DIR ?? path.join(ROOT, '.data'), 'database-url');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error('Set DATABASE_URL, or start the platform with npm start first');
}
